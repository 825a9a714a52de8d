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
  protected readonly context: ComponentContext;
  protected readonly servers: number;
  private readonly capacity: number;
  /** Requests in the station, waiting and in service. */
  protected readonly inSystem: TimeWeighted;
  /** Requests waiting (not in service). */
  protected readonly waiting: TimeWeighted;
  /** Servers busy. */
  protected readonly busy: TimeWeighted;
  private served = 0;
  private rejected = 0;

  constructor(name: string, context: ComponentContext, servers: number, capacity: number | undefined) {
    this.name = name;
    this.context = context;
    this.servers = servers;
    this.capacity = capacity ?? Number.POSITIVE_INFINITY;
    this.inSystem = new TimeWeighted(context.sim);
    this.waiting = new TimeWeighted(context.sim);
    this.busy = new TimeWeighted(context.sim);
  }

  arrive(request: Request, step: CompiledStep): void {
    if (this.inSystem.value >= this.capacity) {
      if (this.context.flow.measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    request.work = step.duration.sample(this.context.rng);
    this.inSystem.add(1);
    this.admit(request);
  }

  abstract onEvent(kind: number, payload: unknown): void;

  // Hot-path methods take no time argument and read the clock instead: a double passed to a
  // call that is not inlined is boxed on the heap (see stats/time-weighted.ts).

  /** Starts serving the request or makes it wait; its work is in `request.work`. */
  protected abstract admit(request: Request): void;

  /** A subclass calls this when it has finished serving `request`: it leaves the station. */
  protected depart(request: Request): void {
    this.inSystem.add(-1);
    if (this.context.flow.measuring) this.served++;
    this.context.flow.done(request);
  }

  /** Marks the start of a wait in the line. */
  protected startWaiting(request: Request): void {
    request.enqueuedAt = this.context.sim.now;
    request.waited = true;
    this.waiting.add(1);
  }

  /** Marks the end of a wait: the request goes into service. */
  protected stopWaiting(request: Request): void {
    request.wait += this.context.sim.now - request.enqueuedAt;
    this.waiting.add(-1);
  }

  startMeasurement(now: number): void {
    this.inSystem.reset(now);
    this.waiting.reset(now);
    this.busy.reset(now);
    this.served = 0;
    this.rejected = 0;
  }

  stats(now: number): StationStats {
    return {
      utilization: this.busy.mean(now) / this.servers,
      queueLength: { mean: this.waiting.mean(now), max: this.waiting.max },
      inSystem: { mean: this.inSystem.mean(now), max: this.inSystem.max },
      served: this.served,
      rejected: this.rejected,
    };
  }
}
