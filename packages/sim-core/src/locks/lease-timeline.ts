/** The first events of a lock service's measured part, kept when a scenario asks for them (for a timeline chart). */
import { round } from "../run/round";

export type LeaseEventKind =
  | "grant"
  | "pause"
  | "wake"
  | "expire"
  | "release"
  | "stale-release" // the holder ends its critical section after its lease expired
  | "write"
  | "stale-write"
  | "unsafe-write"
  | "fenced";

export interface LeaseEvent {
  /** Seconds since the start of the run. */
  at: number;
  event: LeaseEventKind;
  /** The fencing token of the lease the event is about. */
  token: number;
  /** The closed-workload user holding that lease (−1 for open arrivals). */
  client: number;
}

export class LeaseTimeline {
  readonly events: LeaseEvent[] = [];

  constructor(private readonly limit: number) {}

  record(at: number, event: LeaseEventKind, token: number, client: number): void {
    if (this.events.length < this.limit) this.events.push({ at: round(at), event, token, client });
  }

  clear(): void {
    this.events.length = 0;
  }
}
