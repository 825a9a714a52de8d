// The miss-ratio curve: hit ratio against cache size for each eviction policy, over Zipf keys, with
// the mean latency each size gives and Che's approximation for LRU beside the simulated points.
import example from "../../../../examples/caching/caching-miss-ratio.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CAPACITIES = [10, 25, 50, 100, 200, 400];
export const EXPONENTS = [0.6, 0.8, 1.0, 1.2];
export const POLICIES = ["lru", "lfu", "fifo", "sieve", "s3-fifo"] as const;
const KEYS = 1000;
const HIT = 0.0002;
const FETCH = 0.005;

interface CacheFigures {
  hitRatio: number;
  targetCalls: number;
}

function scenarioAt(s: number, policy: string, capacity: number): unknown {
  const scenario = structuredClone(example);
  scenario.name = `${policy.toUpperCase()} cache of ${capacity} entries, ${KEYS} Zipf keys (s = ${s})`;
  scenario.workload.requests[0]!.key.zipf.s = s;
  scenario.components.cache.policy = policy;
  scenario.components.cache.capacity = capacity;
  return scenario;
}

/** Che's approximation for LRU: T solves Σ (1 − e^(−p_i T)) = C; the hit ratio is Σ p_i (1 − e^(−p_i T)). */
export function cheHitRatio(s: number, capacity: number): number {
  const weights = Array.from({ length: KEYS }, (_, k) => (k + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  const filled = (t: number) => p.reduce((sum, pi) => sum + (1 - Math.exp(-pi * t)), 0);
  let low = 0;
  let high = 1;
  while (filled(high) < capacity) high *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (filled(mid) < capacity) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return p.reduce((sum, pi) => sum + pi * (1 - Math.exp(-pi * t)), 0);
}

const label = (policy: string) => (policy === "s3-fifo" ? "S3-FIFO" : policy.toUpperCase());

function compute(params: Params): WidgetView {
  const s = Number(params.s);
  const policy = String(params.policy);
  const capacity = Number(params.capacity);
  const sweep = POLICIES.map((p) => ({
    policy: p,
    runs: CAPACITIES.map((c) => {
      const result = cachedSimulate(scenarioAt(s, p, c));
      return { capacity: c, result, cache: result.components.cache as unknown as CacheFigures };
    }),
  }));
  const focus = scenarioAt(s, policy, capacity);
  const result = cachedSimulate(focus);
  const cache = result.components.cache as unknown as CacheFigures;
  const che = cheHitRatio(s, capacity);
  const best = sweep
    .map((line) => ({
      policy: line.policy,
      ratio: line.runs.find((r) => r.capacity === capacity)!.cache.hitRatio,
    }))
    .reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const summary =
    `With ${capacity} of ${KEYS} keys cached (Zipf s = ${s}), ${label(policy)} answers ${formatPercent(cache.hitRatio, 1)} of reads ` +
    `and the mean read takes ${formatDuration(result.latency.mean)}; ${label(best.policy)} does best at this size ` +
    `(${formatPercent(best.ratio, 1)}). Che's approximation for LRU gives ${formatPercent(che, 1)}. Each doubling of the cache adds less than the one before.`;
  const lines = sweep.map((line) => ({
    name: label(line.policy),
    style: "line" as const,
    emphasis: line.policy === policy,
    points: line.runs.map((r): [number, number] => [r.capacity, r.cache.hitRatio]),
  }));
  return {
    chart: {
      title: "Hit ratio vs cache size, by eviction policy",
      summary,
      xLabel: "Cache size (entries)",
      yLabel: "Hit ratio",
      series: [
        ...lines,
        {
          name: "LRU, Che's approximation",
          style: "points",
          points: CAPACITIES.map((c): [number, number] => [c, cheHitRatio(s, c)]),
        },
      ],
    },
    table: {
      caption: `Hit ratio and mean latency by cache size and policy, Zipf s = ${s}`,
      columns: [
        "Entries",
        ...POLICIES.map((p) => `${label(p)} hit ratio`),
        "LRU (Che)",
        `${label(policy)} mean latency`,
      ],
      rows: CAPACITIES.map((c, i) => [
        String(c),
        ...sweep.map((line) => formatNumber(line.runs[i]!.cache.hitRatio, 3)),
        formatNumber(cheHitRatio(s, c), 3),
        formatDuration(sweep.find((line) => line.policy === policy)!.runs[i]!.result.latency.mean),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "Mean read latency vs cache size",
          summary: `A hit costs ${formatDuration(HIT)} and a miss the database's ${formatDuration(FETCH)}, so the mean latency falls with the miss ratio: ${formatDuration(result.latency.mean)} for ${label(policy)} at ${capacity} entries.`,
          xLabel: "Cache size (entries)",
          yLabel: "Mean latency (s)",
          series: sweep.map((line) => ({
            name: label(line.policy),
            style: "line" as const,
            emphasis: line.policy === policy,
            points: line.runs.map((r): [number, number] => [r.capacity, r.result.latency.mean]),
          })),
        },
        table: {
          caption: "Mean read latency by cache size and policy",
          columns: ["Entries", ...POLICIES.map((p) => label(p))],
          rows: CAPACITIES.map((c, i) => [
            String(c),
            ...sweep.map((line) => formatDuration(line.runs[i]!.result.latency.mean)),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "hit-ratio",
        label: `${label(policy)}, ${capacity} entries: hit ratio`,
        value: cache.hitRatio,
        text: formatPercent(cache.hitRatio, 1),
        field: "components.cache.hitRatio",
      },
      { id: "che", label: "LRU by Che's approximation", value: che, text: formatPercent(che, 1) },
      {
        id: "mean-latency",
        label: "Mean latency",
        value: result.latency.mean,
        text: formatDuration(result.latency.mean),
        field: "latency.mean",
      },
      {
        id: "db-reads",
        label: "Reads reaching the database",
        value: cache.targetCalls,
        text: formatNumber(cache.targetCalls, 0),
        field: "components.cache.targetCalls",
      },
    ],
    scenario: focus,
  };
}

export const cachingMissRatio: WidgetModel = {
  name: "caching-miss-ratio",
  defaults: {
    s: example.workload.requests[0]!.key.zipf.s,
    policy: example.components.cache.policy,
    capacity: example.components.cache.capacity,
  },
  compute,
};
