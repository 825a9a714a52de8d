// Builds the OpenAPI 3.1 document served at /openapi.json. The scenario schema is the engine's own
// scenarioJsonSchema, generated from the schema that validates every submitted scenario.

import { ENGINE_VERSION, programJsonSchema, scenarioJsonSchema } from "@syslab/sim-core";
import { operationsPaths, operationsSchemas } from "./operations-paths";
import { sweepRequestSchema } from "./sweep-request-schema";

const scenarioPointer = "#/components/schemas/Scenario";

/**
 * Moves the scenario schema's shared definitions ($defs: Duration, Distribution, Step) beside it
 * under components/schemas, where OpenAPI tools look for named schemas, and points its
 * references there.
 */
function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/"))
      out[key] = `#/components/schemas/${value.slice("#/$defs/".length)}`;
    else if (key === "$schema" || key === "$id" || key === "$defs") continue;
    else out[key] = rebase(value);
  }
  return out;
}

const definitions = (schema: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries((schema.$defs ?? {}) as Record<string, unknown>).map(([name, def]) => [name, rebase(def)]),
  );
const scenarioDefinitions = definitions(scenarioJsonSchema);
// A program (the explorer's document, "kind": "program") is submitted to the same endpoint.
const programDefinitions = definitions(programJsonSchema);

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before trying again.",
    schema: { type: "integer", minimum: 1 },
  },
};

const idParameter = {
  name: "id",
  in: "path",
  required: true,
  description: "A run id, as returned by POST /v1/runs.",
  schema: { type: "string", pattern: "^[0-9a-f]{20}$" },
};

export interface OpenApiOptions {
  /** Most values in one sweep (MAX_SWEEP_VALUES). */
  maxSweepValues?: number;
  /** Absolute URL of the server, listed under `servers`; absent: relative to where the document was fetched. */
  serverUrl?: string;
  /** The server sets API_TOKENS, so creating runs needs a token; absent: a token is optional. */
  tokensRequired?: boolean;
}

// syslab has not chosen a licence yet: nothing is granted, which the document says plainly rather
// than leave the field out.
const license = { name: "All rights reserved (no licence granted yet)" };

