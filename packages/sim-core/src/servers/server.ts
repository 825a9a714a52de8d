/**
 * A server: a machine with cores and an OS scheduler, running one architecture, behind
 * the kernel's accept queue. Requests pass the whole chain — accept queue → the
 * application's queue → a thread → the run queue → a core — and each step of a request
 * runs on it: `cpu` needs a core, `io` waits, `call` visits another component.
 *
 * Blocking architectures (thread-pool, prefork) hold the request's thread from accept to
 * the end of its steps, through `io` and `call`; non-blocking ones (event-loop, threads)
 * free the thread during waits and resume the request on its worker (event-loop) or on
 * any thread of the process (threads). A request whose client has timed out is still
 * worked on — the server cannot know — and the CPU it gets after the timeout is reported
 * as wasted (`wastedCpu`).
 *
 * The server runs whole frames (`hostsAllSteps`): the engine hands it every step of the
 * frames it hosts and calls `leave` when a frame ends (run/component.ts).
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { ServerStats } from "../result/model";
import type { Component, ComponentContext, FailureReason } from "../run/component";
import { round } from "../run/round";
import type { ServerComponent } from "../scenario/model";
import { TimeWeighted } from "../stats/time-weighted";
import { type CompiledStep, STEP_CALL, STEP_IO } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { AcceptQueue, type AcceptQueueOwner, type Connection } from "./accept-queue";
import { CpuScheduler } from "./cpu-scheduler";
import { Fifo } from "./fifo";
import { Gil } from "./gil";
import { type CpuClient, OsThread } from "./os-thread";
import { GIL_SWITCH_INTERVAL } from "./server-defaults";

/** One request's frame on this server. */
class Task implements Connection {
  synRetries = 0;
  thread: ServerThread | null = null;
  loop: EventLoop | null = null;
  /** The step that is to run once the connection is accepted. */
  step: CompiledStep;
  /** When it began waiting in the accept queue or the application's queue. */
  queuedAt = 0;

  constructor(
    readonly request: Request,
    step: CompiledStep,
  ) {
    this.step = step;
  }
}

/** An OS thread of the server, with the task it runs and the CPU its step still needs. */
class ServerThread extends OsThread {
  task: Task | null = null;
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

class ServerProcess {
  readonly gil: Gil | null;
  constructor(gil: boolean, switchInterval: number) {
    this.gil = gil ? new Gil(switchInterval) : null;
  }
}

/** A non-blocking worker's ready queue (tasks whose next step needs the CPU) and its threads. */
class EventLoop {
  readonly ready = new Fifo<Task>();
  readonly idle: ServerThread[] = [];
  connections = 0;
  constructor(readonly maxConnections: number) {}
}

const IO_DONE = 0;
const NO_STEPS: CompiledStep[] = [];

export class Server implements Component, EventHandler, CpuClient, AcceptQueueOwner<Task> {
  readonly hostsAllSteps = true;
  readonly scheduler: CpuScheduler;
  readonly acceptQueue: AcceptQueue<Task>;
  /** Requests in the server: accept queue, application queue, threads and waits. */
  private readonly inSystem: TimeWeighted;
  /** Requests waiting in the accept queue or the application's queue. */
  private readonly queued: TimeWeighted;
  private served = 0;
  private rejected = 0;
  private resets = 0;
  private connectTimeouts = 0;
  private wastedCpu = 0;
  private peakMemory = 0;
  private measuredFrom = 0;

  private readonly sim: Simulation;
  private readonly kind: ServerComponent["architecture"]["kind"];
  private readonly blocking: boolean;
  private readonly processes: ServerProcess[] = [];
  private readonly loops: EventLoop[] = [];
  /** Blocking architectures: threads with no task. */
  private readonly idleThreads: ServerThread[] = [];
  private readonly appQueue = new Fifo<Task>();
  private readonly appQueueLimit: number;
  private readonly maxThreads: number;
  private threadCount = 0;
  private openConnections = 0;
  private readonly tasks = new Map<Request, Task>();

