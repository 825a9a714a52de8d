// The animation's frame state at time t, against the trace it comes from: which requests are at
// which node (the innermost visit that holds each, or its client), how many are in flight, how many
// wait in each node's line; and the steps between events.
import {
  frameAt,
  frameState,
  STAY_AFTER_ANSWER,
  STAY_COMPLETED,
  STAY_FAILED,
  stepTime,
  type TracedRequest,
  topologyFrames,
  topologyLayout,
} from "@syslab/charts";
import { canonicalScenario, parseScenario, simulate } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { tracedTopologyScenario } from "../support/traced-topology";

function layoutOf(input: unknown) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return topologyLayout(canonicalScenario(parsed.scenario))!;
}

/** Where the trace says each request is at t: the deepest visit holding it, else its client while its work lasts. */
function expectedAt(requests: readonly TracedRequest[], t: number) {
  const at = new Map<number, string>();
  const waiting = new Map<string, number>();
  let inFlight = 0;
  requests.forEach((r, i) => {
    if (r.start <= t && t < r.end) inFlight++;
    const first = Math.min(r.start, ...r.spans.map((s) => s.start));
    const last = Math.max(r.end, ...r.spans.map((s) => s.end));
    if (t < first || t >= last) return;
    const holding = r.spans.filter((s) => s.start <= t && t < s.end).sort((a, b) => b.depth - a.depth);
    at.set(i, holding[0]?.component ?? "clients");
    for (const s of holding) {
      const nested = r.spans.filter((n) => n.depth === s.depth + 1 && n.start >= s.start && n.end <= s.end);
      const own = s.queued - nested.reduce((sum, n) => sum + n.queued, 0);
      if (own > 1e-12 && t < s.start + own) waiting.set(s.component, (waiting.get(s.component) ?? 0) + 1);
    }
  });
  return { at, waiting, inFlight };
}

describe("a traced run of a balancer, two servers and a pool", () => {
  const scenario = tracedTopologyScenario("3s");
  const layout = layoutOf(scenario);
  const requests = simulate(scenario).trace!.requests;
  const frames = topologyFrames(layout, requests);
  const state = frameState(frames);
  const names = layout.nodes.map((n) => n.name);

  test("the window runs from the first arrival to the last visit's end", () => {
    expect(requests.length).toBeGreaterThan(400);
    expect(frames.start).toBe(Math.min(...requests.map((r) => r.start)));
    expect(frames.end).toBe(Math.max(...requests.flatMap((r) => [r.end, ...r.spans.map((s) => s.end)])));
  });

  test("at any time, each request is at the node the trace's spans put it, and the counts agree", () => {
    // Evenly spread times, and times on span boundaries, where an off-by-one would show.
    const times = Array.from(
      { length: 40 },
      (_, k) => frames.start + ((k + 0.5) / 40) * (frames.end - frames.start),
    );
    for (const r of requests.slice(0, 30)) times.push(r.start, ...r.spans.flatMap((s) => [s.start, s.end]));
    let busiest = 0;
    for (const t of times) {
      frameAt(frames, t, state);
      const expected = expectedAt(requests, t);
      const shown = new Map<number, string>();
      for (let i = 0; i < state.visible; i++) shown.set(state.request[i]!, names[state.node[i]!]!);
      expect(shown).toEqual(expected.at);
      expect(state.inFlight).toBe(expected.inFlight);
      const present = new Map<string, number>();
      for (const name of expected.at.values()) present.set(name, (present.get(name) ?? 0) + 1);
      names.forEach((name, n) => {
        expect(state.present[n], `${name} at ${t}`).toBe(present.get(name) ?? 0);
        expect(state.waiting[n], `${name}'s line at ${t}`).toBe(
          n === 0 ? 0 : (expected.waiting.get(name) ?? 0),
        );
      });
      busiest = Math.max(busiest, state.visible);
    }
    // The run is busy enough that frames draw many requests at once, and some wait in a line.
    expect(busiest).toBeGreaterThan(3);
    expect([...frames.waitNode].some((n) => names[n] === "pool" || names[n]!.startsWith("web"))).toBe(true);
  });

  test("each node's peak is the most requests the trace has there at once", () => {
    // At every entry into a node, count who is there: the largest count is the peak.
    const peaks = new Map<string, number>();
    for (const r of requests)
      for (const t of [r.start, ...r.spans.map((s) => s.start)]) {
        frameAt(frames, t, state);
        names.forEach((name, n) => {
          peaks.set(name, Math.max(peaks.get(name) ?? 0, state.present[n]!));
        });
      }
    names.forEach((name, n) => {
      expect(frames.peak[n], name).toBe(peaks.get(name));
    });
  });
});