export function openApiDocument(opts: OpenApiOptions = {}) {
  const jsonBody = (ref: string) => ({
    required: true,
    content: { "application/json": { schema: { $ref: ref } } },
  });
  const runCreated = {
    content: { "application/json": { schema: { $ref: "#/components/schemas/RunCreated" } } },
    headers: { Location: { description: "URL of the run.", schema: { type: "string" } } },
  };
  // Creating runs needs a bearer token on a server that sets API_TOKENS; elsewhere none (`{}`).
  const writeSecurity = opts.tokensRequired ? [{ bearerToken: [] }] : [{ bearerToken: [] }, {}];
  const submitErrors = {
    "400": problemResponse("The body is not JSON."),
    "401": {
      ...problemResponse("The server sets API_TOKENS and the request carries no valid bearer token."),
      headers: {
        "WWW-Authenticate": {
          description: 'The scheme to use: Bearer realm="syslab".',
          schema: { type: "string" },
        },
      },
    },
    "413": problemResponse("The body is larger than BODY_LIMIT."),
    "415": problemResponse("The Content-Type is not application/json."),
    "422": problemResponse(
      "The scenario (or sweep) is not valid; every problem is listed with its JSON path.",
    ),
    "429": {
      ...problemResponse("Too many requests from this client; see Retry-After."),
      headers: retryAfter,
    },
    "503": {
      ...problemResponse("The run queue is full or the server is stopping; see Retry-After."),
      headers: retryAfter,
    },
  };
  const comparisonCreated = {
    content: { "application/json": { schema: { $ref: "#/components/schemas/ComparisonCreated" } } },
    headers: { Location: { description: "URL of the comparison.", schema: { type: "string" } } },
  };
  const rateLimited = {
    "429": { ...problemResponse("Too many requests from this client."), headers: retryAfter },
  };

  return {
    openapi: "3.1.0",
    info: {
      title: "syslab API",
      version: ENGINE_VERSION,
      description:
        "Submit a scenario, get a run id, long-poll or stream its progress, and share a link to the result. " +
        "Errors are application/problem+json (RFC 9457).",
      license,
    },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl, description: "This server." }] } : {}),
    // Reading is open to anyone; the operations that write say what they need.
    security: [],
    paths: {
      "/v1/runs": {
        post: {
          operationId: "createRun",
          summary: "Submit a scenario or a program",
          security: writeSecurity,
          description:
            'Validates the scenario (or the program, a document with "kind": "program", which the explorer runs) and queues a run. ' +
            "The run id derives from the canonical document and the " +
            "engine version: submitting the same scenario again answers 200 with the stored run instead of 201.",
          requestBody: jsonBody("#/components/schemas/Document"),
          responses: {
            "201": { description: "A new run was queued.", ...runCreated },
            "200": { description: "This scenario was submitted before; the existing run.", ...runCreated },
            ...submitErrors,
          },
        },
      },
      "/v1/sweeps": {
        post: {
          operationId: "createSweep",
          summary: "Submit a parameter sweep",
          security: writeSecurity,
          description:
            "Sets `path` in the scenario to each of `values` in turn and submits one ordinary run per value.",
          requestBody: jsonBody("#/components/schemas/SweepRequest"),
          responses: {
            "201": {
              description: "At least one new run was queued.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/SweepCreated" } } },
            },
            "200": {
              description: "Every run existed already.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/SweepCreated" } } },
            },
            ...submitErrors,
          },
        },
      },
      "/v1/comparisons": {
        post: {
          operationId: "createComparison",
          summary: "Submit a paired comparison of two scenarios",
          security: writeSecurity,
          description:
            "Runs scenarios `a` and `b` as replications on side a's seeds (the larger `run.replications`, 10 when " +
            "neither gives one) on common random numbers: request N arrives at the same time and brings the same " +
            "work on both sides. The result is `{ a, b, difference }`, the difference b − a of each key figure " +
            "with a 95% interval over the paired replications. Stored like a run: the same pair again answers 200 " +
            "with the stored comparison. A problem's path starts with its side (`a.entry`, `b.run.precision`).",
          requestBody: jsonBody("#/components/schemas/ComparisonRequest"),
          responses: {
            "201": { description: "A new comparison was queued.", ...comparisonCreated },
            "200": {
              description: "This pair was submitted before; the existing comparison.",
              ...comparisonCreated,
            },
            ...submitErrors,
          },
        },
      },
      "/v1/comparisons/{id}": {
        get: {
          operationId: "getComparison",
          summary: "Read a comparison",
          description:
            "Status, timings and, when done, the result `{ a, b, difference }`. With `wait`, holds the request until it finishes.",
          parameters: [
            idParameter,
            {
              name: "wait",
              in: "query",
              required: false,
              description:
                "Long poll: seconds to wait for the comparison to finish (capped by the server's MAX_WAIT).",
              schema: { type: "number", minimum: 0 },
            },
          ],
          responses: {
            "200": {
              description: "The comparison.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Comparison" } } },
            },
            "400": problemResponse("`wait` is not a non-negative number."),
            "404": problemResponse("No comparison has this id."),
            ...rateLimited,
          },
        },
      },
      "/v1/runs/{id}": {
        get: {
          operationId: "getRun",
          summary: "Read a run",
          description:
            "Status, timings and, when done, the result. With `wait`, holds the request until the run finishes.",
          parameters: [
            idParameter,
            {
              name: "wait",
              in: "query",
              required: false,
              description:
                "Long poll: seconds to wait for the run to finish (capped by the server's MAX_WAIT).",
              schema: { type: "number", minimum: 0 },
            },
            {
              name: "If-None-Match",
              in: "header",
              required: false,
              description:
                "Entity tags from an earlier answer (or `*`): a done run whose tag is among them answers 304 with no body.",
              schema: { type: "string" },
            },
          ],
          responses: {
            "200": {
              description: "The run. A done run carries a strong `ETag`; an unfinished one carries none.",
              headers: {
                ETag: {
                  description: "The done run's entity tag; absent while the run is queued or running.",
                  schema: { type: "string" },
                },
              },
              content: { "application/json": { schema: { $ref: "#/components/schemas/Run" } } },
            },
            "304": {
              description:
                "The run is done and unchanged since the answer that gave the tag named in If-None-Match.",
              headers: {
                ETag: { description: "The done run's entity tag.", schema: { type: "string" } },
              },
            },
            "400": problemResponse("`wait` is not a non-negative number."),
            "404": problemResponse("No run has this id."),
            ...rateLimited,
          },
        },
      },
      "/v1/runs/{id}/events": {
        get: {
          operationId: "streamRunEvents",
          summary: "Stream a run's progress",
          description:
            "Server-sent events: `status` ({status}), `progress` ({simulatedTime, events, percent}), then `result` " +
            "(the run, with its result) or `failed` (the run, with its error), after which the stream ends.",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "An event stream.",
              content: { "text/event-stream": { schema: { type: "string" } } },
            },
            "404": problemResponse("No run has this id."),
            ...rateLimited,
          },
        },
      },
      "/v1/runs/{id}/chart.svg": {
        get: {
          operationId: "getRunChart",
          summary: "A chart of the run, as SVG",
          description:
            "A comparison's chart draws both sides, a and b, each in its own colour and named in a legend: with `latency`, their means over the paired replications side by side; with `series`, both first paired replications' mean latency over time.",
          parameters: [
            idParameter,
            {
              name: "kind",
              in: "query",
              required: false,
              description: "`latency` (percentiles, the default) or `series` (mean latency over time).",
              schema: { type: "string", enum: ["latency", "series"], default: "latency" },
            },
          ],
          responses: {
            "200": {
              description: "The chart; a placeholder while the run is unfinished.",
              content: { "image/svg+xml": { schema: { type: "string" } } },
            },
            "400": problemResponse("`kind` is not latency or series."),
            "404": problemResponse("No run has this id."),
            ...rateLimited,
          },
        },
      },
      "/v1/runs/{id}/trace.json": {
        get: {
          operationId: "getRunTrace",
          summary: "A traced run's requests, as Chrome Trace Event JSON",
          description:
            "The run's per-request traces (its scenario's `run.trace`) in the Chrome Trace Event format, the same " +
            "file the CLI's `--trace` writes; ui.perfetto.dev and chrome://tracing open it as it is.",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "The trace.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/ChromeTrace" } } },
            },
            "404": problemResponse(
              "No run has this id (`run.not-found`), or it has no trace (`run.trace-not-found`): it is unfinished, failed, or its scenario has no `run.trace`.",
            ),
            ...rateLimited,
          },
        },
      },
      "/r/{id}": {
        get: {
          operationId: "sharePage",
          summary: "The share page of a run",
          description:
            "HTML with what was simulated (the topology summarised, the scenario as JSON), the key numbers, SVG " +
            "charts, every component's figures, the failures by kind, the engine version, links to open the " +
            "scenario in the playground and to run it again, and link-preview meta tags (og:image is " +
            "/r/{id}/card.png). While the run is unfinished it shows the run's progress from the event stream " +
            "(without scripts it reloads itself). The topology is an SVG diagram; for a run with traces " +
            "(`run.trace`), a script from /r/assets/ animates the traced requests over it.",
          parameters: [idParameter],
          responses: {
            "200": { description: "The page.", content: { "text/html": { schema: { type: "string" } } } },
            "404": problemResponse("No run has this id."),
            ...rateLimited,
          },
        },
      },
      ...Object.fromEntries(
        ["topology-animation.js", "topology-player.js", "topology-frames.js"].map((file) => [
          `/r/assets/${file}`,
          {
            get: {
              operationId: `sharePageScript${file
                .replace(/\.js$/, "")
                .split("-")
                .map((w) => w[0]!.toUpperCase() + w.slice(1))
                .join("")}`,
              summary: `A script of the share pages: ${file}`,
              description:
                "One of the ES modules of a traced run's topology animation (topology-animation.js imports " +
                "topology-player.js, which imports topology-frames.js), loaded by the share page; cached for five minutes.",
              responses: {
                "200": {
                  description: "The script.",
                  content: { "text/javascript": { schema: { type: "string" } } },
                },
                ...rateLimited,
              },
            },
          },
        ]),
      ),
      "/r/{id}/card.png": {
        get: {
          operationId: "shareCard",
          summary: "The link-preview card of a run, as PNG",
          description:
            "A 1200×630 PNG (the size of og:image and twitter:card summary_large_image) with the run's name, " +
            "headline numbers and latency chart; a placeholder while the run is unfinished. Cached for an hour " +
            "once the run is finished (Cache-Control: public, max-age=3600), never before (no-store).",
          parameters: [idParameter],
          responses: {
            "200": {
              description: "The card.",
              content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } } },
            },
            "404": problemResponse("No run has this id."),
            ...rateLimited,
          },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: {
            "200": {
              description: "The OpenAPI document.",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
      "/healthz": {
        get: {
          operationId: "health",
          summary: "Liveness and queue figures",
          responses: {
            "200": {
              description: "Serving.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } },
            },
            "503": {
              description: "Draining before a stop.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Health" } } },
            },
          },
        },
      },
      ...operationsPaths,
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description:
            "One of the server's API_TOKENS, sent as Authorization: Bearer <token>. Needed to create runs and sweeps when the server sets API_TOKENS; rate limits then count per token.",
        },
      },
      schemas: {
        ...operationsSchemas,
        Scenario: rebase(scenarioJsonSchema),
        ...scenarioDefinitions,
        Program: rebase(programJsonSchema),
        ...programDefinitions,
        Document: {
          description: 'A scenario (no "kind"), simulated; or a program ("kind": "program"), explored.',
          oneOf: [{ $ref: scenarioPointer }, { $ref: "#/components/schemas/Program" }],
        },
        SweepRequest: sweepRequestSchema(opts.maxSweepValues ?? 50),
        Links: {
          type: "object",
          required: ["self", "events", "share", "chart"],
          properties: {
            self: { type: "string", format: "uri" },
            events: { type: "string", format: "uri" },
            share: { type: "string", format: "uri" },
            chart: { type: "string", format: "uri" },
          },
        },
        ChromeTrace: {
          description: "The Chrome Trace Event format's JSON object form.",
          type: "object",
          required: ["traceEvents", "displayTimeUnit"],
          properties: {
            traceEvents: {
              type: "array",
              items: {
                type: "object",
                required: ["name", "ph", "pid", "tid"],
                properties: {
                  name: { type: "string" },
                  ph: {
                    type: "string",
                    description: "b/e: async begin/end; X: complete; s/f: flow start/finish; M: metadata.",
                  },
                  bp: { type: "string", enum: ["e"] },
                  pid: { type: "integer" },
                  tid: { type: "integer" },
                  ts: { type: "number", description: "Microseconds of simulated time." },
                  dur: { type: "number" },
                  cat: { type: "string" },
                  id: { type: "string" },
                  args: { type: "object" },
                },
              },
            },
            displayTimeUnit: { type: "string", enum: ["ms"] },
          },
        },
        Status: { type: "string", enum: ["queued", "running", "done", "failed"] },
        RunCreated: {
          type: "object",
          required: ["id", "status", "links"],
          properties: {
            id: { type: "string", pattern: "^[0-9a-f]{20}$" },
            status: { $ref: "#/components/schemas/Status" },
            name: { type: ["string", "null"] },
            links: { $ref: "#/components/schemas/Links" },
          },
        },
        SweepCreated: {
          type: "object",
          required: ["path", "values", "runs"],
          properties: {
            path: { type: "string" },
            values: { type: "array" },
            runs: {
              type: "array",
              items: {
                allOf: [
                  { $ref: "#/components/schemas/RunCreated" },
                  { type: "object", properties: { value: {} } },
                ],
              },
            },
          },
        },
        Run: {
          type: "object",
          required: ["id", "status", "engineVersion", "scenarioHash", "createdAt", "links"],
          properties: {
            id: { type: "string" },
            status: { $ref: "#/components/schemas/Status" },
            name: { type: ["string", "null"] },
            engineVersion: { type: "string" },
            scenarioHash: { type: "string" },
            createdAt: { type: "string", format: "date-time" },
            startedAt: { type: ["string", "null"], format: "date-time" },
            finishedAt: { type: ["string", "null"], format: "date-time" },
            wallMs: { type: ["integer", "null"], description: "Wall-clock milliseconds the run took." },
            links: { $ref: "#/components/schemas/Links" },
            progress: {
              type: "object",
              description: "While running: the latest progress.",
              properties: {
                simulatedTime: { type: "number" },
                events: { type: "integer" },
                percent: { type: "number" },
              },
            },
            result: {
              type: "object",
              description: "When done: the result (see the Result contract in the docs).",
            },
            error: { $ref: "#/components/schemas/RunError" },
          },
        },
        ComparisonRequest: {
          type: "object",
          required: ["a", "b"],
          additionalProperties: false,
          properties: {
            name: { type: "string", description: "A title for the comparison." },
            a: { $ref: scenarioPointer },
            b: { $ref: scenarioPointer },
          },
        },
        ComparisonLinks: {
          type: "object",
          required: ["self"],
          properties: { self: { type: "string", format: "uri" } },
        },
        ComparisonCreated: {
          type: "object",
          required: ["id", "status", "links"],
          properties: {
            id: { type: "string", pattern: "^[0-9a-f]{20}$" },
            status: { $ref: "#/components/schemas/Status" },
            name: { type: ["string", "null"] },
            links: { $ref: "#/components/schemas/ComparisonLinks" },
          },
        },
        Difference: {
          type: "object",
          required: ["value", "ci95"],
          description: "b − a: its mean over the paired replications and a Student-t 95% interval.",
          properties: {
            value: { type: "number" },
            ci95: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
          },
        },
        Comparison: {
          type: "object",
          required: ["id", "status", "engineVersion", "scenarioHash", "createdAt", "links"],
          properties: {
            id: { type: "string" },
            status: { $ref: "#/components/schemas/Status" },
            name: { type: ["string", "null"] },
            engineVersion: { type: "string" },
            scenarioHash: {
              type: "string",
              description: "Hash of the canonical comparison (both sides as paired).",
            },
            createdAt: { type: "string", format: "date-time" },
            startedAt: { type: ["string", "null"], format: "date-time" },
            finishedAt: { type: ["string", "null"], format: "date-time" },
            wallMs: { type: ["integer", "null"] },
            links: { $ref: "#/components/schemas/ComparisonLinks" },
            result: {
              type: "object",
              required: ["a", "b", "difference"],
              description: "When done: each side's replicated result and the paired differences b − a.",
              properties: {
                a: { type: "object" },
                b: { type: "object" },
                difference: {
                  type: "object",
                  required: ["latency", "wait", "throughput", "inSystem", "components"],
                  properties: {
                    latency: {
                      type: "object",
                      required: ["mean", "p50", "p90", "p99"],
                      properties: {
                        mean: { $ref: "#/components/schemas/Difference" },
                        p50: { $ref: "#/components/schemas/Difference" },
                        p90: { $ref: "#/components/schemas/Difference" },
                        p99: { $ref: "#/components/schemas/Difference" },
                      },
                    },
                    wait: {
                      type: "object",
                      properties: {
                        mean: { $ref: "#/components/schemas/Difference" },
                        p99: { $ref: "#/components/schemas/Difference" },
                      },
                    },
                    throughput: { $ref: "#/components/schemas/Difference" },
                    inSystem: {
                      type: "object",
                      properties: { mean: { $ref: "#/components/schemas/Difference" } },
                    },
                    components: {
                      type: "object",
                      additionalProperties: {
                        type: "object",
                        properties: { utilization: { $ref: "#/components/schemas/Difference" } },
                      },
                    },
                  },
                },
              },
            },
            error: { $ref: "#/components/schemas/RunError" },
          },
        },
        RunError: {
          type: "object",
          required: ["code", "title", "message", "hint"],
          properties: {
            code: { type: "string", examples: ["limit.events", "limit.wall-time", "limit.sim-time"] },
            title: { type: "string" },
            message: { type: "string" },
            hint: { type: "string" },
            problems: { type: "array", items: { $ref: "#/components/schemas/ValidationProblem" } },
          },
        },
        ValidationProblem: {
          type: "object",
          required: ["path", "code", "message"],
          properties: {
            path: { type: "string", examples: ["workload.requests[0].steps[1].call"] },
            code: { type: "string" },
            message: { type: "string" },
          },
        },
        Problem: {
          type: "object",
          description: "RFC 9457 problem details.",
          required: ["type", "title", "status", "detail", "code"],
          properties: {
            type: { type: "string", format: "uri" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            instance: { type: "string" },
            code: { type: "string" },
            hint: { type: "string" },
            problems: { type: "array", items: { $ref: "#/components/schemas/ValidationProblem" } },
          },
        },
        Health: {
          type: "object",
          required: ["status", "engineVersion", "runs"],
          properties: {
            status: { type: "string", enum: ["ok", "draining"] },
            engineVersion: { type: "string" },
            runs: {
              type: "object",
              properties: {
                pending: { type: "integer" },
                running: { type: "integer" },
                queueLimit: { type: "integer" },
              },
            },
          },
        },
      },
    },
  };
}
