/**
 * What the engine offers components to move requests on. A component ends every visit it is
 * given with exactly one of `done` or `reject`; in between it may `enter` a frame it hosts,
 * `forward` the visit to another component, or `spawn` child work.
 */
import type { MeasuringFlag } from "../queues/waiting-line";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { Component } from "./component";

/** How a request failed, from the client's view: 503, TCP RST, no answer in time, or 429 (a limiter refused it). */
export type FailureReason = "rejected" | "reset" | "timeout" | "limited";

/** How a spawned request ended, told to whoever spawned it. */
export type ChildOutcome = "completed" | FailureReason;

/** Whoever spawned a request learns its outcome here (once, when its client-side life ends). */
export interface ChildWatcher {
  onChildEnd(child: Request, outcome: ChildOutcome): void;
}

export interface RequestFlow extends MeasuringFlag {
  /** The visit (or step) ended well: the engine runs the request's next step. */
  done(request: Request): void;
  /** The component turned the request away; it fails with `reason` (default "rejected", HTTP 503). */
  reject(request: Request, reason?: FailureReason): void;
  /**
   * Makes `host` the host of `steps` for the request, in a new frame above its current one; when
   * they end, `host.leave` is called and the caller's steps go on. Call `done` to start them.
   */
  enter(request: Request, host: Component, steps: CompiledStep[]): void;
  /**
   * Hands the visit that brought the request here (`call`) to `to`, as if the caller had called
   * it: `to` serves the call's hold or hosts its steps; the forwarder runs none of them. When the
   * visit at `to` ends, `from.leave` is called (with the state `from` keeps for it) and the
   * caller's steps go on.
   */
  forward(request: Request, from: Component, to: Component, call: CompiledStep, visit?: unknown): void;
  /**
   * Starts child work that outlives the step that started it (a retried or hedged copy, a
   * published job, a fan-out branch): a new request correlated with `parent`, delivering `call`,
   * measured on its own. `watcher` learns how it ended; `timeout` bounds how long it is waited for.
   */
  spawn(parent: Request, call: CompiledStep, watcher: ChildWatcher, timeout?: number): Request;
}
