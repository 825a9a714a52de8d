/**
 * How a server's processes and threads take requests: one strategy per architecture behind
 * this interface, so server.ts keeps only what every server has (cores, scheduler, accept queue,
 * memory, accounting). Blocking architectures hold a thread per connection from accept to the
 * end of the frame; non-blocking ones give each connection a place in an event loop and use a
 * thread only while its CPU step runs.
 */

import type { WaitingLine } from "../../queues/waiting-line";
import type { Rng } from "../../random/rng";
import type { CompiledStep } from "../../workload/compiled-step";
import type { Connection } from "../connection";
import type { EventLoop } from "../event-loop";
import type { ServerProcess } from "../server-process";
import type { ServerThread } from "../server-thread";

/** What an architecture may ask of its server. */
export interface ArchitectureHost {
  readonly rng: Rng;
  newProcess(gil: boolean): ServerProcess;
  /** A new OS thread of the server in `process`, serving `loop` (non-blocking) or none. */
  newThread(process: ServerProcess, loop: EventLoop | null): ServerThread;
  /** Puts the thread's burst (`cpuLeft`) on the CPU under its process's rule. */
  startCpu(thread: ServerThread): void;
  /** The current step of the connection's request is over. */
  stepDone(connection: Connection): void;
}

export interface ServerArchitecture {
  /** Processes it runs (for memory). */
  readonly processes: number;
  /**
   * A queue of its own that accepted connections wait in instead of the kernel's accept queue
   * (Tomcat's acceptor takes connections at once), refusing one more when full; else null.
   */
  readonly ownQueue: WaitingLine | null;
  /** Whether a connection could be taken now (a thread or a loop is free). */
  canAccept(): boolean;
  /** Takes the connection: a thread or an event loop becomes its. Only when canAccept(). */
  accept(connection: Connection): void;
  /** Runs a CPU step of the connection's request. */
  runCpu(connection: Connection, step: CompiledStep): void;
  /** The thread's CPU burst is over. */
  cpuDone(thread: ServerThread): void;
  /** The connection's frame has ended: free its thread or its place in a loop. */
  release(connection: Connection): void;
}
