/** The one place a server's architecture kind is looked at: it picks the strategy. */
import type { Simulation } from "../../kernel/simulation";
import type { MeasuringFlag } from "../../queues/waiting-line";
import type { Architecture } from "../server-schema";
import type { ArchitectureHost, ServerArchitecture } from "./architecture";
import { EventLoopWorkers } from "./event-loop-workers";
import { Prefork } from "./prefork";
import { SharedLoopThreads } from "./shared-loop-threads";
import { ThreadPool } from "./thread-pool";

export function createArchitecture(
  spec: Architecture,
  host: ArchitectureHost,
  sim: Simulation,
  flag: MeasuringFlag,
): ServerArchitecture {
  switch (spec.kind) {
    case "thread-pool":
      return new ThreadPool(host, spec, sim, flag);
    case "prefork":
      return new Prefork(host, spec);
    case "event-loop":
      return new EventLoopWorkers(host, spec);
    case "threads":
      return new SharedLoopThreads(host, spec);
  }
}
