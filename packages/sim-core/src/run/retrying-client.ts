/**
 * A client that retries. Each request of its class is an operation whose attempts are spawned
 * children; when an attempt fails for a reason the policy retries on, the client waits a backoff
 * and sends the next, until one completes or the attempts run out. The operation's latency runs
 * from the first send to the final answer, backoffs included. Each attempt has the class's
 * timeout; one that times out keeps its place in the system (the server never learns), so a
 * retry adds load rather than replacing it.
 *
 * Backoff is exponential from `base`, capped at `cap`, with the jitters analysed in Marc
 * Brooker's "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015): none, full
 * (uniform in [0, b]), equal (b/2 plus uniform in [0, b/2]) and decorrelated
 * (uniform in [base, 3 × the previous sleep], capped).
 */
import type { ChildOutcome, ChildWatcher } from "../component/request-flow";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { RetryPolicy } from "../scenario/model";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { Measurements } from "./measurements";

/** What the retrying client needs of the engine. */
export interface OperationHost {
  spawn(parent: Request, call: CompiledStep, watcher: ChildWatcher, timeout?: number): Request;
  finishOperation(operation: Request, outcome: ChildOutcome): void;
  counted(request: Request): boolean;
}

const BACKOFF_OVER = 0;

export class RetryingClient implements ChildWatcher, EventHandler {
  private host: OperationHost | null = null;
  private readonly retryOn: ReadonlySet<string>;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    private readonly stats: Measurements,
    private readonly entryCall: CompiledStep,
    private readonly policy: RetryPolicy,
    /** Each attempt's timeout (the class's), Infinity when none. */
    private readonly timeout: number,
  ) {
    this.retryOn = new Set(policy.on);
  }

  /** Binds the engine, which is built after the components this client's call reaches. */
  attach(host: OperationHost): void {
    this.host = host;
  }

  /** The client sends a new operation: its first attempt goes out now. */
  send(operation: Request): void {
    operation.attempts = 0;
    operation.work = 0; // the previous sleep, for decorrelated jitter
    this.attempt(operation);
  }

  onChildEnd(attempt: Request, outcome: ChildOutcome): void {
    const operation = attempt.parent!;
    if (attempt.parentGeneration !== operation.generation || operation.clientDone) return;
    operation.wait += attempt.wait;
    if (attempt.waited) operation.waited = true;
    if (outcome !== "completed" && operation.attempts < this.policy.attempts && this.retryOn.has(outcome)) {
      this.sim.schedule(this.backoff(operation), this, BACKOFF_OVER, operation);
      return;
    }
    this.host!.finishOperation(operation, outcome);
  }

  onEvent(_kind: number, payload: unknown): void {
    this.attempt(payload as Request);
  }

  private attempt(operation: Request): void {
    operation.attempts++;
    if (this.host!.counted(operation)) this.stats.classAttempts[operation.classIndex]!++;
    this.host!.spawn(operation, this.entryCall, this, this.timeout);
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
