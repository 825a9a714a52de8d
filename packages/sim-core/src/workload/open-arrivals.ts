/**
 * Open arrivals: requests come whatever the response time. Poisson and constant (evenly
 * spaced) processes with one rate or a piecewise-constant rate over simulated time, and
 * on/off bursts (Poisson during on-periods, silent during off-periods).
 *
 * Piecewise Poisson is exact: a candidate gap is drawn at the current rate; if it would cross
 * the next segment boundary, the process restarts at the boundary with the new rate, which
 * memorylessness allows. On/off does the same at the end of each on-period. Only one event is
 * pending at a time.
 */
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { Arrival } from "../scenario/model";
import type { ArrivalSink } from "./arrival-sink";

const ARRIVE = 0;
const BOUNDARY = 1; // a rate segment or an on/off period begins: draw afresh

export class OpenArrivals implements EventHandler {
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly sink: ArrivalSink;
  private readonly poisson: boolean;
  private readonly starts: Float64Array;
  private readonly rates: Float64Array;
  private segment = 0;
  private readonly on: Sampler | null;
  private readonly off: Sampler | null;
  private isOn = true;
  private periodEnd = Number.POSITIVE_INFINITY;
  /** One Poisson rate for ever: the common case skips the boundary bookkeeping. */
  private readonly steadyPoissonRate: number;

  constructor(sim: Simulation, rng: Rng, sink: ArrivalSink, arrival: Arrival) {
    this.sim = sim;
    this.rng = rng;
    this.sink = sink;
    this.poisson = arrival.process !== "constant";
    const segments = typeof arrival.rate === "number" ? [{ from: 0, rate: arrival.rate }] : arrival.rate;
    this.starts = Float64Array.from(segments, (s) => s.from);
    this.rates = Float64Array.from(segments, (s) => s.rate);
    if (arrival.process === "onoff") {
      this.on = compile(arrival.on);
      this.off = compile(arrival.off);
    } else {
      this.on = null;
      this.off = null;
    }
    this.steadyPoissonRate =
      arrival.process === "poisson" && this.starts.length === 1 && this.starts[0] === 0 ? this.rates[0]! : 0;
  }

  start(): void {
    if (this.on !== null) this.periodEnd = this.on.sample(this.rng);
    this.segment = 0;
    const first = this.starts[0]!;
    if (first > 0) this.sim.scheduleAt(first, this, BOUNDARY, null);
    else this.scheduleNext(0);
  }

  onEvent(kind: number, _payload: unknown): void {
    if (this.steadyPoissonRate > 0) {
      // Schedule the next arrival before handling this one: same draws, no boundary checks.
      this.sim.schedule(-Math.log(1 - this.rng.nextDouble()) / this.steadyPoissonRate, this, ARRIVE, null);
      this.sink.inject(-1);
      return;
    }
    const now = this.sim.now;
    if (kind === ARRIVE) this.sink.inject(-1);
    else if (this.on !== null && now >= this.periodEnd) this.togglePeriod(now);
    this.scheduleNext(now);
  }

  private togglePeriod(now: number): void {
    this.isOn = !this.isOn;
    this.periodEnd = now + (this.isOn ? this.on! : this.off!).sample(this.rng);
  }

  /** Schedules the next arrival after `now`, or the next boundary if that comes first. */
  private scheduleNext(now: number): void {
    while (this.segment + 1 < this.starts.length && this.starts[this.segment + 1]! <= now) this.segment++;
    const nextSegment =
      this.segment + 1 < this.starts.length ? this.starts[this.segment + 1]! : Number.POSITIVE_INFINITY;
    const boundary = Math.min(nextSegment, this.on !== null ? this.periodEnd : Number.POSITIVE_INFINITY);
    const rate = this.isOn ? this.rates[this.segment]! : 0;
    const gap =
      rate <= 0
        ? Number.POSITIVE_INFINITY
        : this.poisson
          ? -Math.log(1 - this.rng.nextDouble()) / rate
          : 1 / rate;
    if (now + gap < boundary) this.sim.schedule(gap, this, ARRIVE, null);
    else if (boundary !== Number.POSITIVE_INFINITY) this.sim.scheduleAt(boundary, this, BOUNDARY, null);
  }
}
