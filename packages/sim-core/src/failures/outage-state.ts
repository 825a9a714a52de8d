/**
 * Whether a component is down now, driven by its outages: each scheduled outage starts and ends
 * at its times; each random one alternates exponential up and down periods. Overlapping outages
 * keep the component down until the last of them ends. Others (a balancer's health view) may
 * listen for the changes.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { OutageMode, OutageSpec } from "./outage-schema";

/** Told each time the component goes down or comes back. */
export interface OutageListener {
  onOutageChange(down: boolean): void;
}

// Event kinds carry the outage's index: kind = index * 2 + (0 start, 1 end).
const START = 0;
const END = 1;

export class OutageState implements EventHandler {
  /** Outages in progress (they may overlap). */
  private active = 0;
  /** How the latest outage to start answers, while down. */
  mode: OutageMode = "refuse";
  private readonly listeners: OutageListener[] = [];
  private downSince = 0;
  private downtime = 0;
  private measuredFrom = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    private readonly outages: readonly OutageSpec[],
  ) {
    outages.forEach((outage, i) => {
      if (outage.kind === "scheduled") this.sim.scheduleAt(outage.at, this, i * 2 + START, null);
      else this.sim.schedule(this.exp(outage.mtbf), this, i * 2 + START, null);
    });
  }

  get down(): boolean {
    return this.active > 0;
  }

  listen(listener: OutageListener): void {
    this.listeners.push(listener);
  }

  onEvent(kind: number, _payload: unknown): void {
    const outage = this.outages[kind >> 1]!;
    const wasDown = this.active > 0;
    if ((kind & 1) === START) {
      this.active++;
      this.mode = outage.mode;
      const length = outage.kind === "scheduled" ? outage.for : this.exp(outage.mttr);
      this.sim.schedule(length, this, kind | END, null);
    } else {
      this.active--;
      if (outage.kind === "random") this.sim.schedule(this.exp(outage.mtbf), this, kind & ~1, null);
    }
    const isDown = this.active > 0;
    if (isDown === wasDown) return;
    const now = this.sim.now;
    if (isDown) this.downSince = now;
    else this.downtime += now - Math.max(this.downSince, this.measuredFrom);
    for (const listener of this.listeners) listener.onOutageChange(isDown);
  }

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.downtime = 0;
  }

  /** Seconds down within the measured part, up to `now`. */
  downtimeUntil(now: number): number {
    return this.downtime + (this.active > 0 ? now - Math.max(this.downSince, this.measuredFrom) : 0);
  }

  private exp(mean: number): number {
    return -mean * Math.log(1 - this.rng.nextDouble());
  }
}
