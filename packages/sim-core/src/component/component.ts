/**
 * The contract between the engine and everything a request can visit. Read this before adding a
 * component kind (component-kind.ts says how a kind plugs in).
 *
 * A request runs frames of steps. The client's first frame is a call to the scenario's entry
 * carrying the class's steps; a `call` step visits another component. A call reaches its target
 * in one of two ways:
 *  - a component that routes calls (`routesCalls`: pools, balancers, caches) gets the call step in
 *    `arrive` whatever it carries, and decides: serve it itself, `forward` it to another component,
 *    or `reject` it;
 *  - any other component serves a call carrying a `hold` in `arrive` (a station), and hosts a call
 *    carrying `steps`: the engine enters a frame there, calls `begin` if the component has one (a
 *    server passes its accept queue first, then calls `done`), and hands it each step whose bit is
 *    in `hosts` (`service` at a station, `cpu` and `io` on a server). The engine runs the other
 *    steps itself: `io` as a plain wait, `call` by delivering it.
 * Each `arrive` and `begin` ends with exactly one `flow.done` or `flow.reject`. After that the
 * component must not touch the request again unless it hosts the frame: then `leave` is called
 * when the frame ends — completed, rejected, or dropped after the client's timeout — with the
 * per-visit state the component kept in `request.visit` while the frame was current.
 *
 * Timeouts: when a request's timeout expires the client gives up — the request is counted failed
 * at once — but work already queued or in service is NOT withdrawn (a server does not learn that
 * its client left): it keeps its place until its visit ends; the engine then drops it without
 * running further steps. So components never need to remove a request early.
 *
 * Statistics: `startMeasurement(now)` is called once when warm-up ends (reset every counter and
 * time-weighted average to start at `now`); `context.flow.measuring` says whether events now fall
 * in the measured part; `stats(now)` is read once at the end.
 */
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { RequestFlow } from "./request-flow";

export interface Component<Stats extends object = object> {
  readonly name: string;
  /** Calls go to `arrive` whatever they carry: the component routes or serves them itself. */
  readonly routesCalls: boolean;
  /** The steps of frames it hosts that it runs itself: a mask of STEP_BIT values. */
  readonly hosts: number;
  arrive(request: Request, step: CompiledStep): void;
  /** A frame of steps begins here; end with `flow.done` (run them) or `flow.reject`. */
  begin?(request: Request): void;
  /** A frame it hosted has ended; `visit` is what it kept in `request.visit` for that frame. */
  leave?(request: Request, visit: unknown): void;
  startMeasurement(now: number): void;
  stats(now: number): Stats;
}

/** Everything a component is built with. */
export interface ComponentContext {
  readonly sim: Simulation;
  /** The component's own random stream (named after it, so others' draws do not shift). */
  readonly rng: Rng;
  /** Another stream of the component's own, for draws that must not shift `rng`'s (its outages). */
  readonly stream?: (purpose: string) => Rng;
  readonly flow: RequestFlow;
  /** The run's components by name: complete once the run starts, so look targets up lazily or in `begin`. */
  readonly components: ReadonlyMap<string, Component>;
  /**
   * The run's chart buckets at the start (their number, and the width of each in seconds), so a
   * component's own series bucket like the run's: the same merging makes them agree at the end.
   */
  readonly series?: { readonly buckets: number; readonly width: number };
}
