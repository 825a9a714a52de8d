/**
 * A server: a machine with cores and an OS scheduler, running one architecture, behind
 * the kernel's accept queue. Requests pass the whole chain — accept queue → the
 * application's queue → a thread → the run queue → a core — and each step of a request
 * runs on it: `cpu` needs a core, `io` waits, `call` visits another component.
 *
 * The architecture (architectures/) decides how connections get threads; this file keeps what
 * every server has. A request whose client has timed out is still worked on — the server
 * cannot know — and the CPU it gets after the timeout is reported as wasted (`wastedCpu`).
 */
import type { Component, ComponentContext } from "../component/component";
import type { FailureReason } from "../component/request-flow";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import { type CompiledStep, hostedSteps, STEP_IO } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { AcceptQueue, type AcceptQueueOwner } from "./accept-queue";
import type { ArchitectureHost, ServerArchitecture } from "./architectures/architecture";
import { createArchitecture } from "./architectures/create-architecture";
import { Connection } from "./connection";
import { FreeCpu } from "./cpu-rule";
import { CpuScheduler } from "./cpu-scheduler";
import type { EventLoop } from "./event-loop";
import { Gil } from "./gil";
import type { CpuClient, OsThread } from "./os-thread";
import { GIL_SWITCH_INTERVAL } from "./server-defaults";
import { ServerProcess } from "./server-process";
import type { ServerComponent } from "./server-schema";
import type { ServerStats } from "./server-stats";
import { ServerThread } from "./server-thread";

const HOSTS = hostedSteps(["cpu", "io"]);
const IO_DONE = 0;

