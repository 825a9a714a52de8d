/**
 * A resilient client: retries, a retry budget, hedging and a circuit breaker, for one request
 * class. Each request of its class is an operation whose attempts are spawned children; when an
 * attempt fails for a reason the policy retries on, the client waits a backoff and sends the
 * next, until one completes or the attempts (or the budget) run out. The operation's latency runs
 * from the first send to the final answer, backoffs included. Each attempt has the class's
 * timeout; one that times out keeps its place in the system (the server never learns), so a
 * retry adds load rather than replacing it.
 *
 * Backoff is exponential from `base`, capped at `cap`, with the jitters analysed in Marc
 * Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015): none, full
 * (uniform in [0, b]), equal (b/2 plus uniform in [0, b/2]) and decorrelated
 * (uniform in [base, 3 × the previous sleep], capped).
 *
 * Hedging (Dean & Barroso, "The Tail at Scale"): if the first attempt has not answered after the
 * hedge delay (fixed, or a quantile of the class's attempt latencies so far), a second copy goes
 * out; the first answer wins, and the other copy's work goes on and is counted as wasted when it
 * completes. A circuit breaker fails requests at once while it is open.
 */
import type { ChildOutcome, ChildWatcher } from "../component/request-flow";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { CircuitBreakerPolicy, HedgePolicy, RetryPolicy } from "../scenario/model";
import { LogHistogram } from "../stats/log-histogram";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { CircuitBreaker } from "./circuit-breaker";
import type { Measurements } from "./measurements";
import { RetryBudget } from "./retry-budget";

/** What the retrying client needs of the engine. */
export interface OperationHost {
  spawn(parent: Request, call: CompiledStep, watcher: ChildWatcher, timeout?: number): Request;
  finishOperation(operation: Request, outcome: ChildOutcome): void;
  counted(request: Request): boolean;
}

const BACKOFF_OVER = 0;
const HEDGE_DUE = 1;

// A quantile hedge waits for this many answers before it trusts the quantile.
const QUANTILE_SAMPLES = 100;

/** A pending hedge: the operation and which use of its (pooled) object it was for. */
class HedgeTimer {
  operation: Request | null = null;
  generation = 0;
}

export class RetryingClient implements ChildWatcher, EventHandler {
  private host: OperationHost | null = null;
  private readonly retryOn: ReadonlySet<string>;
  private readonly budget: RetryBudget | null;
  private readonly breaker: CircuitBreaker | null;
  /** Latencies of answered requests, for a quantile hedge. */
  private readonly answered: LogHistogram | null;
  private readonly freeTimers: HedgeTimer[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    private readonly stats: Measurements,
    private readonly entryCall: CompiledStep,
    private readonly policy: RetryPolicy,
    /** Each attempt's timeout (the class's), Infinity when none. */
    private readonly timeout: number,
    private readonly hedge: HedgePolicy | null = null,
    breaker: CircuitBreakerPolicy | null = null,
  ) {
    this.retryOn = new Set(policy.on);
    this.budget = policy.budget === undefined ? null : new RetryBudget(policy.budget, sim);
    this.breaker = breaker === null ? null : new CircuitBreaker(breaker, sim);
    this.answered = hedge?.kind === "quantile" ? new LogHistogram() : null;
  }

  /** Binds the engine, which is built after the components this client's call reaches. */
  attach(host: OperationHost): void {
    this.host = host;
  }

  /** The client sends a new operation: its first attempt goes out now. */
  send(operation: Request): void {
    operation.attempts = 0;
    operation.outstanding = 0;
    operation.work = 0; // the previous sleep, for decorrelated jitter
    this.budget?.deposit();
    if (this.breaker !== null && !this.breaker.allows()) {
      if (this.host!.counted(operation)) this.stats.classShortCircuited[operation.classIndex]!++;
      this.host!.finishOperation(operation, "rejected");
      return;
    }
    this.attempt(operation);
    const delay = this.hedgeDelay();
    if (delay < Number.POSITIVE_INFINITY) {
      const timer = this.freeTimers.pop() ?? new HedgeTimer();
      timer.operation = operation;
      timer.generation = operation.generation;
      this.sim.schedule(delay, this, HEDGE_DUE, timer);
    }
  }

