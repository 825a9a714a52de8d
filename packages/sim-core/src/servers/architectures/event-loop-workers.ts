/** Event-loop workers (NGINX, Node): `workers` processes of one non-blocking thread and one loop each. */
import { EventLoop } from "../event-loop";
import type { EventLoopArchitecture } from "../server-schema";
import type { ArchitectureHost, ServerArchitecture } from "./architecture";
import { NonBlockingArchitecture } from "./non-blocking";

export class EventLoopWorkers extends NonBlockingArchitecture implements ServerArchitecture {
  readonly processes: number;
  readonly ownQueue = null;

  constructor(host: ArchitectureHost, spec: EventLoopArchitecture) {
    super(host);
    this.processes = spec.workers;
    for (let i = 0; i < spec.workers; i++) {
      const process = host.newProcess(spec.gil);
      const loop = new EventLoop(spec.connections);
      this.loops.push(loop);
      loop.idle.push(host.newThread(process, loop));
    }
  }
}
