/**
 * The request lifecycle: creates requests as clients send them, runs their frames of steps (a
 * hosted step at its host, an `io` step as a plain wait, a `call` delivered to its target),
 * forwards and spawns as components ask, handles timeouts, and counts what happened for the
 * measured part.
 *
 * Phases: warm-up (nothing counted), measuring, stopped. A run measured by duration counts
 * every event inside the measured window; a run measured by request count marks the first N
 * arrivals after warm-up and stops when the last of them has completed or failed (arrivals go
 * on meanwhile so the load stays the same, but later requests are not counted).
 */
import type { Component } from "../component/component";
import type { ChildOutcome, ChildWatcher, FailureReason, RequestFlow } from "../component/request-flow";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import { LANE_DEMANDS, LANE_IDENTITY, type RequestStreams } from "../random/request-random";
import type { RunLength } from "../scenario/model";
import type { ArrivalSink } from "../workload/arrival-sink";
import { ClassPicker } from "../workload/class-picker";
import { type CompiledStep, STEP_CALL, STEP_FANOUT, STEP_IO, STEP_PUBLISH } from "../workload/compiled-step";
import type { KeySampler } from "../workload/keys/key-sampler";
import type { Request } from "../workload/request";
import { RequestPool } from "../workload/request-pool";
import type { Measurements } from "./measurements";
import type { RetryingClient } from "./retrying-client";
import type { TraceRecorder } from "./trace-recorder";

const IO_DONE = 0;
const TIMEOUT = 1;
const WARMUP_END = 2;
const MEASURE_END = 3;

const WARMUP = 0;
const MEASURING = 1;
const STOPPED = 2;

const NO_STEPS: CompiledStep[] = [];

/** One request class made ready to run. */
export interface RunnableClass {
  /** The client's call to the entry, carrying the class's steps. */
  entryCall: CompiledStep;
  priority: number;
  timeout: number; // seconds; Infinity when none
  /** The client's retry policy, or null when it sends each request once. */
  retry: RetryingClient | null;
  /** Draws each request's key (from the request's own stream), or null when the class has none. */
  keys: KeySampler | null;
  /** Its requests write their key. */
  write: boolean;
}

export class RequestLifecycle implements RequestFlow, ArrivalSink, EventHandler, ChildWatcher {
  private readonly sim: Simulation;
  /** Seeds of the requests' own random streams (common random numbers: see random/request-random.ts). */
  private readonly streams: RequestStreams;
  private readonly picker: ClassPicker;
  private classes: RunnableClass[] = [];
  /** Components, for resetting their statistics when measuring starts. */
  private components: Component[] = [];
  private readonly pool = new RequestPool();

  /** Requests alive now (queued, in service or waiting on a call), for the in-flight limit. */
  get inFlight(): number {
    return this.pool.live;
  }
  private readonly stats: Measurements;
  private readonly warmup: RunLength;
  private readonly length: RunLength;
  /** The run is measured by duration (else by request count); a boolean read per request, not a string compare. */
  private readonly timeMode: boolean;
  private readonly measuredCount: number;
  private phase = WARMUP;
  private nextId = 0;
  /** Requests sent by clients so far: the N-th one draws from stream N. */
  private sent = 0;
  private warmupArrived = 0;
  /** Measured requests (request-count runs) not yet over from the client's view. */
  private measuredOutstanding = 0;
  private measuredArrived = 0;
  /** Records traces of sampled requests, or null when the run records none. */
  tracer: TraceRecorder | null = null;
  /** An open workload's client population (0: clients not told apart). */
  private population = 0;
  /** Called when a closed-workload user's request is over. */
  onUserFree: ((user: number) => void) | null = null;
  /** Simulated time at which measuring ended (valid once stopped). */
  endTime = 0;

  constructor(
    sim: Simulation,
    streams: RequestStreams,
    weights: number[],
    stats: Measurements,
    warmup: RunLength,
    length: RunLength,
  ) {
    this.sim = sim;
    this.streams = streams;
    this.picker = new ClassPicker(weights);
    this.stats = stats;
    this.warmup = warmup;
    this.length = length;
    this.timeMode = length.kind === "time";
    this.measuredCount = length.kind === "requests" ? length.count : 0;
  }

  /** Each request comes from one of `population` clients, drawn from `rng`. */
  setPopulation(population: number): void {
    this.population = population;
  }

