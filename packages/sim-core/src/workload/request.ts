/**
 * One request in flight. Request objects are pooled (workload/request-pool.ts) and reused,
 * so every field is initialised in the constructor and reset on reuse: one stable shape,
 * no allocation per request once the pool has grown to the peak number in flight.
 *
 * A request the client sends is either the attempt itself (the common case) or, for a class
 * whose client retries, an operation that spawns attempts as children (`parent` links them).
 */
import type { Component } from "../component/component";
import type { ChildWatcher, FailureReason } from "../component/request-flow";
import type { Ranked } from "../queues/disciplines/line-order";
import { RequestRandom } from "../random/request-random";
import type { CompiledStep } from "./compiled-step";

const NO_STEPS: CompiledStep[] = [];

export class Request implements Ranked {
  /** Sequence number (0, 1, 2, …) in the order requests were created, for stable tie-breaking. */
  id = 0;
  /** Index of its request class in the scenario. */
  classIndex = 0;
  /** Under the "priority" discipline, higher is served first. */
  priority = 0;
  /** Simulated time at which the client sent it. */
  arrivalTime = 0;
  /** When the client wants an answer by (arrival + timeout; Infinity without one), for deadline lines. */
  deadline = Number.POSITIVE_INFINITY;
  /** Counted in a run measured by request count (one of the N measured arrivals). */
  measured = false;
  /** The closed-workload user who sent it, or −1 for open arrivals. */
  user = -1;
  /** The key it is about (its class's `key`), or −1 when its class draws none. */
  key = -1;
  /** Its class writes the key (a cache invalidates or writes it through). */
  write = false;
  /** Which of an open workload's `population` clients sent it, or −1 (hash balancers route on it). */
  client = -1;
  /** Its own random stream for its demands (re-keyed on reuse; see random/request-random.ts). */
  readonly random = new RequestRandom();
  /** Its own random stream for its class and key, apart so that drawing a key moves no demand. */
  readonly identity = new RequestRandom();

  /** The steps being run and the index of the next one. */
  steps: CompiledStep[] = NO_STEPS;
  stepIndex = 0;
  /** The component that hosts the current frame. */
  host: Component | null = null;
  /** What the host keeps for the current frame (a server's connection), handed back in `leave`. */
  visit: unknown = null;
  /** The call step being delivered to the component it now visits (a component that routes calls acts on it later). */
  call: CompiledStep | null = null;
  /** Saved frames of callers while a call runs elsewhere (a stack, reused). */
  depth = 0;
  readonly savedSteps: CompiledStep[][] = [];
  readonly savedIndex: number[] = [];
  readonly savedHost: (Component | null)[] = [];
  readonly savedVisit: unknown[] = [];

  /** Work (seconds of service) for the current visit; a station sets it on arrival. */
  work = 0;
  /** Total time spent waiting in lines before service, over all visits. */
  wait = 0;
  /** Whether it ever had to wait. */
  waited = false;
  /** Its place in the waiting line it is in: join order (the tie-breaker of every discipline) and join time. */
  ticket = 0;
  joinedAt = 0;
  /** Scratch fields a station may use while the request is inside it (processor sharing's finish tag). */
  tag = 0;
  tagSeq = 0;

  /** Its timeout event is still in the calendar (the object must not be reused before it fires). */
  timeoutPending = false;
  /** The client has stopped waiting: completed, failed or timed out. */
  clientDone = false;
  /** Its work has ended (finished, rejected, or unwound after a timeout). */
  workDone = false;
  /** Its timeout expired before it completed (its work may go on: wasted work). */
  timedOut = false;
  /** Why a component turned it away, set before its frames are left (a balancer counts the backend's failures). */
  rejectedWith: FailureReason | null = null;

  /** The request that spawned it (an operation, for a retried attempt), or null for one a client sent. */
  parent: Request | null = null;
  /** Told how it ended, when it was spawned. */
  watcher: ChildWatcher | null = null;
  /** Bumped on every reuse, so a child can tell that its parent's object now serves another request. */
  generation = 0;
  parentGeneration = 0;
  /** Attempts sent so far, for an operation whose client retries; −1 on a hedge's second copy. */
  attempts = 0;
  /** Attempts of an operation still in flight (two while a hedge races the first). */
  outstanding = 0;
  /** Its fan-out now: which one (children of an earlier one are ignored), answers still awaited, failures it can still absorb. */
  fanoutRound = 0;
  fanoutLeft = 0;
  fanoutSpare = 0;
  /** The parent's fan-out round this child belongs to. */
  parentRound = 0;

  /** Prepares a pooled object for a new request. */
  reset(): void {
    this.steps = NO_STEPS;
    this.stepIndex = 0;
    this.host = null;
    this.visit = null;
    this.call = null;
    this.depth = 0;
    this.work = 0;
    this.wait = 0;
    this.waited = false;
    this.tag = 0;
    this.tagSeq = 0;
    this.timeoutPending = false;
    this.clientDone = false;
    this.workDone = false;
    this.timedOut = false;
    this.measured = false;
    this.user = -1;
    this.key = -1;
    this.write = false;
    this.client = -1;
    this.rejectedWith = null;
    this.deadline = Number.POSITIVE_INFINITY;
    this.parent = null;
    this.watcher = null;
    this.generation = (this.generation + 1) | 0;
    this.parentGeneration = 0;
    this.attempts = 0;
    this.outstanding = 0;
    this.fanoutLeft = 0;
    this.fanoutSpare = 0;
    this.parentRound = 0;
  }
}