export class Server
  implements Component<ServerStats>, EventHandler, CpuClient, AcceptQueueOwner, ArchitectureHost
{
  readonly routesCalls = false;
  readonly hosts = HOSTS;
  readonly scheduler: CpuScheduler;
  readonly acceptQueue: AcceptQueue;
  readonly rng: Rng;
  /** Requests in the server: accept queue, application queue, threads and waits. */
  private readonly inSystem: TimeWeighted;
  private served = 0;
  private rejected = 0;
  private resets = 0;
  private connectTimeouts = 0;
  private acceptedBeforeData = 0;
  private readWait = 0;
  private wastedCpu = 0;
  private peakMemory = 0;
  private measuredFrom = 0;

  private readonly sim: Simulation;
  private readonly flow: ComponentContext["flow"];
  private readonly architecture: ServerArchitecture;
  private threadCount = 0;
  private openConnections = 0;

  constructor(
    readonly name: string,
    private readonly config: ServerComponent,
    context: ComponentContext,
  ) {
    this.sim = context.sim;
    this.flow = context.flow;
    this.rng = context.rng;
    this.inSystem = new TimeWeighted(context.sim);
    this.scheduler = new CpuScheduler(context.sim, config);
    this.acceptQueue = new AcceptQueue(
      context.sim,
      config.acceptBacklog,
      config.onOverflow,
      this,
      context.flow,
    );
    this.architecture = createArchitecture(config.architecture, this, context.sim, context.flow);
    this.updateMemory();
  }

  /** A frame begins here: the request's connection goes through the accept queue first. */
  begin(request: Request): void {
    const connection = new Connection(request);
    request.visit = connection;
    this.inSystem.add(1);
    this.connect(connection);
  }

  arrive(request: Request, step: CompiledStep): void {
    const connection = request.visit as Connection;
    if (step.kind === STEP_IO)
      this.sim.schedule(step.duration.sample(request.random), this, IO_DONE, connection);
    else this.architecture.runCpu(connection, step); // cpu, and a plain service step, which on a server is CPU work
  }

  leave(_request: Request, visit: unknown): void {
    const connection = visit as Connection;
    if (connection.refused) return; // turned away before it was accepted
    this.openConnections--;
    this.inSystem.add(-1);
    if (this.flow.measuring && !connection.request.timedOut) this.served++;
    this.architecture.release(connection);
    this.pullWaiting();
  }

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.scheduler.resetCounters();
    this.acceptQueue.startMeasurement(now);
    this.architecture.ownQueue?.startMeasurement(now);
    this.inSystem.reset(now);
    this.served = 0;
    this.rejected = 0;
    this.resets = 0;
    this.connectTimeouts = 0;
    this.acceptedBeforeData = 0;
    this.readWait = 0;
    this.wastedCpu = 0;
  }

  stats(now: number): ServerStats {
    const coreTime = Math.max(now - this.measuredFrom, 0) * this.config.cores;
    const c = this.scheduler.counters;
    const share = (x: number): number => round(coreTime > 0 ? x / coreTime : 0);
    const perCore = (x: number): number => round(coreTime > 0 ? (x * this.config.cores) / coreTime : 0);
    // Connections wait in one line or the other: the accept queue, or the application's own.
    const accepting = this.acceptQueue.line.length;
    const own = this.architecture.ownQueue?.length;
    return {
      utilization: share(c.useful + c.switching),
      queueLength: {
        mean: round(accepting.mean(now) + (own?.mean(now) ?? 0)),
        max: Math.max(accepting.max, own?.max ?? 0),
      },
      inSystem: { mean: round(this.inSystem.mean(now)), max: this.inSystem.max },
      served: this.served,
      rejected: this.rejected,
      cpu: {
        useful: share(c.useful),
        switching: share(c.switching),
        cores: Array.from(c.coreUseful, (useful, i) => ({
          useful: perCore(useful),
          switching: perCore(c.coreSwitching[i]!),
        })),
      },
      contextSwitches: c.contextSwitches,
      migrations: c.migrations,
      peakMemory: this.peakMemory,
      threads: this.threadCount,
      acceptQueue: {
        capacity: this.acceptQueue.capacity,
        peak: this.acceptQueue.peak,
        drops: this.acceptQueue.drops,
        resets: this.resets,
        connectTimeouts: this.connectTimeouts,
        retransmitted: [...this.acceptQueue.retransmitted],
        synCookies: this.acceptQueue.synCookies,
        acceptedBeforeData: this.acceptedBeforeData,
        readWait: round(this.readWait),
      },
      wastedCpu: round(this.wastedCpu),
    };
  }

  // --- what the architecture asks of the server ----------------------------------------

  newProcess(gil: boolean): ServerProcess {
    const switchInterval = this.config.gilSwitchInterval ?? GIL_SWITCH_INTERVAL;
    return new ServerProcess(gil ? new Gil(this.scheduler, switchInterval) : new FreeCpu(this.scheduler));
  }

  newThread(process: ServerProcess, loop: EventLoop | null): ServerThread {
    const id = this.threadCount++;
    const pinned = this.config.affinity === "pinned" ? id % this.config.cores : -1;
    return new ServerThread(id, pinned, this, process, loop);
  }

  startCpu(thread: ServerThread): void {
    thread.process.cpu.start(thread);
  }

  stepDone(connection: Connection): void {
    this.flow.done(connection.request);
  }

  // --- the accept queue and admission -------------------------------------------------

  private connect(connection: Connection): void {
    this.acceptQueue.connect(connection);
  }

  onEstablished(connection: Connection): boolean {
    const ownQueue = this.architecture.ownQueue;
    if (ownQueue !== null) {
      // Tomcat's acceptor takes connections at once and queues them itself, so overload shows
      // as 503s from the bounded queue rather than in the kernel's accept queue.
      if (this.architecture.canAccept()) this.accept(connection);
      else if (ownQueue.join(connection.request)) {
        this.openConnections++;
        this.updateMemory();
      } else {
        if (this.flow.measuring) this.rejected++;
        this.turnAway(connection, "rejected");
      }
      return true;
    }
    // An idle worker blocked in accept() takes it at once, if no one is ahead of it.
    if (this.acceptQueue.length > 0 || !this.architecture.canAccept()) return false;
    this.accept(connection);
    return true;
  }

  onData(connection: Connection): void {
    if (!connection.awaitingData) return; // not accepted yet: the request waits in the socket
    connection.awaitingData = false;
    if (this.flow.measuring && connection.thread !== null)
      this.readWait += this.sim.now - connection.acceptedAt;
    this.flow.done(connection.request);
  }

  onConnectFailed(connection: Connection, reason: "reset" | "timeout" | "abandoned"): void {
    if (this.flow.measuring) {
      if (reason === "reset") this.resets++;
      else if (reason === "timeout") this.connectTimeouts++;
    }
    // An abandoned client has already been counted (timed out); the reason no longer matters.
    this.turnAway(connection, reason === "abandoned" ? "timeout" : reason);
  }

  /** The application takes the connection; its request's steps begin. */
  private accept(connection: Connection): void {
    this.openConnections++;
    this.updateMemory();
    this.architecture.accept(connection);
    if (!connection.handshake.delivered) {
      // Established by a bare ACK: the request comes with the client's next retransmission,
      // and until then a blocking worker waits in read(), holding its thread.
      if (this.flow.measuring) this.acceptedBeforeData++;
      connection.awaitingData = true;
      connection.acceptedAt = this.sim.now;
      return;
    }
    this.flow.done(connection.request);
  }

  private turnAway(connection: Connection, reason: FailureReason): void {
    connection.refused = true;
    this.inSystem.add(-1);
    this.flow.reject(connection.request, reason);
  }

  /** A thread or a loop slot became free: take the next waiting connection. */
  private pullWaiting(): void {
    const ownQueue = this.architecture.ownQueue;
    if (ownQueue !== null) {
      const request = ownQueue.take();
      if (request === null) return;
      this.openConnections--; // accept counts it again
      this.accept(request.visit as Connection);
      return;
    }
    while (this.acceptQueue.length > 0 && this.architecture.canAccept())
      this.accept(this.acceptQueue.take()!);
  }

  /** Peak resident memory: processes, threads started, open connections. */
  private updateMemory(): void {
    const m = this.config.memory;
    const bytes =
      this.architecture.processes * m.process +
      this.threadCount * m.thread +
      this.openConnections * m.connection;
    if (bytes > this.peakMemory) this.peakMemory = bytes;
  }

  // --- the CPU -------------------------------------------------------------------------

  onCpuRan(os: OsThread, ran: number): void {
    const connection = (os as ServerThread).connection!;
    // The client has gone: this CPU produces an answer nobody reads.
    if (connection.request.timedOut && this.flow.measuring) this.wastedCpu += ran;
  }

  onCpuDone(os: OsThread, ran: number): void {
    const thread = os as ServerThread;
    thread.cpuLeft -= ran;
    if (!thread.process.cpu.ran(thread)) return; // the GIL passed to another thread mid-burst
    thread.cpuLeft = 0;
    this.architecture.cpuDone(thread);
  }

  onEvent(_kind: number, payload: unknown): void {
    // IO_DONE: the wait is over; the engine hands over the next step.
    this.flow.done((payload as Connection).request);
  }
}
