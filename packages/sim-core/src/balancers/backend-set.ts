/**
 * The backends a balancer sends to, as the algorithms see them (Envoy's host set): their weights,
 * the requests this balancer has in flight at each, and which ones are usable now, packed into
 * `list` so that a chooser scans only those. Health checks and ejection change what is usable;
 * below the panic threshold every backend is (Envoy's panic mode: better to try a failing host
 * than to fail everything). Slow start ramps a returning backend's weight up linearly.
 */
import type { Component } from "../component/component";
import type { Clock } from "../kernel/clock";

// Envoy's slow start starts a host at 10% of its weight (min_weight_percent), not at zero.
const SLOW_START_FLOOR = 0.1;

export class BackendSet {
  readonly count: number;
  /** Each backend's configured weight (1 unless given). */
  readonly weights: Float64Array;
  /** All weights equal: weighted choosers may take the plain path. */
  readonly uniform: boolean;
  /** Requests this balancer has sent to each backend that have not come back (its own view). */
  readonly inFlight: Float64Array;
  /** Sum of inFlight. */
  totalInFlight = 0;
  /** Usable backends' indices: the first `size` entries. */
  readonly list: Int32Array;
  size: number;
  /** Bumped whenever `list` changes. */
  generation = 0;
  /** 1 where health checks and ejection allow the backend. */
  readonly healthy: Uint8Array;
  healthyCount: number;
  /** Fewer healthy than this share of all sends to all (panic mode). */
  panic = false;
  /** Resolved when the run starts: every component exists by then. */
  components: Component[] = [];
  private readonly since: Float64Array;

  constructor(
    readonly names: readonly string[],
    weights: readonly number[],
    private readonly panicThreshold: number,
    private readonly slowStart: number,
    private readonly clock: Clock,
  ) {
    this.count = names.length;
    this.weights = Float64Array.from(weights);
    this.uniform = weights.every((w) => w === weights[0]);
    this.inFlight = new Float64Array(this.count);
    this.list = new Int32Array(this.count);
    this.healthy = new Uint8Array(this.count).fill(1);
    this.healthyCount = this.count;
    this.size = this.count;
    this.since = new Float64Array(this.count).fill(Number.NEGATIVE_INFINITY);
    for (let i = 0; i < this.count; i++) this.list[i] = i;
  }

  /** Whether the backend may be chosen now (healthy, or every backend in panic mode). */
  usable(backend: number): boolean {
    return this.panic || this.healthy[backend] === 1;
  }

  /** The weight a chooser should use now: the configured one, ramped during slow start. */
  weight(backend: number): number {
    const w = this.weights[backend]!;
    if (this.slowStart <= 0) return w;
    const ramp = (this.clock.now - this.since[backend]!) / this.slowStart;
    return ramp >= 1 ? w : w * Math.max(SLOW_START_FLOOR, ramp);
  }

  /** Health checks or ejection allow (`up`) or forbid a backend from now on. */
  setHealthy(backend: number, up: boolean): void {
    if ((this.healthy[backend] === 1) === up) return;
    this.healthy[backend] = up ? 1 : 0;
    this.healthyCount += up ? 1 : -1;
    if (up) this.since[backend] = this.clock.now;
    this.rebuild();
  }

  private rebuild(): void {
    this.panic = this.healthyCount < (this.panicThreshold / 100) * this.count;
    let size = 0;
    for (let i = 0; i < this.count; i++) if (this.panic || this.healthy[i] === 1) this.list[size++] = i;
    this.size = size;
    this.generation++;
  }
}
