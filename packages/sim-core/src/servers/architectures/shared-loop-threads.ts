/** Threads in one process (HAProxy nbthread): one loop of all the process's connections, served by any of its non-blocking threads. */
import { EventLoop } from "../event-loop";
import type { ThreadsArchitecture } from "../server-schema";
import type { ArchitectureHost, ServerArchitecture } from "./architecture";
import { NonBlockingArchitecture } from "./non-blocking";

export class SharedLoopThreads extends NonBlockingArchitecture implements ServerArchitecture {
  readonly processes = 1;
  readonly ownQueue = null;

  constructor(host: ArchitectureHost, spec: ThreadsArchitecture) {
    super(host);
    const process = host.newProcess(spec.gil);
    const loop = new EventLoop(spec.connections);
    this.loops.push(loop);
    for (let i = 0; i < spec.threads; i++) loop.idle.push(host.newThread(process, loop));
    loop.idle.reverse();
  }
}
