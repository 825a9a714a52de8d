/**
 * A connection pool in front of a component (usually a database station): a call holds
 * one of `size` connections while the target serves it for the call's `hold`.
 *
 * - mode "pool" (HikariCP, SQLAlchemy, node-postgres): a caller finding every connection
 *   busy waits in a FIFO of at most `queue` callers; a full queue, or a wait longer than
 *   `acquireTimeout`, turns the caller away (counted in `rejected`; the application would
 *   answer 500/503).
 * - mode "transaction" (pgbouncer's pool_mode = transaction): up to `clientConnections`
 *   clients connect (max_client_conn; more are refused) and share `size` server connections
 *   (default_pool_size), each held only for one transaction — here, one call. A client
 *   waits at most `acquireTimeout` (query_wait_timeout, 120 s by default).
 *
 * Without a target the pool holds the connection for the call's `hold` itself.
 * A held connection is released when the call's frame ends (`leave`), which also happens
 * when the target rejects it or the client's timeout drops it.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { PoolStats } from "../result/model";
import type { Component, ComponentContext } from "../run/component";
import { round } from "../run/round";
import type { PoolComponent } from "../scenario/model";
import { Fifo } from "../servers/fifo";
import { TimeWeighted } from "../stats/time-weighted";
import { CompiledStep, STEP_CALL, STEP_SERVICE } from "../workload/compiled-step";
import type { Request } from "../workload/request";

/**
 * A caller waiting for a connection. Its acquire-timeout event cannot be withdrawn, so the
 * waiter is marked `done` once it leaves the queue either way.
 */
class Waiter {
  done = false;
  constructor(
    readonly request: Request,
    readonly step: CompiledStep,
    readonly since: number,
  ) {}
}

const ACQUIRE_TIMEOUT = 0;
const HOLD_DONE = 1;

export class ConnectionPool implements Component, EventHandler {
  private readonly waiting = new Fifo<Waiter>();
  private readonly inUse: TimeWeighted;
  private readonly queued: TimeWeighted;
  private readonly inSystem: TimeWeighted;
  /** Frames that run the call at the target (or as a plain hold here), one per call step. */
  private readonly frames = new Map<CompiledStep, CompiledStep[]>();
  private readonly holding = new Set<Request>();
  private readonly queueLimit: number;
  private target: Component | null | undefined;
  private served = 0;
  private rejected = 0;
  private acquireTimeouts = 0;

  constructor(
    readonly name: string,
    private readonly spec: PoolComponent,
    private readonly context: ComponentContext,
  ) {
    this.inUse = new TimeWeighted(context.sim);
    this.queued = new TimeWeighted(context.sim);
    this.inSystem = new TimeWeighted(context.sim);
    this.queueLimit =
      spec.mode === "transaction"
        ? Math.max((spec.clientConnections ?? spec.size) - spec.size, 0)
        : (spec.queue ?? Number.POSITIVE_INFINITY);
  }

  arrive(request: Request, step: CompiledStep): void {
    const now = this.context.sim.now;
    if (step.kind === STEP_SERVICE && request.host === this) {
      // No target: the connection is held for the call's hold time here.
      this.context.sim.schedule(step.duration.sample(this.context.rng), this, HOLD_DONE, request);
      return;
    }
    if (this.inUse.value < this.spec.size) {
      this.inSystem.add(1);
      this.start(request, step);
      return;
    }
    if (this.waiting.length >= this.queueLimit) {
      if (this.context.flow.measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    this.inSystem.add(1);
    const waiter = new Waiter(request, step, now);
    this.waiting.push(waiter);
    this.queued.add(1);
    request.waited = true;
    if (this.spec.acquireTimeout !== Number.POSITIVE_INFINITY) {
      this.context.sim.schedule(this.spec.acquireTimeout, this, ACQUIRE_TIMEOUT, waiter);
    }
  }

  /** The call's frame at the target has ended: its connection goes back to the pool. */
  leave(request: Request): void {
    if (!this.holding.delete(request)) return;
    this.inUse.add(-1);
    this.inSystem.add(-1);
    if (this.context.flow.measuring) this.served++;
    this.handOver();
  }

  onEvent(kind: number, payload: unknown): void {
    if (kind === HOLD_DONE) {
      this.context.flow.done(payload as Request);
      return;
    }
    const waiter = payload as Waiter;
    if (waiter.done) return; // it got a connection in time
    waiter.done = true;
    const now = this.context.sim.now;
    this.queued.add(-1);
    this.inSystem.add(-1);
    waiter.request.wait += now - waiter.since;
    if (this.context.flow.measuring) {
      this.acquireTimeouts++;
      this.rejected++;
    }
    this.context.flow.reject(waiter.request);
  }

  startMeasurement(now: number): void {
    this.inUse.reset(now);
    this.queued.reset(now);
    this.inSystem.reset(now);
    this.served = 0;
    this.rejected = 0;
    this.acquireTimeouts = 0;
  }

  stats(now: number): PoolStats {
    return {
      utilization: this.inUse.mean(now) / this.spec.size,
      queueLength: { mean: this.queued.mean(now), max: this.queued.max },
      inSystem: { mean: this.inSystem.mean(now), max: this.inSystem.max },
      served: this.served,
      rejected: this.rejected,
      acquireTimeouts: this.acquireTimeouts,
      inUse: { mean: round(this.inUse.mean(now)), max: this.inUse.max },
    };
  }

  /** Gives a freed connection to the oldest waiter still waiting. */
  private handOver(): void {
    while (this.inUse.value < this.spec.size) {
      const waiter = this.waiting.shift();
      if (waiter === undefined) return;
      if (waiter.done) continue; // timed out already
      waiter.done = true;
      const now = this.context.sim.now;
      this.queued.add(-1);
      waiter.request.wait += now - waiter.since;
      this.start(waiter.request, waiter.step);
    }
  }

  /** Holds a connection and runs the call at the target inside a frame that ends with `leave`. */
  private start(request: Request, step: CompiledStep): void {
    this.inUse.add(1);
    this.holding.add(request);
    this.context.flow.enter(request, this, this.frame(step));
    this.context.flow.done(request);
  }

  private frame(step: CompiledStep): CompiledStep[] {
    let frame = this.frames.get(step);
    if (frame === undefined) {
      // Resolved at the first call: every component of the run exists by then.
      if (this.target === undefined) {
        this.target =
          this.spec.target === undefined ? null : (this.context.components?.get(this.spec.target) ?? null);
      }
      frame =
        this.target === null
          ? [new CompiledStep(STEP_SERVICE, step.duration, null, null)]
          : [new CompiledStep(STEP_CALL, step.duration, this.target, step.steps)];
      this.frames.set(step, frame);
    }
    return frame;
  }
}
