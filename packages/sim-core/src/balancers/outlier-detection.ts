/**
 * Passive ejection (Envoy's outlier detection; NGINX's max_fails/fail_timeout is the same idea):
 * a backend whose requests fail `consecutiveFailures` times in a row is ejected for
 * `baseEjectionTime` × the number of times it has been ejected, unless `maxEjectionPercent` of the
 * backends are out already (one may always be, as Envoy allows). It learns only from real
 * traffic: no probe, so it reacts within a few requests on a busy balancer.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { OutlierDetectionSpec } from "./balancer-schema";
import type { HealthBoard } from "./health-board";

export class OutlierDetection implements EventHandler {
  private readonly consecutive: Int32Array;
  private readonly times: Int32Array;
  private readonly out: Uint8Array;
  private outCount = 0;
  private readonly maxOut: number;
  /** Ejections in the measured part, per backend. */
  readonly ejections: Float64Array;

  constructor(
    private readonly spec: OutlierDetectionSpec,
    private readonly sim: Simulation,
    private readonly board: HealthBoard,
    count: number,
  ) {
    this.consecutive = new Int32Array(count);
    this.times = new Int32Array(count);
    this.out = new Uint8Array(count);
    this.ejections = new Float64Array(count);
    const limit = Math.floor((spec.maxEjectionPercent / 100) * count);
    this.maxOut = spec.maxEjectionPercent > 0 ? Math.max(1, limit) : 0;
  }

  /** A request sent to backend `b` has come back, failed or not. */
  record(b: number, failed: boolean): void {
    if (!failed) {
      this.consecutive[b] = 0;
      return;
    }
    if (++this.consecutive[b]! < this.spec.consecutiveFailures || this.out[b] === 1) return;
    if (this.outCount >= this.maxOut) return;
    this.out[b] = 1;
    this.outCount++;
    this.times[b]!++;
    if (this.board.measuring) this.ejections[b]!++;
    this.board.ejected(b, true);
    this.sim.schedule(this.spec.baseEjectionTime * this.times[b]!, this, b, null);
  }

  onEvent(b: number, _payload: unknown): void {
    this.out[b] = 0;
    this.outCount--;
    this.consecutive[b] = 0;
    this.board.ejected(b, false);
  }

  startMeasurement(): void {
    this.ejections.fill(0);
  }
}
