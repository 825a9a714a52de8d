/** What thread-per-connection architectures share: an idle thread takes a connection and keeps it to the end. */
import type { CompiledStep } from "../../workload/compiled-step";
import type { Connection } from "../connection";
import type { ServerThread } from "../server-thread";
import type { ArchitectureHost } from "./architecture";

export abstract class BlockingArchitecture {
  /** Threads with no connection; the last pushed takes the next one. */
  protected readonly idle: ServerThread[] = [];

  constructor(protected readonly host: ArchitectureHost) {}

  canAccept(): boolean {
    return this.idle.length > 0;
  }

  accept(connection: Connection): void {
    const thread = this.idle.pop()!;
    thread.connection = connection;
    connection.thread = thread;
  }

  runCpu(connection: Connection, step: CompiledStep): void {
    const thread = connection.thread!;
    thread.cpuLeft = step.duration.sample(connection.request.random);
    this.host.startCpu(thread);
  }

  cpuDone(thread: ServerThread): void {
    this.host.stepDone(thread.connection!);
  }

  release(connection: Connection): void {
    const thread = connection.thread!;
    thread.connection = null;
    connection.thread = null;
    this.idle.push(thread);
  }
}
