/**
 * Worker processes consuming a broker, as a Celery prefork pool does: up to prefetch × processes
 * messages held unacked; each process runs one task at a time. With "fair" scheduling a reserved
 * task goes to the first idle process; with "default" reserved tasks are handed to processes in
 * turn as they arrive, so a short task can wait behind a long one while another process idles.
 *
 * Each execution is a request spawned from the publisher, whose frame this component hosts:
 * `service` and `cpu` steps hold the process for their duration, `io` and `call` are run by the
 * engine while the process waits. Acks go to the broker before the task runs ("early") or after
 * it ends ("late"). A crash kills running executions (their requests are dropped when they next
 * reach this component) and what happens to their messages follows the acks and `crash` fields.
 */
import type { Component, ComponentContext } from "../component/component";
import type { ChildOutcome, ChildWatcher, RequestFlow } from "../component/request-flow";
import { compile } from "../distributions/compile";
import { unwrapped } from "../failures/failing-component";
import type { Simulation } from "../kernel/simulation";
import { RingBuffer } from "../queues/ring-buffer";
import type { Rng } from "../random/rng";
import { round } from "../run/round";
import { type CpuClient, OsThread } from "../servers/os-thread";
import { Server } from "../servers/server";
import { LogHistogram } from "../stats/log-histogram";
import { TimeWeighted } from "../stats/time-weighted";
import { CompiledStep, hostedSteps, type PublishPlan, STEP_CALL, STEP_CPU } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { Broker, type Consumer, TASK_RAISED, TASK_SUCCEEDED, TASK_TIME_LIMIT } from "./broker";
import type { Message } from "./job";
import { ResultBackend } from "./result-backend";
import type { WorkersComponent } from "./workers-schema";
import type { WorkersStats } from "./workers-stats";

const STEP_DONE = 0;
const TIME_LIMIT = 1;
// Outage events carry the outage's index: kind = OUTAGE + index * 2 + (0 start, 1 end).
const OUTAGE = 2;
const ZERO = compile({ kind: "constant", value: 0 });

/** One execution of a task on a process. */
class Execution {
  outcome: ChildOutcome = "completed";
  killed = false;
  over = false;

  constructor(
    readonly message: Message,
    readonly process: number,
  ) {}
}

/** A process's thread on the server's scheduler, with the execution request whose CPU it runs. */
class WorkerThread extends OsThread {
  request: Request | null = null;

  constructor(
    id: number,
    client: CpuClient,
    readonly process: number,
  ) {
    super(id, -1, client);
  }
}

// Thread ids on a shared server's scheduler, far from those the server gives its own threads.
const THREAD_IDS = 1 << 24;

export class Workers implements Component<WorkersStats>, Consumer, ChildWatcher, CpuClient {
  readonly routesCalls = false;
  readonly hosts = hostedSteps(["service", "cpu"]);
  private named: string | null;
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly flow: RequestFlow;
  private broker: Broker | null = null;
  private processes = 0;
  private window = 0;
  private readonly late: boolean;
  private readonly fair: boolean;
  /** The running execution of each process, or null when idle. */
  private running: (Execution | null)[] = [];
  /** Reserved messages: one shared line ("fair"), or one per process ("default"). */
  private lines: RingBuffer<Message>[] = [];
  /** The server whose cores `cpu` steps need, and each process's thread on it. */
  private server: Server | null = null;
  private threads: WorkerThread[] = [];
  private nextThreadId = THREAD_IDS;
  private ready = false;
  private nextProcess = 0;
  private unacked = 0;
  private active = 0; // outages in progress
  private starting: Execution | null = null;
  private readonly calls = new Map<PublishPlan, CompiledStep>();

  private readonly busy: TimeWeighted;
  private readonly reserved: TimeWeighted;
  private readonly present: TimeWeighted;
  private readonly waits = new LogHistogram();
  private waitSum = 0;
  private started = 0;
  private finished = 0;
  private raised = 0;
  private timeLimited = 0;
  private duplicatesSkipped = 0;
  private interrupted = 0;
  private lost = 0;
  private requeued = 0;
  private downSince = 0;
  private downtime = 0;
  private measuredFrom = 0;

