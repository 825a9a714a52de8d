/**
 * The one base for things that queue: a waiting line with a discipline (FIFO, LIFO, priority,
 * deadline), a capacity, reneging (a waiter leaves when its patience runs out) and the
 * statistics every queue reports — the time-weighted length, and joins, departures, waits,
 * reneges and refusals counted only while the run is measuring. Stations, pools, a thread
 * pool's queue and the kernel's accept queue each own one and supply only their decisions:
 * when to join, when to take the next waiter, and what a refused or reneging waiter means.
 *
 * A waiter's time in the line is added to `request.wait` when it leaves (served or reneged).
 *
 * Speed: a line that nobody leaves early holds the requests themselves (the stations' hot path);
 * one built with a renege handler holds recycled entries, so a reneging waiter's place can stay
 * behind, dead, until the discipline reaches it.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import { TimeWeighted } from "../stats/time-weighted";
import type { Request } from "../workload/request";
import { createOrder, type Discipline } from "./disciplines/discipline";
import type { LineOrder } from "./disciplines/line-order";
import { LineEntry } from "./line-entry";

/** Whether the run is in its measured part (the engine's request flow answers this). */
export interface MeasuringFlag {
  readonly measuring: boolean;
}

/** Told when a waiter's patience ran out and it left the line. */
export interface RenegeHandler {
  onRenege(request: Request): void;
}

export class WaitingLine implements EventHandler {
  /** Waiters in the line now, time-weighted; reset when measuring starts. */
  readonly length: TimeWeighted;
  /** Counted while measuring: waiters that joined, left for service, reneged, or were refused because the line was full. */
  joined = 0;
  served = 0;
  reneged = 0;
  rejected = 0;
  /** Total time in the line of the waiters that left it (served or reneged) while measuring. */
  waitSum = 0;
  /** The requests themselves, in a line nobody leaves early; else null. */
  private readonly requests: LineOrder<Request> | null;
  /** Entries, in a line whose waiters may renege; else null. */
  private readonly entries: LineOrder<LineEntry> | null;
  private readonly free: LineEntry[] = [];
  private live = 0;
  private nextTicket = 0;

  constructor(
    private readonly sim: Simulation,
    discipline: Discipline,
    private readonly flag: MeasuringFlag,
    /** The most waiters at once; one more is refused. */
    readonly capacity: number = Number.POSITIVE_INFINITY,
    /** Given for a line whose waiters may renege: it hears of each that does. */
    private readonly renegeHandler: RenegeHandler | null = null,
  ) {
    this.requests = renegeHandler === null ? createOrder<Request>(discipline) : null;
    this.entries = renegeHandler === null ? null : createOrder<LineEntry>(discipline);
    this.length = new TimeWeighted(sim);
  }

  /** Waiters in the line. */
  get size(): number {
    return this.live;
  }

  /**
   * Puts the request in the line, or returns false (counting a refusal) when the line is full.
   * With a finite `patience` (only in a line built with a renege handler) the waiter reneges
   * after that long unless served first.
   */
  join(request: Request, patience = Number.POSITIVE_INFINITY): boolean {
    if (this.live >= this.capacity) {
      if (this.flag.measuring) this.rejected++;
      return false;
    }
    const now = this.sim.now;
    if (this.requests !== null) {
      request.ticket = this.nextTicket++;
      request.joinedAt = now;
      this.requests.push(request);
    } else {
      const entry = this.free.pop() ?? new LineEntry();
      entry.request = request;
      entry.ticket = this.nextTicket++;
      entry.priority = request.priority;
      entry.deadline = request.deadline;
      entry.joinedAt = now;
      entry.live = true;
      this.entries!.push(entry);
      if (patience !== Number.POSITIVE_INFINITY) this.sim.schedule(patience, this, entry.generation, entry);
    }
    request.waited = true;
    this.live++;
    this.length.add(1);
    if (this.flag.measuring) this.joined++;
    return true;
  }

  /** Removes the next waiter by the discipline and returns it, or null when the line is empty. */
  take(): Request | null {
    const requests = this.requests;
    if (requests !== null) {
      if (requests.size === 0) return null;
      const request = requests.pop();
      this.leaveServed(request, request.joinedAt);
      return request;
    }
    const entries = this.entries!;
    while (entries.size > 0) {
      const entry = entries.pop();
      const request = entry.request;
      const live = entry.live;
      const joinedAt = entry.joinedAt;
      this.recycle(entry);
      if (!live) continue; // it reneged earlier: its place was kept only until now
      this.leaveServed(request!, joinedAt);
      return request;
    }
    return null;
  }

  /** Starts the measured part: counters from zero, the length's average from `now`. */
  startMeasurement(now: number): void {
    this.length.reset(now);
    this.joined = 0;
    this.served = 0;
    this.reneged = 0;
    this.rejected = 0;
    this.waitSum = 0;
  }

  /** Mean time in the line of the waiters that left it while measuring. */
  get meanWait(): number {
    const left = this.served + this.reneged;
    return left > 0 ? this.waitSum / left : 0;
  }

  /** A renege timer: the event kind is the entry's generation when it was set. */
  onEvent(generation: number, payload: unknown): void {
    const entry = payload as LineEntry;
    if (entry.generation !== generation || !entry.live) return; // served first, or the entry was reused
    const request = entry.request!;
    entry.live = false;
    entry.request = null; // the dead entry stays in the order until reached; it must not keep the request
    this.depart(request, entry.joinedAt);
    if (this.flag.measuring) this.reneged++;
    this.renegeHandler!.onRenege(request);
  }

  private leaveServed(request: Request, joinedAt: number): void {
    this.depart(request, joinedAt);
    if (this.flag.measuring) this.served++;
  }

  private depart(request: Request, joinedAt: number): void {
    const waited = this.sim.now - joinedAt;
    request.wait += waited;
    this.live--;
    this.length.add(-1);
    if (this.flag.measuring) this.waitSum += waited;
  }

  private recycle(entry: LineEntry): void {
    entry.request = null;
    entry.live = false;
    entry.generation = (entry.generation + 1) | 0;
    this.free.push(entry);
  }
}
