// The body of POST /v1/sweeps as the OpenAPI document publishes it. The API checks bodies against
// exactly this (apps/api/src/sweeps/sweep-request.ts reads the same pattern and bounds).

/** A path into the scenario: dotted names with [index] for lists, e.g. workload.requests[0].timeout. */
export const sweepPathPattern = "^[A-Za-z_$][\\w$-]*(\\[\\d+\\]|\\.[A-Za-z_$][\\w$-]*)*$";

export function sweepRequestSchema(maxValues: number) {
  return {
    type: "object",
    required: ["scenario", "path", "values"],
    additionalProperties: false,
    properties: {
      scenario: { $ref: "#/components/schemas/Scenario" },
      path: {
        type: "string",
        pattern: sweepPathPattern,
        description:
          "Where in the scenario each value goes, e.g. workload.arrival.rate or components.q.servers.",
        examples: ["workload.arrival.rate"],
      },
      values: {
        type: "array",
        minItems: 1,
        maxItems: maxValues,
        items: { type: ["number", "string", "boolean", "object", "array"] },
        description: "One run per value, each a normal run (deduplicated like POST /v1/runs).",
      },
    },
  } as const;
}
