/**
 * The one base for things that queue. It owns what every queue shares — the capacity check
 * and rejection counting, the served counter, and the time-weighted number in the station,
 * waiting, and in service — and checks those invariants in one place. A subclass supplies
 * only its decision: `admit` (start service or wait) and its own events.
 */

import type { EventHandler } from "../kernel/event-handler";
import type { StationStats } from "../result/model";
import type { Component, ComponentContext } from "../run/component";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";

export abstract class QueueingStation implements Component, EventHandler {
  readonly name: string;
  // The context's members as fields: one load instead of two on every event.
  protected readonly sim: ComponentContext["sim"];
  protected readonly flow: ComponentContext["flow"];
  private readonly rng: ComponentContext["rng"];
  protected readonly servers: number;
  private readonly capacity: number;
  /**
   * Requests in the station, waiting and in service. Its time average is busy + waiting (every
   * request present is either in service or waiting), so only the count and its peak are kept.
   */
  private present = 0;
  private presentMax = 0;
  /** Requests waiting (not in service). */
  protected readonly waiting: TimeWeighted;
  /** Servers busy. */
  protected readonly busy: TimeWeighted;
  private served = 0;
  private rejected = 0;

  constructor(name: string, context: ComponentContext, servers: number, capacity: number | undefined) {
    this.name = name;
    this.sim = context.sim;
    this.flow = context.flow;
    this.rng = context.rng;
    this.servers = servers;
    this.capacity = capacity ?? Number.POSITIVE_INFINITY;
    this.waiting = new TimeWeighted(context.sim);
    this.busy = new TimeWeighted(context.sim);
  }

  arrive(request: Request, step: CompiledStep): void {
    if (this.present >= this.capacity) {
      if (this.flow.measuring) this.rejected++;
      this.flow.reject(request);
      return;
    }
    request.work = step.duration.sample(this.rng);
    if (++this.present > this.presentMax) this.presentMax = this.present;
    this.admit(request);
  }

  abstract onEvent(kind: number, payload: unknown): void;

  // Hot-path methods take no time argument and read the clock instead: a double passed to a
  // call that is not inlined is boxed on the heap (see stats/time-weighted.ts).

  /** Starts serving the request or makes it wait; its work is in `request.work`. */
  protected abstract admit(request: Request): void;

  /** A subclass calls this when it has finished serving `request`: it leaves the station. */
  protected depart(request: Request): void {
    this.present--;
    if (this.flow.measuring) this.served++;
    this.flow.done(request);
  }

  /** Marks the start of a wait in the line. */
  protected startWaiting(request: Request): void {
    request.enqueuedAt = this.sim.now;
    request.waited = true;
    this.waiting.add(1);
  }

  /** Marks the end of a wait: the request goes into service. */
  protected stopWaiting(request: Request): void {
    request.wait += this.sim.now - request.enqueuedAt;
    this.waiting.add(-1);
  }

  startMeasurement(now: number): void {
    this.presentMax = this.present;
    this.waiting.reset(now);
    this.busy.reset(now);
    this.served = 0;
    this.rejected = 0;
  }

  stats(now: number): StationStats {
    return {
      utilization: this.busy.mean(now) / this.servers,
      queueLength: { mean: this.waiting.mean(now), max: this.waiting.max },
      inSystem: { mean: this.busy.mean(now) + this.waiting.mean(now), max: this.presentMax },
      served: this.served,
      rejected: this.rejected,
    };
  }
}