  constructor(
    readonly name: string,
    private readonly config: ServerComponent,
    private readonly context: ComponentContext,
  ) {
    this.sim = context.sim;
    this.inSystem = new TimeWeighted(context.sim);
    this.queued = new TimeWeighted(context.sim);
    this.scheduler = new CpuScheduler(context.sim, config);
    this.acceptQueue = new AcceptQueue<Task>(context.sim, config.acceptBacklog, config.onOverflow, this);
    const arch = config.architecture;
    const switchInterval = config.gilSwitchInterval ?? GIL_SWITCH_INTERVAL;
    this.kind = arch.kind;
    this.blocking = arch.kind === "thread-pool" || arch.kind === "prefork";
    this.appQueueLimit = arch.kind === "thread-pool" ? arch.queue : 0;
    switch (arch.kind) {
      case "thread-pool":
        // Tomcat starts threads on demand and keeps them: they are created as load needs them.
        this.processes.push(new ServerProcess(arch.gil, switchInterval));
        this.maxThreads = arch.threads;
        break;
      case "prefork":
        this.maxThreads = arch.workers;
        for (let i = 0; i < arch.workers; i++) {
          const process = new ServerProcess(arch.gil, switchInterval);
          this.processes.push(process);
          this.idleThreads.push(this.newThread(process, null));
        }
        this.idleThreads.reverse(); // the first-forked worker accepts first
        break;
      case "event-loop":
        this.maxThreads = arch.workers;
        for (let i = 0; i < arch.workers; i++) {
          const process = new ServerProcess(arch.gil, switchInterval);
          const loop = new EventLoop(arch.connections);
          this.processes.push(process);
          this.loops.push(loop);
          loop.idle.push(this.newThread(process, loop));
        }
        break;
      case "threads": {
        const process = new ServerProcess(arch.gil, switchInterval);
        const loop = new EventLoop(arch.connections);
        this.processes.push(process);
        this.loops.push(loop);
        this.maxThreads = arch.threads;
        for (let i = 0; i < arch.threads; i++) loop.idle.push(this.newThread(process, loop));
        loop.idle.reverse();
        break;
      }
    }
    this.updateMemory();
  }

  arrive(request: Request, step: CompiledStep): void {
    const task = this.tasks.get(request);
    if (step.kind === STEP_CALL && step.target === this && (task === undefined || request.host !== this)) {
      // Another component calls this server: run the call's steps here (validation requires them).
      this.context.flow.enter(request, this, step.steps ?? NO_STEPS);
      this.context.flow.done(request);
      return;
    }
    if (task === undefined) {
      const fresh = new Task(request, step);
      this.tasks.set(request, fresh);
      this.inSystem.add(1);
      this.connect(fresh);
      return;
    }
    task.step = step;
    this.runStep(task);
  }

  leave(request: Request): void {
    const task = this.tasks.get(request);
    if (task === undefined) return; // turned away before it was accepted
    this.tasks.delete(request);
    this.finish(task);
  }

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.scheduler.resetCounters();
    this.acceptQueue.resetCounters();
    this.inSystem.reset(now);
    this.queued.reset(now);
    this.served = 0;
    this.rejected = 0;
    this.resets = 0;
    this.connectTimeouts = 0;
    this.wastedCpu = 0;
  }

