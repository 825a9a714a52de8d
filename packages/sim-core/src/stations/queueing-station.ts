/**
 * What every station shares: the capacity check and rejection counting (capacity counts those
 * in service too), the served counter, and the time-weighted number busy, waiting and present.
 * A subclass supplies only its decision: `admit` (start service or wait) and its own events.
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import { hostedSteps } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { StationStats } from "./station-stats";

const HOSTS = hostedSteps(["service"]);

export abstract class QueueingStation implements Component<StationStats>, EventHandler {
  readonly routesCalls = false;
  readonly hosts = HOSTS;
  // The context's members as fields: one load instead of two on every event.
  protected readonly sim: ComponentContext["sim"];
  protected readonly flow: ComponentContext["flow"];
  private readonly rng: ComponentContext["rng"];
  private readonly capacity: number;
  /**
   * Requests in the station, waiting and in service. Its time average is busy + waiting (every
   * request present is either in service or waiting), so only the count and its peak are kept.
   */
  private present = 0;
  private presentMax = 0;
  /** Servers busy. */
  protected readonly busy: TimeWeighted;
  private served = 0;
  private rejected = 0;

  constructor(
    readonly name: string,
    context: ComponentContext,
    protected readonly servers: number,
    capacity: number | undefined,
  ) {
    this.sim = context.sim;
    this.flow = context.flow;
    this.rng = context.rng;
    this.capacity = capacity ?? Number.POSITIVE_INFINITY;
    this.busy = new TimeWeighted(context.sim);
  }

  /** Requests waiting (not in service), time-weighted. */
  protected abstract get waiting(): TimeWeighted;

  arrive(request: Request, step: CompiledStep): void {
    if (this.present >= this.capacity) {
      if (this.flow.measuring) this.rejected++;
      this.flow.reject(request);
      return;
    }
    request.work = step.duration.sample(request.random);
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

  startMeasurement(now: number): void {
    this.presentMax = this.present;
    this.busy.reset(now);
    this.served = 0;
    this.rejected = 0;
  }

  stats(now: number): StationStats {
    const waiting = this.waiting;
    return {
      utilization: round(this.busy.mean(now) / this.servers),
      queueLength: { mean: round(waiting.mean(now)), max: waiting.max },
      inSystem: { mean: round(this.busy.mean(now) + waiting.mean(now)), max: this.presentMax },
      served: this.served,
      rejected: this.rejected,
    };
  }
}
