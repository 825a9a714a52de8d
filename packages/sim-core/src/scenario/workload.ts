/**
 * The workload: open arrivals or closed clients (exactly one; checked in references.ts so that
 * it is reported together with every other problem), and the request classes.
 */
import { z } from "zod";
import { arrivalSchema } from "./arrival";
import { distributionSchema } from "./distribution";
import type { Workload } from "./model";
import { problemText } from "./problem-text";
import { requestClassSchema } from "./request-class";

// Every user is built before the run starts, with its request or its think time pending; a
// million keep that within tens of megabytes.
const MAX_USERS = 1_000_000;

const clientsSchema = z
  .strictObject({
    users: z
      .int()
      .positive()
      .max(MAX_USERS)
      .describe(
        `Number of users, at most ${MAX_USERS}; each sends a request, waits for the reply, then thinks.`,
      ),
    think: distributionSchema
      .prefault(0)
      .describe("Think time between a reply and the user's next request. Default 0."),
  })
  .describe('Closed workload: { "users": 10, "think": { "exp": "1s" } }.');

export const workloadSchema = z
  .strictObject({
    arrival: arrivalSchema.optional(),
    clients: clientsSchema.optional(),
    population: z
      .int()
      .min(1)
      .max(100_000_000)
      .optional()
      .describe(
        "Open workloads: how many distinct clients send the requests, each request from one of them at random (a DNS cache, a per-client limit or a hash balancer tells them apart). Default: clients are not told apart.",
      ),
    requests: z
      .array(requestClassSchema)
      .min(1)
      .describe("The request classes; each arrival picks one by weight."),
  })
  // Exactly one of the two, as references.ts checks it (so it is reported with the other problems).
  .meta({
    oneOf: [
      { required: ["arrival"], not: { required: ["clients"] } },
      { required: ["clients"], not: { anyOf: [{ required: ["arrival"] }, { required: ["population"] }] } },
    ],
  })
  .superRefine((w, ctx) => {
    // A closed workload's clients are its users: a population is for open arrivals only.
    if (w.population !== undefined && w.clients !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["population"],
        message: problemText("scenario.unknown-key", {
          key: "population",
          allowed: ["clients", "requests"],
        }),
      });
    }
  })
  .transform((w): Workload => {
    const workload: Workload = { requests: w.requests };
    if (w.population !== undefined) workload.population = w.population;
    if (w.arrival !== undefined) workload.arrival = w.arrival;
    if (w.clients !== undefined) workload.clients = w.clients;
    return workload;
  })
  .describe(
    "Who sends requests and what they ask for. Give exactly one of `arrival` (open) or `clients` (closed).",
  );