  stats(now: number): ServerStats {
    const coreTime = Math.max(now - this.measuredFrom, 0) * this.config.cores;
    const c = this.scheduler.counters;
    const share = (x: number): number => round(coreTime > 0 ? x / coreTime : 0);
    const perCore = (x: number): number => round(coreTime > 0 ? (x * this.config.cores) / coreTime : 0);
    return {
      utilization: share(c.useful + c.switching),
      queueLength: { mean: this.queued.mean(now), max: this.queued.max },
      inSystem: { mean: this.inSystem.mean(now), max: this.inSystem.max },
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
      },
      wastedCpu: round(this.wastedCpu),
    };
  }

  private newThread(process: ServerProcess, loop: EventLoop | null): ServerThread {
    const id = this.threadCount++;
    const pinned = this.config.affinity === "pinned" ? id % this.config.cores : -1;
    return new ServerThread(id, pinned, this, process, loop);
  }

  /** Peak resident memory: processes, threads started, open connections. */
  private updateMemory(): void {
    const m = this.config.memory;
    const bytes =
      this.processes.length * m.process + this.threadCount * m.thread + this.openConnections * m.connection;
    if (bytes > this.peakMemory) this.peakMemory = bytes;
  }

  // --- the accept queue and admission -------------------------------------------------

  private connect(task: Task): void {
    if (this.kind === "thread-pool") {
      // Tomcat's acceptor takes connections at once and queues them itself, so overload
      // shows as 503s from the bounded queue rather than in the kernel's accept queue.
      this.acceptQueue.established(task);
      this.admitToPool(task);
      return;
    }
    if (this.acceptQueue.length === 0 && this.canAdmit()) {
      this.acceptQueue.established(task);
      this.admit(task);
      return;
    }
    const before = this.acceptQueue.length;
    this.acceptQueue.offer(task);
    if (this.acceptQueue.length > before) this.startWaiting(task);
  }

  onRetransmit(task: Task): void {
    this.connect(task);
  }

  onConnectFailed(task: Task, reason: "reset" | "timeout"): void {
    if (this.context.flow.measuring) {
      if (reason === "reset") this.resets++;
      else this.connectTimeouts++;
    }
    this.turnAway(task, reason);
  }

  private canAdmit(): boolean {
    if (this.blocking) return this.idleThreads.length > 0;
    for (const loop of this.loops) if (loop.connections < loop.maxConnections) return true;
    return false;
  }

  /** The application accepts a connection: a thread (blocking) or a worker's loop takes it. */
  private admit(task: Task): void {
    this.openConnections++;
    this.updateMemory();
    if (this.blocking) {
      const thread = this.idleThreads.pop()!;
      thread.task = task;
      task.thread = thread;
    } else {
      // The least-loaded worker takes it (NGINX with EPOLLEXCLUSIVE or reuseport spreads accepts).
      let best: EventLoop | null = null;
      for (const loop of this.loops) {
        if (loop.connections < loop.maxConnections && (best === null || loop.connections < best.connections))
          best = loop;
      }
      best!.connections++;
      task.loop = best;
    }
    this.runStep(task);
  }

  private admitToPool(task: Task): void {
    if (this.idleThreads.length === 0 && this.threadCount < this.maxThreads) {
      this.idleThreads.push(this.newThread(this.processes[0]!, null));
    }
    if (this.idleThreads.length > 0) {
      this.admit(task);
      return;
    }
    if (this.appQueue.length < this.appQueueLimit) {
      this.openConnections++;
      this.updateMemory();
      this.appQueue.push(task);
      this.startWaiting(task);
      return;
    }
    if (this.context.flow.measuring) this.rejected++;
    this.turnAway(task, "rejected");
  }

  private startWaiting(task: Task): void {
    task.queuedAt = this.sim.now;
    task.request.waited = true;
    this.queued.add(1);
  }

  private stopWaiting(task: Task): void {
    task.request.wait += this.sim.now - task.queuedAt;
    this.queued.add(-1);
  }

  private turnAway(task: Task, reason: FailureReason): void {
    this.tasks.delete(task.request);
    this.inSystem.add(-1);
    this.context.flow.reject(task.request, reason);
  }

  /** A thread or a loop slot became free: take the next waiting connection. */
  private pullWaiting(): void {
    if (this.kind === "thread-pool") {
      const task = this.appQueue.shift();
      if (task === undefined) return;
      this.stopWaiting(task);
      this.openConnections--; // admit counts it again
      this.admit(task);
      return;
    }
    while (this.acceptQueue.length > 0 && this.canAdmit()) {
      const task = this.acceptQueue.take()!;
      this.stopWaiting(task);
      this.admit(task);
    }
  }

  // --- running steps -----------------------------------------------------------------

  private runStep(task: Task): void {
    const step = task.step;
    switch (step.kind) {
      case STEP_IO:
        this.sim.schedule(step.duration.sample(this.context.rng), this, IO_DONE, task);
        return;
      case STEP_CALL:
        step.target!.arrive(task.request, step);
        return;
      default: {
        // cpu, and a plain service step, which on a server is CPU work
        if (this.blocking) {
          const thread = task.thread!;
          thread.cpuLeft = step.duration.sample(this.context.rng);
          this.startCpu(thread);
          return;
        }
        const loop = task.loop!;
        loop.ready.push(task);
        const thread = loop.idle.pop();
        if (thread !== undefined) this.runNextReady(thread);
      }
    }
  }

  /** A non-blocking thread takes the next ready task of its loop, or goes idle. */
  private runNextReady(thread: ServerThread): void {
    const loop = thread.loop!;
    const task = loop.ready.shift();
    if (task === undefined) {
      loop.idle.push(thread);
      return;
    }
    thread.task = task;
    task.thread = thread;
    thread.cpuLeft = task.step.duration.sample(this.context.rng);
    this.startCpu(thread);
  }

  /** Puts the thread on the run queue, through its process's GIL when it has one. */
  private startCpu(thread: ServerThread): void {
    const gil = thread.process.gil;
    if (gil === null) {
      this.scheduler.run(thread, thread.cpuLeft);
      return;
    }
    if (gil.acquire(thread)) this.scheduler.run(thread, Math.min(thread.cpuLeft, gil.switchInterval));
  }

  onCpuRan(os: OsThread, ran: number): void {
    const task = (os as ServerThread).task!;
    // The client has gone: this CPU produces an answer nobody reads.
    if (task.request.timedOut && this.context.flow.measuring) this.wastedCpu += ran;
  }

  onCpuDone(os: OsThread, ran: number): void {
    const thread = os as ServerThread;
    const task = thread.task!;
    thread.cpuLeft -= ran;
    const gil = thread.process.gil;
    if (gil !== null) {
      if (thread.cpuLeft > 1e-12) {
        // A switch interval has passed: hand the GIL over if anyone waits, else run on.
        if (gil.contended) {
          const next = gil.release() as ServerThread;
          gil.acquire(thread);
          this.scheduler.run(next, Math.min(next.cpuLeft, gil.switchInterval));
        } else {
          this.scheduler.run(thread, Math.min(thread.cpuLeft, gil.switchInterval));
        }
        return;
      }
      const next = gil.release() as ServerThread | null;
      if (next !== null) this.scheduler.run(next, Math.min(next.cpuLeft, gil.switchInterval));
    }
    thread.cpuLeft = 0;
    if (this.blocking) {
      this.context.flow.done(task.request);
      return;
    }
    thread.task = null;
    task.thread = null;
    this.context.flow.done(task.request);
    // This thread is in no idle list, so nothing was handed to it: it takes the next ready task.
    this.runNextReady(thread);
  }

  onEvent(_kind: number, payload: unknown): void {
    // IO_DONE: the wait is over; the engine hands over the next step.
    this.context.flow.done((payload as Task).request);
  }

  // --- the end of a frame --------------------------------------------------------------

  private finish(task: Task): void {
    this.openConnections--;
    this.inSystem.add(-1);
    if (this.context.flow.measuring && !task.request.timedOut) this.served++;
    if (this.blocking) {
      const thread = task.thread!;
      thread.task = null;
      task.thread = null;
      this.idleThreads.push(thread);
    } else {
      task.loop!.connections--;
      task.loop = null;
    }
    this.pullWaiting();
  }
}
