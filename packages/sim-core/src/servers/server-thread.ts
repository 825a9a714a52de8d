/** An OS thread of a server, with the connection it runs for and the CPU its step still needs. */
import type { Connection } from "./connection";
import type { EventLoop } from "./event-loop";
import { type CpuClient, OsThread } from "./os-thread";
import type { ServerProcess } from "./server-process";

export class ServerThread extends OsThread {
  connection: Connection | null = null;
  cpuLeft = 0;

  constructor(
    id: number,
    pinnedCore: number,
    client: CpuClient,
    readonly process: ServerProcess,
    /** The loop this thread serves (non-blocking architectures), else null. */
    readonly loop: EventLoop | null,
  ) {
    super(id, pinnedCore, client);
  }
}