  /** Completes the set-up once the components exist (they are built with this object as their flow). */
  configure(classes: RunnableClass[], components: Component[]): void {
    this.classes = classes;
    this.components = components;
  }

  get measuring(): boolean {
    return this.phase === MEASURING;
  }

  get stopped(): boolean {
    return this.phase === STOPPED;
  }

  /** Fraction of the measured part done, for progress reports. */
  get fraction(): number {
    if (this.phase === WARMUP) return 0;
    if (this.phase === STOPPED) return 1;
    if (this.length.kind === "time") {
      return this.length.duration > 0
        ? Math.min(1, (this.sim.now - this.stats.startTime) / this.length.duration)
        : 1;
    }
    return this.length.count > 0 ? (this.measuredArrived - this.measuredOutstanding) / this.length.count : 1;
  }

  /** Starts the run: schedules the end of warm-up, or begins measuring at once. */
  begin(): void {
    if (this.warmup.kind === "time" && this.warmup.duration > 0)
      this.sim.schedule(this.warmup.duration, this, WARMUP_END, null);
    else if (this.warmup.kind === "time" || this.warmup.count <= 0) this.startMeasuring();
  }

  /** The end of the run if the calendar empties first (e.g. a closed workload with no users). */
  finishIdle(): void {
    if (this.phase === WARMUP) this.startMeasuring();
    if (this.phase === MEASURING) {
      if (this.length.kind === "time")
        this.sim.now = Math.max(this.sim.now, this.stats.startTime + this.length.duration);
      this.stop();
    }
  }

  private startMeasuring(): void {
    const now = this.sim.now;
    this.phase = MEASURING;
    this.stats.start(now);
    for (const component of this.components) component.startMeasurement(now);
    if (this.length.kind === "time") this.sim.schedule(this.length.duration, this, MEASURE_END, null);
    else if (this.length.count <= 0) this.stop();
  }

  private stop(): void {
    this.phase = STOPPED;
    this.endTime = this.sim.now;
  }

  /** Whether what happens to this request now is counted. */
  counted(request: Request): boolean {
    return this.timeMode ? this.phase === MEASURING : request.measured;
  }

  // --- requests the clients send ----------------------------------------------------

  inject(user: number, givenClass = -1, givenKey = -1): void {
    if (this.phase === STOPPED) return;
    const now = this.sim.now;
    const request = this.pool.acquire();
    const sequence = this.sent++;
    request.random.assign(this.streams, sequence, LANE_DEMANDS);
    request.identity.assign(this.streams, sequence, LANE_IDENTITY);
    const classIndex = givenClass >= 0 ? givenClass : this.picker.pick(request.identity);
    const cls = this.classes[classIndex]!;
    request.id = this.nextId++;
    request.classIndex = classIndex;
    request.priority = cls.priority;
    request.arrivalTime = now;
    request.deadline = now + cls.timeout;
    request.user = user;
    if (givenKey >= 0) request.key = givenKey;
    else if (cls.keys !== null) request.key = cls.keys.sample(request.identity);
    request.write = cls.write;
    // After the key, from the same stream: a population added to a scenario moves no key.
    if (this.population > 0) request.client = Math.floor(request.identity.nextDouble() * this.population);
    if (this.phase === MEASURING && !this.timeMode && this.measuredArrived < this.measuredCount) {
      request.measured = true;
      this.measuredArrived++;
      this.measuredOutstanding++;
    }
    if (this.counted(request)) {
      this.stats.recordArrival(classIndex, cls.retry === null);
      this.tracer?.admit(request, now);
    }
    this.stats.changeInSystem(1);
    if (cls.retry === null && cls.timeout !== Number.POSITIVE_INFINITY) {
      request.timeoutPending = true;
      this.sim.schedule(cls.timeout, this, TIMEOUT, request);
    }
    if (
      this.phase === WARMUP &&
      this.warmup.kind === "requests" &&
      ++this.warmupArrived >= this.warmup.count
    ) {
      this.startMeasuring();
    }
    if (cls.retry === null) this.deliver(request, cls.entryCall, cls.entryCall.target!);
    else cls.retry.send(request); // the request is the client's operation; its attempts are children
  }

  // --- running frames ---------------------------------------------------------------

