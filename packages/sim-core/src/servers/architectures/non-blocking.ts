/**
 * What event-loop architectures share: a connection lives on a loop; its CPU steps wait on the
 * loop's ready queue for one of the loop's threads, which runs them one after another and is
 * free during waits.
 */
import type { CompiledStep } from "../../workload/compiled-step";
import type { Connection } from "../connection";
import type { EventLoop } from "../event-loop";
import type { ServerThread } from "../server-thread";
import type { ArchitectureHost } from "./architecture";

export abstract class NonBlockingArchitecture {
  protected readonly loops: EventLoop[] = [];

  constructor(protected readonly host: ArchitectureHost) {}

  canAccept(): boolean {
    for (const loop of this.loops) if (loop.hasRoom) return true;
    return false;
  }

  /** The least-loaded loop takes it (NGINX with EPOLLEXCLUSIVE or reuseport spreads accepts). */
  accept(connection: Connection): void {
    let best: EventLoop | null = null;
    for (const loop of this.loops) {
      if (loop.hasRoom && (best === null || loop.connections < best.connections)) best = loop;
    }
    best!.connections++;
    connection.loop = best;
  }

  runCpu(connection: Connection, step: CompiledStep): void {
    connection.step = step;
    const loop = connection.loop!;
    loop.ready.push(connection);
    const thread = loop.idle.pop();
    if (thread !== undefined) this.runNextReady(thread);
  }

  cpuDone(thread: ServerThread): void {
    const connection = thread.connection!;
    thread.connection = null;
    connection.thread = null;
    this.host.stepDone(connection);
    // This thread is in no idle list, so nothing was handed to it: it takes the next ready connection.
    this.runNextReady(thread);
  }

  release(connection: Connection): void {
    connection.loop!.connections--;
    connection.loop = null;
  }

  /** A thread takes the next ready connection of its loop, or goes idle. */
  private runNextReady(thread: ServerThread): void {
    const loop = thread.loop!;
    const connection = loop.ready.shift();
    if (connection === undefined) {
      loop.idle.push(thread);
      return;
    }
    thread.connection = connection;
    connection.thread = thread;
    thread.cpuLeft = connection.step!.duration.sample(connection.request.random);
    this.host.startCpu(thread);
  }
}
