// The OpenAPI entries of the operations endpoints — readiness and Prometheus metrics — that every
// syslab process serves beside /healthz.

export const operationsPaths = {
  "/readyz": {
    get: {
      operationId: "readiness",
      summary: "Readiness: whether to send this process traffic",
      description:
        "200 when the process is not draining and its run store answers; 503 otherwise. Liveness is /healthz, " +
        "which answers from memory and stays 200 while the database is down.",
      responses: {
        "200": {
          description: "Ready.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
        },
        "503": {
          description: "Draining, or the run store cannot be reached.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Readiness" } } },
        },
      },
    },
  },
  "/metrics": {
    get: {
      operationId: "metrics",
      summary: "Prometheus metrics",
      description:
        "Text exposition format: syslab_runs{status} (from the store, for the whole deployment), " +
        "syslab_run_duration_seconds{outcome} (runs executed by this process), " +
        "syslab_http_request_duration_seconds{method,route,status}, syslab_store_up, and Node's process metrics.",
      responses: {
        "200": {
          description: "The metrics.",
          content: { "text/plain": { schema: { type: "string" } } },
        },
      },
    },
  },
};

export const operationsSchemas = {
  Readiness: {
    type: "object",
    required: ["status"],
    properties: {
      status: { type: "string", enum: ["ready", "draining", "unavailable"] },
      reason: { type: "string" },
    },
  },
};