  /**
   * Delivers a call to `target`: it routes or serves the call itself, or hosts the call's steps.
   * The client's own call, when hosted, makes the request's base frame (depth 0) rather than one
   * pushed on top of nothing: the common case costs no frame at all.
   */
  private deliver(request: Request, call: CompiledStep, target: Component): void {
    if (target.routesCalls || call.steps === null) {
      request.call = call; // a routing component may act on it later (a pool, once a connection is free)
      this.tracer?.arrive(request, this.sim.now);
      target.arrive(request, call);
      return;
    }
    if (request.host === null) {
      request.steps = call.steps;
      request.host = target;
      this.tracer?.enter(request, target, this.sim.now);
    } else this.enter(request, target, call.steps);
    if (target.begin === undefined) this.advance(request);
    else target.begin(request);
  }

  /** Runs the request's next step, or finishes its frame when none is left. */
  private advance(request: Request): void {
    for (;;) {
      if (request.stepIndex < request.steps.length) {
        const step = request.steps[request.stepIndex++]!;
        const host = request.host!;
        if ((host.hosts & step.bit) !== 0) host.arrive(request, step);
        // A publish goes to its broker as a call does; the broker acts on it (jobs/broker.ts).
        else if (step.kind === STEP_CALL || step.kind === STEP_PUBLISH)
          this.deliver(request, step, step.target!);
        else if (step.kind === STEP_IO)
          this.sim.schedule(step.duration.sample(request.random), this, IO_DONE, request);
        else if (step.kind === STEP_FANOUT) this.fanOut(request, step);
        else host.arrive(request, step); // validation lets no other step reach a host that cannot run it
        return;
      }
      if (request.depth === 0) {
        this.complete(request);
        return;
      }
      this.exitFrame(request);
    }
  }

  enter(request: Request, host: Component, steps: CompiledStep[]): void {
    const depth = request.depth++;
    request.savedSteps[depth] = request.steps;
    request.savedIndex[depth] = request.stepIndex;
    request.savedHost[depth] = request.host;
    request.savedVisit[depth] = request.visit;
    request.steps = steps;
    request.stepIndex = 0;
    request.host = host;
    request.visit = null;
    this.tracer?.enter(request, host, this.sim.now);
  }

  forward(request: Request, from: Component, to: Component, call: CompiledStep, visit: unknown = null): void {
    this.enter(request, from, NO_STEPS);
    request.visit = visit;
    // A client that gave up while the request waited here: the visit ends without going on.
    if (request.clientDone) this.done(request);
    else this.deliver(request, call, to);
  }

  private exitFrame(request: Request): void {
    const host = request.host!;
    const visit = request.visit;
    const depth = --request.depth;
    request.steps = request.savedSteps[depth]!;
    request.stepIndex = request.savedIndex[depth]!;
    request.host = request.savedHost[depth]!;
    request.visit = request.savedVisit[depth]!;
    this.tracer?.leave(request, this.sim.now);
    host.leave?.(request, visit);
  }

  done(request: Request): void {
    if (request.clientDone) {
      // Timed out earlier: the visit has ended, drop the rest of its work.
      while (request.depth > 0) this.exitFrame(request);
      this.endWork(request);
      return;
    }
    this.advance(request);
  }

  reject(request: Request, reason: FailureReason = "rejected"): void {
    request.rejectedWith = reason; // the components it leaves may count whose failure it was
    while (request.depth > 0) this.exitFrame(request);
    if (!request.clientDone) this.fail(request, reason);
    this.endWork(request);
  }

  /** The client's own frame has ended: it has its answer before the entry closes the visit. */
  private complete(request: Request): void {
    if (request.watcher !== null) this.childEnds(request, "completed");
    else {
      if (this.counted(request)) this.stats.recordCompletion(request);
      this.tracer?.finish(request, this.sim.now, "completed");
      this.clientLeaves(request);
    }
    this.endWork(request);
  }

  private fail(request: Request, reason: FailureReason): void {
    if (request.watcher !== null) this.childEnds(request, reason);
    else {
      if (this.counted(request)) this.stats.recordFailure(reason);
      this.tracer?.finish(request, this.sim.now, reason);
      this.clientLeaves(request);
    }
  }

  // --- fan-out -----------------------------------------------------------------------

