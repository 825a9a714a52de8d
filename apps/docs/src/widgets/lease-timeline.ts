// A lock with a lease under process pauses: three clients take one lock to work and write, and pause
// for 1 to 20 s now and then. A timeline of each client around the first lease that expires under a
// paused holder (when it holds the lease, when it is paused, when it writes and whether the write
// lands or is fenced off), beside the unsafe writes for each lease length, with and without fencing.
import type { LockServiceStats, Result, StorageStats } from "@syslab/sim-core";
import example from "../../../../examples/coordination/lease-shorter-than-pause.json";
import { formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { ChartSeries, Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example & { components: { store: { type: string; fencing?: boolean } } };

/** Lease lengths (seconds) for the control and the sweep: around the longest pause, 20 s. */
export const TTLS = [2, 5, 10, 15, 20, 30];
export const LONGEST_PAUSE = 20;
/** Seconds of timeline shown each side of the first expiry. */
const WINDOW_BEFORE = 15;
const WINDOW_AFTER = 35;
/** Spacing of the dots that draw a span (a lease held, a pause) on the timeline. */
const DOT = 0.25;
const TIMELINE_EVENTS = 20_000;

function scenarioAt(ttl: number, fencing: boolean): Scenario {
  const scenario: Scenario = structuredClone(example);
  scenario.name = `A ${ttl} s lease, holders pausing for 1 to 20 s, fencing ${fencing ? "on" : "off"}`;
  const locks = scenario.components.locks as Scenario["components"]["locks"] & { timeline?: number };
  locks.ttl = `${ttl}s`;
  locks.timeline = TIMELINE_EVENTS;
  scenario.components.store.fencing = fencing;
  return scenario;
}

const lockStats = (result: Result) => result.components.locks as LockServiceStats & { type: string };
const storeStats = (result: Result) => result.components.store as StorageStats & { type: string };

/** Dots every DOT seconds from `from` to `to`, at height `y`. */
function span(from: number, to: number, y: number): [number, number][] {
  const dots: [number, number][] = [];
  for (let t = from; t < to; t += DOT) dots.push([t, y]);
  dots.push([to, y]);
  return dots;
}

interface Window {
  from: number;
  to: number;
}

function timeline(result: Result, window: Window) {
  const events = lockStats(result).timeline ?? [];
  const lane = (client: number) => client + 1;
  const held: [number, number][] = [];
  const believed: [number, number][] = [];
  const paused: [number, number][] = [];
  const writes: Record<string, [number, number][]> = { safe: [], unsafe: [], fenced: [] };
  const grants = new Map<number, { at: number; client: number }>();
  const expiries = new Map<number, number>();
  const pauses = new Map<number, number>();
  const clip = (t: number) => Math.min(Math.max(t, window.from), window.to);
  for (const e of events) {
    if (e.at > window.to + 60) break;
    const y = lane(e.client);
    switch (e.event) {
      case "grant":
        grants.set(e.token, { at: e.at, client: e.client });
        break;
      case "release":
      case "expire": {
        const grant = grants.get(e.token);
        if (grant && e.at >= window.from && grant.at <= window.to)
          held.push(...span(clip(grant.at), clip(e.at), y + 0.15));
        if (e.event === "expire") expiries.set(e.token, e.at);
        break;
      }
      case "stale-release": {
        const expired = expiries.get(e.token);
        if (expired !== undefined && e.at >= window.from && expired <= window.to)
          believed.push(...span(clip(expired), clip(e.at), y + 0.15));
        break;
      }
      case "pause":
        pauses.set(e.token, e.at);
        break;
      case "wake": {
        const start = pauses.get(e.token);
        if (start !== undefined && e.at >= window.from && start <= window.to)
          paused.push(...span(clip(start), clip(e.at), y));
        break;
      }
      default:
        if (e.at < window.from || e.at > window.to) break;
        if (e.event === "unsafe-write") writes.unsafe!.push([e.at, y - 0.15]);
        else if (e.event === "fenced") writes.fenced!.push([e.at, y - 0.15]);
        else writes.safe!.push([e.at, y - 0.15]);
    }
  }
  return { held, believed, paused, writes };
}

/** The first expiry of a lease under a paused holder, or the start of the run when none expires. */
function windowOf(result: Result): Window {
  const events = lockStats(result).timeline ?? [];
  const first = events.find((e) => e.event === "expire");
  const centre = first?.at ?? WINDOW_BEFORE;
  return { from: Math.max(centre - WINDOW_BEFORE, 0), to: centre + WINDOW_AFTER };
}

function compute(params: Params): WidgetView {
  const ttl = Number(params.ttl);
  const fencing = params.fencing === "on";
  const focus = scenarioAt(ttl, fencing);
  const result = cachedSimulate(focus);
  const locks = lockStats(result);
  const store = storeStats(result);
  const window = windowOf(result);
  const line = timeline(result, window);
  const sweep = TTLS.map((t) => ({
    ttl: t,
    open: storeStats(cachedSimulate(scenarioAt(t, false))),
    fenced: storeStats(cachedSimulate(scenarioAt(t, true))),
  }));
  const hours = result.simulated.time / 3600;
  const dots = (name: string, points: [number, number][], emphasis = false): ChartSeries => ({
    name,
    style: "points",
    points,
    emphasis,
  });
  const timelineSeries: ChartSeries[] = [
    dots("Holds the lease (the service's view)", line.held),
    dots("Lease expired, holder still believes it holds the lock", line.believed),
    dots("Paused (GC, stall)", line.paused),
    dots("Write", line.writes.safe!),
    dots("Unsafe write (after the new holder's)", line.writes.unsafe!, true),
    dots("Write refused by fencing", line.writes.fenced!),
  ].filter((s) => s.points.length > 0);
  const expiredText =
    locks.expired === 0
      ? `no lease expires: every pause ends within the ${ttl} s lease, and the holder renews it on waking`
      : `${locks.expired} leases expire under a paused holder, which wakes and writes as though it still held the lock`;
  const outcome = fencing
    ? `the storage refuses ${store.fencedRejections} writes whose token is below one it has accepted, and ${store.unsafeWrites} unsafe writes get through`
    : `${store.unsafeWrites} of those writes land after the new holder's (unsafe), since the storage checks no tokens`;
  const summary =
    `Three clients, one lock with a ${ttl} s lease, pauses of 1 to ${LONGEST_PAUSE} s: in ${formatNumber(hours, 0)} hour of simulated time ${expiredText}; ${outcome}. ` +
    `Without fencing a lease shorter than the longest pause gives unsafe writes (${sweep.find((s) => s.ttl === 10)!.open.unsafeWrites} at 10 s, ${sweep.find((s) => s.ttl === 30)!.open.unsafeWrites} at 30 s); with fencing none.`;

  return {
    chart: {
      title: `Timeline of the three clients around the first expired lease (${ttl} s lease)`,
      summary,
      xLabel: "Time (s)",
      yLabel: "Client",
      series: timelineSeries,
    },
    table: {
      caption: `Lease events from ${formatNumber(window.from, 1)} s to ${formatNumber(window.to, 1)} s`,
      columns: ["Time (s)", "Client", "Event", "Fencing token"],
      rows: (locks.timeline ?? [])
        .filter((e) => e.at >= window.from && e.at <= window.to)
        .map((e) => [formatNumber(e.at, 2), String(e.client + 1), e.event, String(e.token)]),
    },
    extraFigures: [
      {
        chart: {
          title: "Unsafe writes per hour against the lease length (pauses up to 20 s)",
          summary: `Unsafe writes fall to ${sweep.find((s) => s.ttl === 30)!.open.unsafeWrites} once the lease outlasts the longest pause (${LONGEST_PAUSE} s); with fencing tokens they are 0 at every length, the same writes refused instead.`,
          xLabel: "Lease (s)",
          yLabel: "Writes per hour",
          series: [
            {
              name: "Unsafe writes, no fencing",
              style: "line",
              emphasis: !fencing,
              points: sweep.map((s): [number, number] => [s.ttl, s.open.unsafeWrites]),
            },
            {
              name: "Unsafe writes, fencing",
              style: "line",
              emphasis: fencing,
              points: sweep.map((s): [number, number] => [s.ttl, s.fenced.unsafeWrites]),
            },
            {
              name: "Refused by fencing",
              style: "points",
              points: sweep.map((s): [number, number] => [s.ttl, s.fenced.fencedRejections]),
            },
            {
              name: "This run",
              style: "points",
              points: [[ttl, fencing ? store.fencedRejections : store.unsafeWrites]],
            },
          ],
        },
        table: {
          caption: "Writes in one hour by lease length",
          columns: [
            "Lease (s)",
            "Stale writes",
            "Unsafe, no fencing",
            "Unsafe, fencing",
            "Refused by fencing",
          ],
          rows: sweep.map((s) => [
            String(s.ttl),
            String(s.open.staleWrites),
            String(s.open.unsafeWrites),
            String(s.fenced.unsafeWrites),
            String(s.fenced.fencedRejections),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "unsafe-writes",
        label: "Unsafe writes",
        value: store.unsafeWrites,
        text: String(store.unsafeWrites),
        field: "components.store.unsafeWrites",
      },
      {
        id: "fenced",
        label: "Refused by fencing",
        value: store.fencedRejections,
        text: String(store.fencedRejections),
        field: "components.store.fencedRejections",
      },
      {
        id: "stale-writes",
        label: "Writes by a holder whose lease had expired",
        value: store.staleWrites,
        text: String(store.staleWrites),
        field: "components.store.staleWrites",
      },
      {
        id: "expired",
        label: "Leases expired under a paused holder",
        value: locks.expired,
        text: String(locks.expired),
        field: "components.locks.expired",
      },
      {
        id: "pauses",
        label: "Holder pauses",
        value: locks.pauses,
        text: String(locks.pauses),
        field: "components.locks.pauses",
      },
      {
        id: "grants",
        label: "Locks granted (fencing tokens issued)",
        value: locks.grants,
        text: String(locks.grants),
        field: "components.locks.grants",
      },
    ],
    scenario: focus,
  };
}

export const leaseTimeline: WidgetModel = {
  name: "lease-timeline",
  defaults: { ttl: 10, fencing: "off" },
  compute,
};
