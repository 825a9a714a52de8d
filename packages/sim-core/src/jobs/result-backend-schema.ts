/** A result backend's fields: a store (Redis, a database) that workers write results to and polls read. */
import { z } from "zod";
import { distributionSchema } from "../scenario/distribution";
import type { Distribution } from "../scenario/model";

export interface ResultBackendComponent {
  type: "result-backend";
  read: Distribution;
  write: Distribution;
  servers: number;
  capacity?: number;
}

// Redis runs one command at a time; a GET or SET of a small result takes well under a millisecond.
const OPERATION: Distribution = { kind: "constant", value: 0.0005 };

export const resultBackendSchema = z
  .strictObject({
    type: z.literal("result-backend"),
    read: distributionSchema
      .optional()
      .describe("Time to read a result (each poll that calls it). Default 0.5ms."),
    write: distributionSchema
      .optional()
      .describe("Time to store a result (each execution, holding its worker process). Default 0.5ms."),
    servers: z
      .int()
      .positive()
      .default(1)
      .describe("Operations served at once (Redis: one command at a time). Default 1."),
    capacity: z
      .int()
      .positive()
      .optional()
      .describe(
        "Operations in the store at once, waiting or served; one more is rejected (a full backend). Default: unbounded.",
      ),
  })
  .transform((b): ResultBackendComponent => {
    const backend: ResultBackendComponent = {
      type: "result-backend",
      read: b.read ?? OPERATION,
      write: b.write ?? OPERATION,
      servers: b.servers,
    };
    if (b.capacity !== undefined) backend.capacity = b.capacity;
    return backend;
  })
  .describe(
    'A result backend: workers store each result in it and polls read it, so a slow one slows them: { "type": "result-backend", "read": "1ms", "write": "2ms" }. Call it with { "call": "<name>" }.',
  );