  /**
   * Sends the fan-out's call `count` times at once, each a child of the request; the request goes
   * on when `wait` have answered, and fails when more fail than it can do without. Children that
   * answer after that still do their work (nobody cancels them) and are ignored.
   */
  private fanOut(request: Request, step: CompiledStep): void {
    const round = ++request.fanoutRound;
    request.fanoutLeft = step.wait;
    request.fanoutSpare = step.count - step.wait;
    const call = step.fanout!;
    for (let i = 0; i < step.count; i++) {
      this.spawn(request, call, this);
      // A child that ended at once may already have settled the fan-out.
      if (request.fanoutRound !== round || request.fanoutLeft <= 0) return;
    }
  }

  /** A fan-out's child has answered or failed. */
  onChildEnd(child: Request, outcome: ChildOutcome): void {
    const parent = child.parent!;
    if (child.parentGeneration !== parent.generation || child.parentRound !== parent.fanoutRound) return;
    if (parent.fanoutLeft <= 0) return; // settled already: a late answer
    if (outcome === "completed") {
      if (--parent.fanoutLeft === 0) this.done(parent);
    } else if (--parent.fanoutSpare < 0) {
      parent.fanoutLeft = 0;
      this.reject(parent, outcome);
    }
  }

  // --- operations and children --------------------------------------------------------

  spawn(
    parent: Request,
    call: CompiledStep,
    watcher: ChildWatcher,
    timeout = Number.POSITIVE_INFINITY,
  ): Request {
    const now = this.sim.now;
    const child = this.pool.acquire();
    child.id = this.nextId++;
    child.classIndex = parent.classIndex;
    child.priority = parent.priority;
    child.arrivalTime = now;
    child.deadline = now + timeout;
    child.measured = parent.measured;
    child.key = parent.key;
    child.write = parent.write;
    child.client = parent.client;
    child.random.assignChild(parent.random);
    child.parent = parent;
    child.parentGeneration = parent.generation;
    child.parentRound = parent.fanoutRound; // before it is delivered: it may end at once
    child.watcher = watcher;
    if (timeout !== Number.POSITIVE_INFINITY) {
      child.timeoutPending = true;
      this.sim.schedule(timeout, this, TIMEOUT, child);
    }
    this.deliver(child, call, call.target!);
    return child;
  }

  /** A spawned request's client-side life ends: its watcher hears how, once. */
  private childEnds(child: Request, outcome: ChildOutcome): void {
    child.clientDone = true;
    child.watcher!.onChildEnd(child, outcome);
  }

  /** An operation (a request whose attempts are its children) is over for its client. */
  finishOperation(operation: Request, outcome: ChildOutcome): void {
    if (outcome === "completed") {
      if (this.counted(operation)) this.stats.recordCompletion(operation);
      this.tracer?.finish(operation, this.sim.now, "completed");
      this.clientLeaves(operation);
    } else this.fail(operation, outcome);
    this.endWork(operation);
  }

  /** The client stops waiting for the request (completed, failed or timed out). */
  private clientLeaves(request: Request): void {
    request.clientDone = true;
    this.stats.changeInSystem(-1);
    if (request.user >= 0) this.onUserFree?.(request.user);
    if (request.measured && --this.measuredOutstanding === 0 && this.measuredArrived === this.measuredCount) {
      this.stop();
    }
  }

  /** The request's work is over; the object is reused once its timeout event has also fired. */
  private endWork(request: Request): void {
    // The client's own frame ends last: its host frees what it held for the visit.
    if (this.tracer !== null) {
      if (request.host !== null) this.tracer.leave(request, this.sim.now);
      this.tracer.close(request);
    }
    request.host?.leave?.(request, request.visit);
    request.workDone = true;
    if (!request.timeoutPending) this.pool.release(request);
  }

  onEvent(kind: number, payload: unknown): void {
    switch (kind) {
      case IO_DONE:
        this.done(payload as Request);
        return;
      case TIMEOUT: {
        const request = payload as Request;
        request.timeoutPending = false;
        if (request.workDone) this.pool.release(request);
        else if (!request.clientDone) {
          request.timedOut = true;
          this.fail(request, "timeout");
        }
        return;
      }
      case WARMUP_END:
        if (this.phase === WARMUP) this.startMeasuring();
        return;
      case MEASURE_END:
        if (this.phase === MEASURING) this.stop();
        return;
    }
  }
}
