/**
 * A connection pool in front of a component (usually a database station): a call holds
 * one of `size` connections while the target serves it.
 *
 * - mode "pool" (HikariCP, SQLAlchemy, node-postgres): a caller finding every connection
 *   busy waits in a FIFO of at most `queue` callers; a full queue, or a wait longer than
 *   `acquireTimeout` (the caller reneges), turns the caller away (counted in `rejected`; the
 *   application would answer 500/503).
 * - mode "transaction" (pgbouncer's pool_mode = transaction): up to `clientConnections`
 *   clients connect (max_client_conn; more are refused) and share `size` server connections
 *   (default_pool_size), each held only for one transaction — here, one call. A client
 *   waits at most `acquireTimeout` (query_wait_timeout, 120 s by default).
 *
 * With a target, the call is forwarded to it on the connection; without one the pool holds the
 * connection for the call's `hold` itself. The connection is released when the call's visit
 * ends (`leave`), which also happens when the target rejects it or the client's timeout drops it.
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { type RenegeHandler, WaitingLine } from "../queues/waiting-line";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { PoolComponent } from "./pool-schema";
import type { PoolStats } from "./pool-stats";

const HOLD_DONE = 0;
const NO_STEPS: CompiledStep[] = [];

export class ConnectionPool implements Component<PoolStats>, EventHandler, RenegeHandler {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly line: WaitingLine;
  private readonly inUse: TimeWeighted;
  private readonly inSystem: TimeWeighted;
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
    this.inSystem = new TimeWeighted(context.sim);
    const queueLimit =
      spec.mode === "transaction"
        ? Math.max((spec.clientConnections ?? spec.size) - spec.size, 0)
        : (spec.queue ?? Number.POSITIVE_INFINITY);
    this.line = new WaitingLine(context.sim, "fifo", context.flow, queueLimit, this);
  }

  arrive(request: Request, call: CompiledStep): void {
    if (this.inUse.value < this.spec.size) {
      this.inSystem.add(1);
      this.start(request, call);
      return;
    }
    if (!this.line.join(request, this.spec.acquireTimeout)) {
      if (this.context.flow.measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    this.inSystem.add(1);
  }

  /** The call's visit has ended: its connection goes back to the pool. */
  leave(_request: Request, _visit: unknown): void {
    this.inUse.add(-1);
    this.inSystem.add(-1);
    if (this.context.flow.measuring) this.served++;
    this.handOver();
  }

  /** A caller waited longer than acquireTimeout. */
  onRenege(request: Request): void {
    this.inSystem.add(-1);
    if (this.context.flow.measuring) {
      this.acquireTimeouts++;
      this.rejected++;
    }
    this.context.flow.reject(request);
  }

  onEvent(_kind: number, payload: unknown): void {
    // HOLD_DONE: a pool without a target has held the connection for the call's hold.
    this.context.flow.done(payload as Request);
  }

  startMeasurement(now: number): void {
    this.inUse.reset(now);
    this.line.startMeasurement(now);
    this.inSystem.reset(now);
    this.served = 0;
    this.rejected = 0;
    this.acquireTimeouts = 0;
  }

  stats(now: number): PoolStats {
    const inUse = this.inUse.mean(now);
    return {
      utilization: round(inUse / this.spec.size),
      queueLength: { mean: round(this.line.length.mean(now)), max: this.line.length.max },
      inSystem: { mean: round(this.inSystem.mean(now)), max: this.inSystem.max },
      served: this.served,
      rejected: this.rejected,
      acquireTimeouts: this.acquireTimeouts,
      inUse: { mean: round(inUse), max: this.inUse.max },
    };
  }

  /** Gives freed connections to the oldest callers still waiting. */
  private handOver(): void {
    while (this.inUse.value < this.spec.size) {
      const request = this.line.take();
      if (request === null) return;
      this.start(request, request.call!);
    }
  }

  /** Holds a connection for the call: forwards it to the target, or holds for its `hold` here. */
  private start(request: Request, call: CompiledStep): void {
    this.inUse.add(1);
    // Resolved at the first call: every component of the run exists by then.
    if (this.target === undefined) {
      this.target =
        this.spec.target === undefined ? null : (this.context.components.get(this.spec.target) ?? null);
    }
    if (this.target !== null) {
      this.context.flow.forward(request, this, this.target, call);
      return;
    }
    this.context.flow.enter(request, this, NO_STEPS);
    if (request.clientDone)
      this.context.flow.done(request); // its client gave up while it waited
    else this.context.sim.schedule(call.duration.sample(request.random), this, HOLD_DONE, request);
  }
}
