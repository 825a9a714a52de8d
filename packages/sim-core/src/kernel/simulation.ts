/**
 * The simulation kernel: a clock and an event calendar, with a handful of verbs —
 * schedule, peek, step, run. Stations, servers and workloads are built on these verbs.
 *
 * There is no cancel: a component that changes its mind (processor sharing, timeouts)
 * keeps a token on its payload and ignores events whose token is stale, which is
 * cheaper than deleting from the middle of the heap.
 */
import { EventCalendar } from "./event-calendar";
import type { EventHandler } from "./event-handler";

export class Simulation {
  /** Current simulated time, in seconds. */
  now = 0;
  /** Events dispatched so far. */
  events = 0;
  private readonly calendar = new EventCalendar();

  get pending(): number {
    return this.calendar.pending;
  }

  /** Schedules `handler.onEvent(kind, payload)` after `delay` seconds (>= 0). */
  schedule(delay: number, handler: EventHandler, kind: number, payload: unknown = null): void {
    const calendar = this.calendar;
    calendar.pushTime = this.now + delay;
    calendar.pushNext(handler, kind, payload);
  }

  /** Schedules at an absolute time, which must not be in the past. */
  scheduleAt(time: number, handler: EventHandler, kind: number, payload: unknown = null): void {
    const calendar = this.calendar;
    calendar.pushTime = Math.max(time, this.now);
    calendar.pushNext(handler, kind, payload);
  }

  /** Time of the next event, or Infinity when nothing is pending. */
  peek(): number {
    return this.calendar.peekTime();
  }

  /** Dispatches the next event; false when nothing is pending. */
  step(): boolean {
    const calendar = this.calendar;
    if (calendar.pending === 0) return false;
    calendar.pop();
    this.now = calendar.poppedTime;
    this.events++;
    const payload = calendar.poppedPayload;
    calendar.poppedPayload = null; // the calendar keeps no reference to a finished request
    calendar.poppedHandler!.onEvent(calendar.poppedKind, payload);
    return true;
  }

  /** Runs until the next event would be after `until` (the clock then stands at `until`), or nothing is pending. */
  run(until = Number.POSITIVE_INFINITY): void {
    const calendar = this.calendar;
    // peekTime() is Infinity when nothing is pending, so test `pending` too: Infinity <= Infinity.
    while (calendar.pending > 0 && calendar.peekTime() <= until) this.step();
    if (until !== Number.POSITIVE_INFINITY && this.now < until) this.now = until;
  }
}
