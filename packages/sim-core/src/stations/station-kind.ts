/** The station kind: the textbook queue, serving `service` steps and calls that carry a `hold`. */
import type { ComponentKind } from "../component/component-kind";
import { MultiServerStation } from "./multi-server-station";
import { ProcessorSharingStation } from "./processor-sharing-station";
import { type StationComponent, stationSchema } from "./station-schema";
import type { StationStats } from "./station-stats";

export const stationKind: ComponentKind<StationComponent, StationStats> = {
  type: "station",
  schema: stationSchema,
  create(name, spec, context) {
    const servers = spec.servers;
    switch (spec.discipline) {
      case "ps":
        return new ProcessorSharingStation(name, context, servers, spec.capacity);
      case "fcfs":
        return new MultiServerStation(name, context, servers, spec.capacity, "fifo");
      default:
        return new MultiServerStation(name, context, servers, spec.capacity, spec.discipline);
    }
  },
  hosts: {
    steps: ["service", "call", "fanout"],
    use: 'a station serves { "service": <distribution> } steps.',
  },
  call: () => ({ needs: "hold" }),
  names: () => [],
  check(raw, report) {
    // Capacity counts those in service too, so it cannot be below the number of servers.
    const { capacity, servers = 1 } = raw;
    if (typeof capacity === "number" && typeof servers === "number" && capacity < servers) {
      report(["capacity"], "scenario.capacity", { capacity, servers });
    }
  },
};
