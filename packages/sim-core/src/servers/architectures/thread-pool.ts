/**
 * A thread pool (Tomcat): one process, up to `threads` blocking threads started as load needs
 * them and kept, and a bounded queue of accepted connections waiting for a thread. Tomcat's
 * acceptor takes connections at once and queues them itself, so overload shows as 503s from the
 * full queue rather than in the kernel's accept queue.
 */

import type { Simulation } from "../../kernel/simulation";
import type { MeasuringFlag } from "../../queues/waiting-line";
import { WaitingLine } from "../../queues/waiting-line";
import type { ServerProcess } from "../server-process";
import type { ThreadPoolArchitecture } from "../server-schema";
import type { ArchitectureHost, ServerArchitecture } from "./architecture";
import { BlockingArchitecture } from "./blocking";

export class ThreadPool extends BlockingArchitecture implements ServerArchitecture {
  readonly processes = 1;
  readonly ownQueue: WaitingLine;
  private readonly process: ServerProcess;
  private started = 0;

  constructor(
    host: ArchitectureHost,
    private readonly spec: ThreadPoolArchitecture,
    sim: Simulation,
    flag: MeasuringFlag,
  ) {
    super(host);
    this.process = host.newProcess(spec.gil);
    this.ownQueue = new WaitingLine(sim, "fifo", flag, spec.queue);
  }

  override canAccept(): boolean {
    if (this.idle.length === 0 && this.started < this.spec.threads) {
      this.started++;
      this.idle.push(this.host.newThread(this.process, null));
    }
    return this.idle.length > 0;
  }
}
