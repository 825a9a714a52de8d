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
  protected readonly inSystem = new TimeWeighted();
  /** Requests waiting (not in service). */
  protected readonly waiting = new TimeWeighted();
  /** Servers busy (a fraction each under processor sharing is not modelled: a server is busy or idle). */
  protected readonly busy = new TimeWeighted();
  private served = 0;
  private rejected = 0;

  constructor(name: string, context: ComponentContext, servers: number, capacity: number | undefined) {
    this.name = name;
    this.context = context;
    this.servers = servers;
    this.capacity = capacity ?? Number.POSITIVE_INFINITY;
  }

  arrive(request: Request, step: CompiledStep): void {
    const now = this.context.sim.now;
    if (this.inSystem.value >= this.capacity) {
      if (this.context.flow.measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    request.work = step.duration.sample(this.context.rng);
    this.inSystem.add(now, 1);
    this.admit(request, now);
  }

  abstract onEvent(kind: number, payload: unknown): void;

  /** Starts serving the request or makes it wait; its work is in `request.work`. */
  protected abstract admit(request: Request, now: number): void;

  /** A subclass calls this when it has finished serving `request`: it leaves the station. */
  protected depart(request: Request, now: number): void {
    this.inSystem.add(now, -1);
    if (this.context.flow.measuring) this.served++;
    this.context.flow.done(request);
  }

  /** Marks the start of a wait in the line. */
  protected startWaiting(request: Request, now: number): void {
    request.enqueuedAt = now;
    request.waited = true;
    this.waiting.add(now, 1);
  }

  /** Marks the end of a wait: the request goes into service. */
  protected stopWaiting(request: Request, now: number): void {
    request.wait += now - request.enqueuedAt;
    this.waiting.add(now, -1);
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
