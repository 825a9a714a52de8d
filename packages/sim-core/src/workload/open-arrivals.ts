/**
 * Open arrivals: requests come whatever the response time. Poisson and constant (evenly
 * spaced) processes with one rate or a piecewise-constant rate over simulated time, and
 * on/off bursts (Poisson during on-periods, silent during off-periods).
 *
 * Piecewise Poisson is exact: a candidate gap is drawn at the current rate; if it would cross
 * the next segment boundary, the process restarts at the boundary with the new rate, which
 * memorylessness allows. On/off does the same at the end of each on-period. Only one event is
 * pending at a time.
 *
 * A Poisson rate shaped by a daily curve or flash crowds (workload/rate-shape.ts) is a
 * non-homogeneous Poisson process, drawn by thinning (P. A. W. Lewis and G. S. Shedler,
 * "Simulation of nonhomogeneous Poisson processes by thinning", Naval Research Logistics
 * Quarterly 26(3), 1979): candidates come at a piecewise-constant bound λ*(t) ≥ λ(t), and each is
 * kept with probability λ(t)/λ*(t).
 */
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { RateArrival } from "../scenario/model";
import type { ArrivalSink } from "./arrival-sink";
import { RateShape } from "./rate-shape";

const ARRIVE = 0; // an arrival, or with a shape a candidate that thinning may drop
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
  /** The daily curve and flash crowds over the rate, or null when the rate is as written. */
  private readonly shape: RateShape | null;
  /** With a shape: per rate piece, the shape's bound (`rates` then holds the bounding rate λ*). */
  private readonly bounds: Float64Array;

  constructor(sim: Simulation, rng: Rng, sink: ArrivalSink, arrival: RateArrival) {
    this.sim = sim;
    this.rng = rng;
    this.sink = sink;
    this.poisson = arrival.process !== "constant";
    const segments = typeof arrival.rate === "number" ? [{ from: 0, rate: arrival.rate }] : arrival.rate;
    const shaped =
      arrival.process === "poisson" && (arrival.diurnal !== undefined || arrival.flashCrowds !== undefined);
    this.shape = shaped ? new RateShape(arrival.diurnal, arrival.flashCrowds ?? []) : null;
    const starts = segments.map((s) => s.from);
    if (this.shape !== null) {
      // Cut the rate pieces at the crowds' window edges too, so that each piece has one bound.
      for (const edge of this.shape.edges()) if (!starts.includes(edge)) starts.push(edge);
      starts.sort((a, b) => a - b);
    }
    this.starts = Float64Array.from(starts);
    this.bounds = new Float64Array(starts.length).fill(1);
    this.rates = new Float64Array(starts.length);
    let segment = 0;
    for (let i = 0; i < starts.length; i++) {
      while (segment + 1 < segments.length && segments[segment + 1]!.from <= starts[i]!) segment++;
      if (this.shape !== null)
        this.bounds[i] = this.shape.bound(starts[i]!, starts[i + 1] ?? Number.POSITIVE_INFINITY);
      this.rates[i] = segments[segment]!.rate * this.bounds[i]!;
    }
    if (arrival.process === "onoff") {
      this.on = compile(arrival.on);
      this.off = compile(arrival.off);
    } else {
      this.on = null;
      this.off = null;
    }
    this.steadyPoissonRate =
      arrival.process === "poisson" && this.shape === null && this.starts.length === 1 && this.starts[0] === 0
        ? this.rates[0]!
        : 0;
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
    if (this.shape !== null) {
      this.onShapedEvent(kind, now, this.shape);
      return;
    }
    if (kind === ARRIVE) this.sink.inject(-1);
    else if (this.on !== null && now >= this.periodEnd) this.togglePeriod(now);
    this.scheduleNext(now);
  }

  /**
   * A candidate of the bounding process is kept with probability λ(t)/λ*(t). A bound met exactly
   * draws nothing, and the next candidate is scheduled before the kept one is sent (as the steady
   * path does), so a flat shape (peakFactor 1) gives plain Poisson's arrivals draw for draw.
   */
  private onShapedEvent(kind: number, now: number, shape: RateShape): void {
    let keep = false;
    if (kind === ARRIVE) {
      const ratio = shape.at(now) / this.bounds[this.segment]!;
      keep = ratio >= 1 || this.rng.nextDouble() < ratio;
    }
    this.scheduleNext(now);
    if (keep) this.sink.inject(-1);
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
