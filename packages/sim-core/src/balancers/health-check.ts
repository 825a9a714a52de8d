/**
 * Active health checks, HAProxy's model: every `interval` each backend is checked; `fall`
 * consecutive failures mark it down, `rise` consecutive passes mark it up. A check passes when the
 * backend is up; one to a refusing backend fails at once, one to a hung backend after `timeout`.
 * So a backend that dies keeps getting traffic for up to `fall` intervals. Checks of the
 * backends are spread over the interval (HAProxy starts the i-th of n at interval × i / n).
 */

import type { OutageState } from "../failures/outage-state";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { HealthCheckSpec } from "./balancer-schema";
import type { HealthBoard } from "./health-board";

// Event kinds carry the backend's index: kind = index * 2 + (0 a check is due, 1 a hung check fails).
const DUE = 0;
const HUNG = 1;

export class HealthCheck implements EventHandler {
  private readonly passes: Int32Array;
  private readonly fails: Int32Array;
  private readonly up: Uint8Array;
  private outages: readonly (OutageState | null)[] = [];

  constructor(
    private readonly spec: HealthCheckSpec,
    private readonly sim: Simulation,
    private readonly board: HealthBoard,
    count: number,
  ) {
    this.passes = new Int32Array(count);
    this.fails = new Int32Array(count);
    this.up = new Uint8Array(count).fill(1);
  }

  /** Starts checking, once the backends exist; `outages` says which can fail. */
  start(outages: readonly (OutageState | null)[]): void {
    this.outages = outages;
    const n = outages.length;
    for (let b = 0; b < n; b++) this.sim.schedule((this.spec.interval * b) / n, this, b * 2 + DUE, null);
  }

  onEvent(kind: number, _payload: unknown): void {
    const b = kind >> 1;
    if ((kind & 1) === HUNG) {
      this.result(b, false);
      return;
    }
    this.sim.schedule(this.spec.interval, this, kind, null);
    const outage = this.outages[b];
    if (outage === null || outage === undefined || !outage.down) this.result(b, true);
    else if (outage.mode === "hang") this.sim.schedule(this.spec.timeout, this, b * 2 + HUNG, null);
    else this.result(b, false);
  }

  private result(b: number, passed: boolean): void {
    if (passed) {
      this.fails[b] = 0;
      if (this.up[b] === 0 && ++this.passes[b]! >= this.spec.rise) {
        this.up[b] = 1;
        this.passes[b] = 0;
        this.board.checked(b, true);
      }
    } else {
      this.passes[b] = 0;
      if (this.up[b] === 1 && ++this.fails[b]! >= this.spec.fall) {
        this.up[b] = 0;
        this.fails[b] = 0;
        this.board.checked(b, false);
      }
    }
  }
}