  constructor(
    readonly name: string,
    private readonly spec: WorkersComponent,
    private readonly context: ComponentContext,
  ) {
    this.sim = context.sim;
    this.rng = context.rng;
    this.flow = context.flow;
    this.named = spec.broker ?? null;
    this.late = spec.acks === "late";
    this.fair = spec.optimization === "fair";
    this.busy = new TimeWeighted(this.sim);
    this.reserved = new TimeWeighted(this.sim);
    this.present = new TimeWeighted(this.sim);
    spec.outages.forEach((outage, i) => {
      const kind = OUTAGE + i * 2;
      if (outage.kind === "scheduled") this.sim.scheduleAt(outage.at, this, kind, null);
      else this.sim.schedule(this.exp(outage.mtbf), this, kind, null);
    });
  }

  /** Sizes the pool once the run's components exist (its default is its server's cores). */
  private setUp(): void {
    this.ready = true;
    const server =
      this.spec.server === undefined ? undefined : unwrapped(this.context.components.get(this.spec.server));
    if (server instanceof Server) this.server = server;
    // The scheduler keeps a counter per core: its length is the server's core count.
    this.processes = this.spec.processes ?? this.server?.scheduler.counters.coreUseful.length ?? 1;
    this.window = this.spec.prefetch === 0 ? Number.POSITIVE_INFINITY : this.spec.prefetch * this.processes;
    this.running = new Array(this.processes).fill(null);
    for (let i = 0; i < (this.fair ? 1 : this.processes); i++) this.lines.push(new RingBuffer());
    if (this.server !== null)
      for (let i = 0; i < this.processes; i++)
        this.threads.push(new WorkerThread(this.nextThreadId++, this, i));
  }

  /** Consumer priority: the broker serves higher ones first. */
  get priority(): number {
    return this.spec.priority ?? 0;
  }

  get hasRoom(): boolean {
    if (!this.ready) this.setUp();
    return this.active === 0 && this.unacked < this.window;
  }

  /** Its broker's name: the one named, or else the scenario's only broker ("" when there is none or several). */
  get brokerName(): string {
    if (this.named === null) {
      const brokers = [...this.context.components.values()].filter((c) => unwrapped(c) instanceof Broker);
      this.named = brokers.length === 1 ? brokers[0]!.name : "";
    }
    return this.named;
  }

  private get theBroker(): Broker {
    this.broker ??= unwrapped(this.context.components.get(this.brokerName)) as Broker;
    return this.broker;
  }

  receive(message: Message): void {
    this.unacked++;
    this.reserved.add(1);
    this.present.add(1);
    if (this.fair) {
      this.lines[0]!.push(message);
      const idle = this.running.indexOf(null);
      if (idle >= 0) this.next(idle);
    } else {
      // Celery's FCFS pool writes each task to the next child's pipe in turn, busy or not (asynpool
      // schedule_writes skips busy children only under the fair strategy), and a task is acked early
      // only once its child accepts it (Request.on_accepted), so queued tasks stay in the window. A
      // small window can therefore fill behind one long task and stall the whole worker while its
      // other processes idle; at prefetch 1 that costs enough capacity to make a 52% load unstable.
      // https://github.com/celery/celery/blob/main/celery/concurrency/asynpool.py
      // https://github.com/celery/celery/blob/main/celery/worker/request.py
      const process = this.nextProcess;
      this.nextProcess = (process + 1) % this.processes;
      this.lines[process]!.push(message);
      if (this.running[process] === null) this.next(process);
    }
  }

  /** Starts the next reserved message on an idle process, if there is one. */
  private next(process: number): void {
    if (this.active > 0) return;
    const line = this.lines[this.fair ? 0 : process]!;
    for (;;) {
      const message = line.shift();
      if (message === undefined) return;
      this.reserved.add(-1);
      const job = message.job;
      if (job.plan.task.idempotent && job.finished && job.succeeded) {
        // An idempotent task sees its work done already: it acks and does nothing.
        this.unacked--;
        this.present.add(-1);
        this.theBroker.ack(message);
        if (this.flow.measuring) this.duplicatesSkipped++;
        continue;
      }
      this.start(process, message);
      return;
    }
  }

