/** The textbook queue as a scenario writes it: c servers, a queue discipline and an optional capacity. */
import { z } from "zod";

export type StationDiscipline = "fcfs" | "lifo" | "priority" | "deadline" | "ps";

export interface StationComponent {
  type: "station";
  servers: number; // default 1
  discipline: StationDiscipline; // default "fcfs"
  capacity?: number; // in service + waiting; absent = unbounded
}

export const stationSchema = z
  .strictObject({
    type: z.literal("station"),
    servers: z.int().positive().default(1).describe("Number of servers (c). Default 1."),
    discipline: z
      .enum(["fcfs", "lifo", "priority", "deadline", "ps"])
      .default("fcfs")
      .describe(
        'Queue discipline: "fcfs" first come first served (default), "lifo" last come first served, "priority" highest request priority first (non-preemptive), "deadline" earliest deadline (arrival + timeout) first, "ps" processor sharing.',
      ),
    capacity: z
      .int()
      .positive()
      .optional()
      .describe(
        "The most requests in the station, in service and waiting together (K), at least `servers`; an arrival that finds it full is rejected and counted in requests.failed.rejected. Default: unbounded.",
      ),
  })
  .transform((s): StationComponent => {
    const station: StationComponent = { type: "station", servers: s.servers, discipline: s.discipline };
    if (s.capacity !== undefined) station.capacity = s.capacity;
    return station;
  })
  .describe('A queue with `servers` servers: { "type": "station", "servers": 4 }.');
