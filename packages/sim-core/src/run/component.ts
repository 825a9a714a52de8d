/**
 * The contract between the engine and everything a request can visit (stations now; servers,
 * pools, balancers later). Read this before adding a component type.
 *
 * Life of a visit:
 *  1. The engine calls `component.arrive(request, step)`. `step` is the step that brought the
 *     request here: a `service`/`cpu` step (this component is the request's current host) or a
 *     `call` step (this component is its target; `step.duration` is the call's `hold`,
 *     `step.steps` its own steps, for components that run steps).
 *  2. The component queues/serves the request on its own events (it implements EventHandler
 *     and schedules on `context.sim`; one event kind per purpose, the request as payload).
 *  3. When it is done it calls exactly one of:
 *       - `context.flow.done(request)`: the visit ended; the engine runs the next step;
 *       - `context.flow.reject(request)`: the component turned it away (full queue, 503);
 *         the request fails and is counted in `requests.failed.rejected`.
 *     A component that runs the call's own steps (a server) instead calls
 *     `context.flow.enter(request, this, step.steps)` and then `context.flow.done(request)`;
 *     the engine runs those steps with this component as host (their `cpu`/`service` steps
 *     arrive here) and, when they end, calls `this.leave(request)` before resuming the caller.
 *  After done/reject the component must not touch the request again: it is pooled and reused.
 *
 * Timeouts: when a request's class timeout expires, the client gives up — the request is
 * counted in `failed.timeout` at once — but work already queued or in service is NOT
 * withdrawn (a server does not learn that its client left): it keeps its place and its
 * server until the visit ends, and then the engine drops it without running further steps.
 * So components never need to remove a request early.
 *
 * Components that run whole frames (servers): a component with `hostsAllSteps` is handed
 * every step of the frames it hosts — `io` and `call` steps too, not only `service`/`cpu` —
 * because a blocking thread stays held through them and a request must pass the server's
 * accept queue before its first step, whatever that step is. Such a host waits out `io`
 * itself and forwards a `call` with `step.target.arrive(request, step)`; each step still ends
 * with flow.done/reject. Its `leave` is called whenever a frame it hosted ends — completed,
 * rejected, or dropped after a timeout — including a request's first frame (at the entry),
 * so it can free the thread; until `leave` it may keep the request. `flow.reject` takes an
 * optional reason: "reset" (TCP RST) and "timeout" (a connect that never completed) are
 * counted apart from "rejected".
 *
 * Statistics: `startMeasurement(now)` is called once when warm-up ends (reset every counter
 * and time-weighted average to start at `now`); `context.flow.measuring` says whether events
 * now fall in the measured part; `stats(now)` is read once at the end.
 */

import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { StationStats } from "../result/model";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";

export interface Component {
  readonly name: string;
  arrive(request: Request, step: CompiledStep): void;
  /** Called when a frame of steps this component hosted (see `RequestFlow.enter`) has ended. */
  leave?(request: Request): void;
  /** True for a component that runs whole frames itself (see "Components that run whole frames"). */
  readonly hostsAllSteps?: boolean;
  startMeasurement(now: number): void;
  stats(now: number): StationStats;
}

/** How a request failed, from the client's view: 503, TCP RST, or no answer in time. */
export type FailureReason = "rejected" | "reset" | "timeout";

/** What the engine offers components to hand requests back. */
export interface RequestFlow {
  /** True while the measured part of the run is going on. */
  readonly measuring: boolean;
  done(request: Request): void;
  reject(request: Request, reason?: FailureReason): void;
  /** Makes `host` run `steps` for the request before it returns to its current steps. */
  enter(request: Request, host: Component, steps: CompiledStep[]): void;
}

/** Everything a component is built with. */
export interface ComponentContext {
  readonly sim: Simulation;
  /** The component's own random stream (named after it, so others' draws do not shift). */
  readonly rng: Rng;
  readonly flow: RequestFlow;
  /** The run's components by name (complete once the run starts), for components that forward to another by name (a pool's target). */
  readonly components?: ReadonlyMap<string, Component>;
}
