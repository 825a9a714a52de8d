/**
 * A limiter in front of a component: each call is passed, held back, or refused with HTTP 429
 * (failing as `limited`) by its algorithm, from one state for all requests or one per key or
 * client. A passed call is forwarded to the target; a concurrency limit gets its permit back
 * when the call's visit ends.
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { ConcurrencyLimit } from "./concurrency-limit";
import { LeakyBucket } from "./leaky-bucket";
import { type LimitRule, LimitState } from "./limit-rule";
import type { LimiterComponent } from "./limiter-schema";
import type { LimiterStats } from "./limiter-stats";
import { SlidingWindow } from "./sliding-window";
import { TokenBucket } from "./token-bucket";

const PASS = 0;

function ruleFor(spec: LimiterComponent): LimitRule {
  switch (spec.algorithm) {
    case "token-bucket":
      return new TokenBucket(spec.rate, spec.burst);
    case "leaky-bucket":
      return new LeakyBucket(spec.rate, spec.burst, spec.nodelay);
    case "sliding-window":
      return new SlidingWindow(spec.limit, spec.window);
    case "concurrency":
      return new ConcurrencyLimit(spec.limit);
  }
}

export class Limiter implements Component<LimiterStats>, EventHandler {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly rule: LimitRule;
  private readonly global = new LimitState();
  /** One state per key or client, made the first time each is seen. */
  private readonly states = new Map<number, LimitState>();
  private target: Component | null | undefined;
  private readonly held: TimeWeighted;
  private readonly inFlight: TimeWeighted;
  private served = 0;
  private limited = 0;
  private delayed = 0;

  constructor(
    readonly name: string,
    private readonly spec: LimiterComponent,
    private readonly context: ComponentContext,
  ) {
    this.rule = ruleFor(spec);
    this.rule.fresh(this.global, 0);
    this.held = new TimeWeighted(context.sim);
    this.inFlight = new TimeWeighted(context.sim);
  }

  arrive(request: Request, call: CompiledStep): void {
    const state = this.stateOf(request);
    const verdict = this.rule.admit(state, this.context.sim.now);
    if (verdict < 0) {
      if (this.context.flow.measuring) this.limited++;
      this.context.flow.reject(request, "limited");
      return;
    }
    if (verdict === 0) {
      this.pass(request, call, state);
      return;
    }
    if (this.context.flow.measuring) this.delayed++;
    request.wait += verdict;
    request.waited = true;
    this.held.add(1);
    this.context.sim.schedule(verdict, this, PASS, request);
  }

  onEvent(_kind: number, payload: unknown): void {
    // PASS: a held-back request's turn has come.
    const request = payload as Request;
    this.held.add(-1);
    this.pass(request, request.call!, this.stateOf(request));
  }

  leave(request: Request, visit: unknown): void {
    this.inFlight.add(-1);
    this.rule.release?.(visit as LimitState);
    if (this.context.flow.measuring && request.rejectedWith === null) this.served++;
  }

  startMeasurement(now: number): void {
    this.held.reset(now);
    this.inFlight.reset(now);
    this.served = 0;
    this.limited = 0;
    this.delayed = 0;
  }

  stats(now: number): LimiterStats {
    const held = this.held.mean(now);
    const inFlight = this.inFlight.mean(now);
    return {
      utilization: this.spec.algorithm === "concurrency" ? round(inFlight / this.spec.limit) : 0,
      queueLength: { mean: round(held), max: this.held.max },
      inSystem: { mean: round(held + inFlight), max: Math.max(this.held.max, this.inFlight.max) },
      served: this.served,
      rejected: this.limited,
      limited: this.limited,
      delayed: this.delayed,
    };
  }

  private stateOf(request: Request): LimitState {
    if (this.spec.per === "global") return this.global;
    const id = this.spec.per === "key" ? request.key : request.client >= 0 ? request.client : request.user;
    let state = this.states.get(id);
    if (state === undefined) {
      state = new LimitState();
      this.rule.fresh(state, this.context.sim.now);
      this.states.set(id, state);
    }
    return state;
  }

  private pass(request: Request, call: CompiledStep, state: LimitState): void {
    // Resolved at the first call: every component of the run exists by then.
    if (this.target === undefined) {
      this.target =
        this.spec.target === undefined ? null : (this.context.components.get(this.spec.target) ?? null);
    }
    if (this.target === null) {
      this.rule.release?.(state);
      this.context.flow.done(request);
      return;
    }
    this.inFlight.add(1);
    this.context.flow.forward(request, this, this.target, call, state);
  }
}
