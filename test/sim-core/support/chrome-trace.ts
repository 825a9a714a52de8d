/**
 * The Chrome Trace Event rules a viewer relies on: matched async begin/end pairs, complete events
 * that never overlap on a track, and flow arrows whose start and finish match by id, in order, each
 * end inside a complete event of its own track.
 */
import type { ChromeTrace } from "@syslab/sim-core";
import { expect } from "vitest";

export function checkChromeTrace(trace: ChromeTrace): void {
  expect(Array.isArray(trace.traceEvents)).toBe(true);
  const open = new Map<string, number>();
  const tracks = new Map<string, { ts: number; end: number }[]>();
  const flows = new Map<string, { s: ChromeTrace["traceEvents"]; f: ChromeTrace["traceEvents"] }>();
  for (const event of trace.traceEvents) {
    expect(["b", "e", "X", "M", "s", "f"]).toContain(event.ph);
    expect(Number.isInteger(event.pid) && Number.isInteger(event.tid)).toBe(true);
    if (event.ph === "M") continue;
    expect(event.ts).toBeGreaterThanOrEqual(0);
    if (event.ph === "s" || event.ph === "f") {
      const key = `${event.cat}/${event.id}`;
      const flow = flows.get(key) ?? { s: [], f: [] };
      flow[event.ph].push(event);
      flows.set(key, flow);
    } else if (event.ph === "b") {
      const key = `${event.cat}/${event.name}/${event.id}`;
      expect(open.has(key), `async ${key} begun twice`).toBe(false);
      open.set(key, event.ts!);
    } else if (event.ph === "e") {
      const key = `${event.cat}/${event.name}/${event.id}`;
      expect(open.has(key), `async ${key} ended before it began`).toBe(true);
      expect(event.ts!).toBeGreaterThanOrEqual(open.get(key)!);
      open.delete(key);
    } else {
      expect(event.dur).toBeGreaterThanOrEqual(0);
      const key = `${event.pid}/${event.tid}`;
      const list = tracks.get(key) ?? [];
      list.push({ ts: event.ts!, end: event.ts! + event.dur! });
      tracks.set(key, list);
    }
  }
  expect([...open.keys()]).toEqual([]);
  for (const [key, spans] of tracks) {
    spans.sort((a, b) => a.ts - b.ts);
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]!.ts, `track ${key} overlaps`).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  }
  const inSlice = (event: ChromeTrace["traceEvents"][number]) =>
    (tracks.get(`${event.pid}/${event.tid}`) ?? []).some((x) => x.ts <= event.ts! && event.ts! <= x.end);
  for (const [key, { s, f }] of flows) {
    expect([s.length, f.length], `flow ${key} is one start and one finish`).toEqual([1, 1]);
    expect(f[0]!.ts!).toBeGreaterThanOrEqual(s[0]!.ts!);
    expect(inSlice(s[0]!) && inSlice(f[0]!), `flow ${key} ends outside a slice`).toBe(true);
  }
}