describe("a hand-made trace", () => {
  const layout = layoutOf(tracedTopologyScenario());
  const node = (name: string) => layout.nodes.findIndex((n) => n.name === name);
  const requests: TracedRequest[] = [
    {
      id: 1,
      class: "page",
      start: 0,
      end: 1,
      outcome: "completed",
      spans: [
        { component: "pool", start: 0.2, end: 0.8, queued: 0.3, depth: 2 },
        { component: "web1", start: 0.1, end: 0.9, queued: 0.35, depth: 1 },
        { component: "lb", start: 0.1, end: 0.9, queued: 0.35, depth: 0 },
      ],
    },
    // Timed out at 0.5 s; the server went on with it until 0.7 s.
    {
      id: 2,
      class: "page",
      start: 0.4,
      end: 0.5,
      outcome: "timeout",
      spans: [{ component: "web2", start: 0.4, end: 0.7, queued: 0, depth: 0 }],
    },
  ];
  const frames = topologyFrames(layout, requests);
  const state = frameState(frames);

  test("stays: clients, then the innermost visit, then clients; work after the answer drawn apart", () => {
    const stays = [...frames.stayNode].map((n, i) => [
      frames.stayRequest[i],
      layout.nodes[n]!.name,
      layout.nodes[frames.stayFrom[i]!]!.name,
      frames.stayStart[i],
      frames.stayEnd[i],
      frames.stayKind[i],
    ]);
    expect(stays).toEqual([
      [0, "clients", "clients", 0, 0.1, STAY_COMPLETED],
      [0, "web1", "clients", 0.1, 0.2, STAY_COMPLETED],
      [0, "pool", "web1", 0.2, 0.8, STAY_COMPLETED],
      [0, "web1", "pool", 0.8, 0.9, STAY_COMPLETED],
      [0, "clients", "web1", 0.9, 1, STAY_COMPLETED],
      [1, "web2", "clients", 0.4, 0.5, STAY_FAILED],
      [1, "web2", "web2", 0.5, 0.7, STAY_AFTER_ANSWER],
    ]);
    // web1's own line: 0.35 − the pool's 0.3; the balancer's: 0.35 − web1's 0.35, none.
    expect([...frames.waitNode].map((n) => layout.nodes[n]!.name)).toEqual(["pool", "web1"]);
    expect(frames.waitStart[1]).toBe(0.1);
    expect(frames.waitEnd[1]).toBeCloseTo(0.15, 12);
  });

  test("a dot moves along the edge into its node, then stays there", () => {
    const transit = frames.transit;
    expect(transit).toBe(1 / 400);
    frameAt(frames, 0.2 + transit / 2, state);
    expect(state.visible).toBe(1);
    const web1 = node("web1");
    const pool = node("pool");
    expect(state.x[0]).toBeCloseTo((layout.nodes[web1]!.x + layout.nodes[pool]!.x) / 2, 3);
    frameAt(frames, 0.5, state);
    expect(state.visible).toBe(2);
    expect(state.inFlight).toBe(1);
    expect(state.x[0]).toBeCloseTo(layout.nodes[pool]!.x, 3);
    expect(state.waiting[pool]).toBe(0);
    frameAt(frames, 0.3, state);
    expect(state.waiting[pool]).toBe(1);
    expect(state.inFlight).toBe(1);
  });

  test("step moves to the next (or previous) time a request enters or leaves a node, and stops at the ends", () => {
    expect(stepTime(frames, 0, 1)).toBe(0.1);
    expect(stepTime(frames, 0.15, 1)).toBe(0.2);
    expect(stepTime(frames, 0.2, -1)).toBe(0.1);
    expect(stepTime(frames, 1, 1)).toBe(1);
    expect(stepTime(frames, 0, -1)).toBe(0);
  });
});