  private start(process: number, message: Message): void {
    const broker = this.theBroker;
    const execution = new Execution(message, process);
    this.running[process] = execution;
    this.busy.add(1);
    if (this.flow.measuring) {
      this.started++;
      const wait = this.sim.now - message.sentAt;
      this.waits.record(wait);
      this.waitSum += wait;
    }
    broker.executionStarts(message);
    if (!this.late) {
      this.unacked--;
      broker.ack(message);
    }
    const task = message.job.plan.task;
    if (task.timeLimit !== Number.POSITIVE_INFINITY)
      this.sim.schedule(task.timeLimit, this, TIME_LIMIT, execution);
    this.starting = execution;
    this.flow.spawn(message.job.publisher, this.callFor(message.job.plan), this);
    if (!this.late) broker.dispatch(); // the early ack made room in the prefetch window
  }

  private callFor(plan: PublishPlan): CompiledStep {
    let call = this.calls.get(plan);
    if (call === undefined) {
      // With a result backend, the process stores the result there before it is free.
      const backend =
        this.spec.results === undefined
          ? undefined
          : unwrapped(this.context.components.get(this.spec.results));
      const steps = backend instanceof ResultBackend ? [...plan.steps, backend.writeStep] : plan.steps;
      call = new CompiledStep(STEP_CALL, ZERO, this, steps);
      this.calls.set(plan, call);
    }
    return call;
  }

  begin(request: Request): void {
    if (this.starting === null) {
      this.flow.reject(request); // only the workers' own executions run here
      return;
    }
    request.visit = this.starting;
    this.starting = null;
    this.flow.done(request);
  }

  arrive(request: Request, step: CompiledStep): void {
    const execution = request.visit as Execution;
    if (execution.killed) this.flow.reject(request, "reset");
    else if (step.kind === STEP_CPU && this.server !== null) {
      // On a server, the process's thread waits for one of its cores like any other thread there.
      const thread = this.threads[execution.process]!;
      thread.request = request;
      this.server.scheduler.run(thread, step.duration.sample(request.random));
    } else this.sim.schedule(step.duration.sample(request.random), this, STEP_DONE, request);
  }

  onCpuRan(_thread: OsThread, _ran: number): void {}

  onCpuDone(thread: OsThread, _ran: number): void {
    const worker = thread as WorkerThread;
    const request = worker.request!;
    worker.request = null;
    // A thread replaced after its process was killed finishes its burst for nobody.
    if (worker !== this.threads[worker.process] || (request.visit as Execution).killed)
      this.flow.reject(request, "reset");
    else this.flow.done(request);
  }

  /** A killed process's thread may still be on the CPU: the process restarts on a new one. */
  private replaceThread(process: number): void {
    if (this.server !== null) this.threads[process] = new WorkerThread(this.nextThreadId++, this, process);
  }

  onChildEnd(child: Request, outcome: ChildOutcome): void {
    (child.visit as Execution).outcome = outcome;
  }

  leave(_request: Request, visit: unknown): void {
    const execution = visit as Execution;
    if (execution.killed) return;
    const raised =
      execution.outcome !== "completed" ||
      (execution.message.job.plan.task.fails > 0 &&
        this.rng.nextDouble() < execution.message.job.plan.task.fails);
    this.end(execution, raised ? TASK_RAISED : TASK_SUCCEEDED);
  }

  /** An execution is over (finished, or killed at its time limit): ack if late, report, free the process. */
  private end(execution: Execution, how: number): void {
    execution.over = true;
    const broker = this.theBroker;
    if (this.flow.measuring) {
      this.finished++;
      if (how === TASK_RAISED) this.raised++;
      else if (how === TASK_TIME_LIMIT) this.timeLimited++;
    }
    if (this.late) {
      this.unacked--;
      broker.ack(execution.message);
    }
    broker.finish(execution.message, how);
    this.free(execution.process);
    broker.dispatch();
  }

  private free(process: number): void {
    this.running[process] = null;
    this.busy.add(-1);
    this.present.add(-1);
    this.next(process);
  }

