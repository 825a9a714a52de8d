/** The textbook queue: c servers, a queue discipline and an optional capacity. */
import { z } from "zod";
import type { StationComponent } from "../model";
import { problemText } from "../problem-text";

export const stationSchema = z
  .strictObject({
    type: z.literal("station"),
    servers: z.int().positive().default(1).describe("Number of servers (c). Default 1."),
    discipline: z
      .enum(["fcfs", "lifo", "priority", "ps"])
      .default("fcfs")
      .describe(
        'Queue discipline: "fcfs" first come first served (default), "lifo" last come first served, "priority" highest request priority first (non-preemptive), "ps" processor sharing.',
      ),
    capacity: z
      .int()
      .positive()
      .optional()
      .describe(
        "The most requests in the station, in service and waiting together (K); an arrival that finds it full is rejected and counted in requests.failed.rejected. Default: unbounded.",
      ),
  })
  .superRefine((s, ctx) => {
    // zod runs this check even when a field failed on its own; that one is reported already.
    if (typeof s.capacity === "number" && typeof s.servers === "number" && s.capacity < s.servers) {
      ctx.addIssue({
        code: "custom",
        path: ["capacity"],
        message: problemText("scenario.capacity", { capacity: s.capacity, servers: s.servers }),
      });
    }
  })
  .transform((s): StationComponent => {
    const station: StationComponent = { type: "station", servers: s.servers, discipline: s.discipline };
    if (s.capacity !== undefined) station.capacity = s.capacity;
    return station;
  })
  .describe('A queue with `servers` servers: { "type": "station", "servers": 4 }.');