  onChildEnd(attempt: Request, outcome: ChildOutcome): void {
    const operation = attempt.parent!;
    if (attempt.parentGeneration !== operation.generation || operation.clientDone) {
      // An answer after its request was over: a hedge's loser, or an attempt the client gave up on.
      if (outcome === "completed" && this.host!.counted(attempt))
        this.stats.classWasted[attempt.classIndex]!++;
      return;
    }
    operation.outstanding--;
    operation.wait += attempt.wait;
    if (attempt.waited) operation.waited = true;
    this.breaker?.record(outcome !== "completed");
    if (outcome === "completed") {
      // The request's latency, not the copy's: a copy that wins was sent late and looks fast.
      this.answered?.record(this.sim.now - operation.arrivalTime);
      if (attempt.attempts < 0 && this.host!.counted(operation))
        this.stats.classHedgesWon[operation.classIndex]!++;
      this.host!.finishOperation(operation, outcome);
      return;
    }
    if (operation.outstanding > 0) return; // the other copy may still answer
    if (
      operation.attempts < this.policy.attempts &&
      this.retryOn.has(outcome) &&
      (this.breaker?.allows() ?? true) &&
      (this.budget?.withdraw() ?? true)
    ) {
      this.sim.schedule(this.backoff(operation), this, BACKOFF_OVER, operation);
      return;
    }
    this.host!.finishOperation(operation, outcome);
  }

  onEvent(kind: number, payload: unknown): void {
    if (kind === BACKOFF_OVER) {
      this.attempt(payload as Request);
      return;
    }
    // HEDGE_DUE: the first attempt has not answered yet; send the second copy.
    const timer = payload as HedgeTimer;
    const operation = timer.operation!;
    timer.operation = null;
    this.freeTimers.push(timer);
    if (operation.generation !== timer.generation || operation.clientDone || operation.outstanding === 0)
      return;
    if (operation.attempts !== 1) return; // already retrying: no hedge on top
    if (this.host!.counted(operation)) {
      this.stats.recordAttempt(operation.classIndex);
      this.stats.classHedges[operation.classIndex]!++;
    }
    operation.outstanding++;
    const copy = this.host!.spawn(operation, this.entryCall, this, this.timeout);
    copy.attempts = -1;
  }

  private attempt(operation: Request): void {
    operation.attempts++;
    operation.outstanding++;
    if (this.host!.counted(operation)) this.stats.recordAttempt(operation.classIndex);
    this.host!.spawn(operation, this.entryCall, this, this.timeout);
  }

  /** Seconds before a hedge, or Infinity for none (yet). */
  private hedgeDelay(): number {
    const hedge = this.hedge;
    if (hedge === null) return Number.POSITIVE_INFINITY;
    if (hedge.kind === "after") return hedge.after;
    const answered = this.answered!;
    return answered.count < QUANTILE_SAMPLES ? Number.POSITIVE_INFINITY : answered.quantile(hedge.quantile);
  }

  /** The sleep before the next attempt, after `operation.attempts` have failed. */
  private backoff(operation: Request): number {
    const { base, cap, jitter } = this.policy.backoff;
    const ceiling = Math.min(cap, base * 2 ** (operation.attempts - 1));
    let sleep: number;
    switch (jitter) {
      case "none":
        sleep = ceiling;
        break;
      case "full":
        sleep = this.rng.nextDouble() * ceiling;
        break;
      case "equal":
        sleep = ceiling / 2 + (this.rng.nextDouble() * ceiling) / 2;
        break;
      case "decorrelated": {
        const previous = operation.work > 0 ? operation.work : base;
        sleep = Math.min(cap, base + this.rng.nextDouble() * (previous * 3 - base));
        break;
      }
    }
    operation.work = sleep;
    return sleep;
  }
}