  private crash(): void {
    if (!this.ready) this.setUp();
    const broker = this.theBroker;
    const measuring = this.flow.measuring;
    for (let process = 0; process < this.processes; process++) {
      const execution = this.running[process];
      if (execution == null) continue;
      execution.killed = true;
      execution.over = true;
      this.replaceThread(process);
      this.running[process] = null;
      this.busy.add(-1);
      this.present.add(-1);
      if (measuring) this.interrupted++;
      const message = execution.message;
      if (!this.late) {
        if (measuring) this.lost++; // acked before it ran: nobody will run it again
        broker.lose(message);
        continue;
      }
      this.unacked--;
      if (this.spec.crash === "worker") continue; // unacked: the broker delivers it again after the visibility timeout
      if (this.spec.rejectOnWorkerLost) {
        broker.requeue(message);
        if (measuring) this.requeued++;
      } else {
        // Celery's prefork pool acks a task whose child process died, unless reject_on_worker_lost.
        broker.ack(message);
        broker.lose(message);
        if (measuring) this.lost++;
      }
    }
    if (this.spec.crash === "worker") {
      // The machine is gone with everything it held: its reserved messages come back after the visibility timeout.
      for (const line of this.lines) {
        while (line.shift() !== undefined) {
          this.reserved.add(-1);
          this.present.add(-1);
          this.unacked--;
        }
      }
    }
  }

  private recover(): void {
    for (let process = 0; process < this.processes; process++)
      if (this.running[process] === null) this.next(process);
    this.theBroker.dispatch();
  }

  onEvent(kind: number, payload: unknown): void {
    if (kind === STEP_DONE) {
      const request = payload as Request;
      if ((request.visit as Execution).killed) this.flow.reject(request, "reset");
      else this.flow.done(request);
      return;
    }
    if (kind === TIME_LIMIT) {
      const execution = payload as Execution;
      if (execution.over) return;
      execution.killed = true; // the child process is killed; its request is dropped when it next comes back
      this.replaceThread(execution.process);
      this.end(execution, TASK_TIME_LIMIT);
      return;
    }
    const index = (kind - OUTAGE) >> 1;
    const outage = this.spec.outages[index]!;
    if (((kind - OUTAGE) & 1) === 0) {
      const length = outage.kind === "scheduled" ? outage.for : this.exp(outage.mttr);
      this.sim.schedule(length, this, kind + 1, null);
      if (this.active++ === 0) {
        this.downSince = this.sim.now;
        this.crash();
      }
    } else {
      if (outage.kind === "random") this.sim.schedule(this.exp(outage.mtbf), this, kind - 1, null);
      if (--this.active === 0) {
        this.downtime += this.sim.now - Math.max(this.downSince, this.measuredFrom);
        this.recover();
      }
    }
  }

  private exp(mean: number): number {
    return -mean * Math.log(1 - this.rng.nextDouble());
  }

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.busy.reset(now);
    this.reserved.reset(now);
    this.present.reset(now);
    this.waits.reset();
    this.waitSum = 0;
    this.started = 0;
    this.finished = 0;
    this.raised = 0;
    this.timeLimited = 0;
    this.duplicatesSkipped = 0;
    this.interrupted = 0;
    this.lost = 0;
    this.requeued = 0;
    this.downtime = 0;
  }

  stats(now: number): WorkersStats {
    if (!this.ready) this.setUp();
    const measured = now - this.measuredFrom;
    const down = this.downtime + (this.active > 0 ? now - Math.max(this.downSince, this.measuredFrom) : 0);
    return {
      processes: this.processes,
      utilization: round(this.processes > 0 ? this.busy.mean(now) / this.processes : 0),
      queueLength: { mean: round(this.reserved.mean(now)), max: this.reserved.max },
      inSystem: { mean: round(this.present.mean(now)), max: this.present.max },
      served: this.finished,
      rejected: 0,
      started: this.started,
      finished: this.finished,
      raised: this.raised,
      timeLimited: this.timeLimited,
      duplicatesSkipped: this.duplicatesSkipped,
      interrupted: this.interrupted,
      lost: this.lost,
      requeued: this.requeued,
      wait: {
        mean: round(this.started > 0 ? this.waitSum / this.started : 0),
        p99: round(this.waits.quantile(0.99)),
      },
      downtime: round(measured > 0 ? down : 0),
    };
  }
}
