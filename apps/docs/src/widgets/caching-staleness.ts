// TTL vs staleness: a longer TTL answers more reads from the cache, and more of those answers are
// values that have already changed at the source.
import example from "../../../../examples/caching/caching-staleness.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const TTLS = [0.25, 0.5, 1, 2, 5, 10, 30];
export const CHANGE_EVERY = ["5s", "30s", "120s"];
/** Reads per key per second: 1000/s over 200 keys. */
const PER_KEY = 5;

interface CacheFigures {
  hitRatio: number;
  hits: number;
  staleHits: number;
  staleness: { mean: number };
  targetCalls: number;
}

function scenarioAt(ttl: number, changeEvery: string): unknown {
  const scenario = structuredClone(example);
  scenario.name = `TTL ${ttl} s, values changing every ${changeEvery} on average`;
  (scenario.components.cache as { ttl: number | string }).ttl = ttl;
  scenario.components.cache.changeEvery = changeEvery;
  return scenario;
}

const seconds = (duration: string) => Number.parseFloat(duration); // the controls' values are whole seconds

/** The theory: hit ratio λτ/(1 + λτ); a hit is stale with probability 1 − (1 − e^(−μτ))/(μτ). */
export function theory(ttl: number, changeEvery: number): { hit: number; stale: number } {
  const mu = 1 / changeEvery;
  return { hit: (PER_KEY * ttl) / (1 + PER_KEY * ttl), stale: 1 - (1 - Math.exp(-mu * ttl)) / (mu * ttl) };
}

function compute(params: Params): WidgetView {
  const changeEvery = String(params.changeEvery);
  const ttl = Number(params.ttl);
  const rows = TTLS.map((t) => {
    const result = cachedSimulate(scenarioAt(t, changeEvery));
    const cache = result.components.cache as unknown as CacheFigures;
    return { ttl: t, result, cache, stale: cache.hits > 0 ? cache.staleHits / cache.hits : 0 };
  });
  const focus = scenarioAt(ttl, changeEvery);
  const result = cachedSimulate(focus);
  const cache = result.components.cache as unknown as CacheFigures;
  const stale = cache.hits > 0 ? cache.staleHits / cache.hits : 0;
  const expected = theory(ttl, seconds(changeEvery));
  const summary =
    `With values changing every ${changeEvery} on average, a ${ttl} s TTL answers ${formatPercent(cache.hitRatio, 1)} of reads ` +
    `from the cache and ${formatPercent(stale, 1)} of those answers are already out of date (theory: ${formatPercent(expected.hit, 1)} and ` +
    `${formatPercent(expected.stale, 1)}). Raising the TTL buys little hit ratio once it passes a few reads per key, while staleness keeps growing.`;
  return {
    chart: {
      title: "Hit ratio and stale hits vs TTL",
      summary,
      xLabel: "TTL (s)",
      yLabel: "Share of reads / of hits",
      series: [
        {
          name: "Hit ratio",
          style: "line",
          emphasis: true,
          points: rows.map((r): [number, number] => [r.ttl, r.cache.hitRatio]),
        },
        {
          name: "Stale share of hits",
          style: "line",
          points: rows.map((r): [number, number] => [r.ttl, r.stale]),
        },
        {
          name: "Theory",
          style: "points",
          points: TTLS.flatMap((t): [number, number][] => {
            const th = theory(t, seconds(changeEvery));
            return [
              [t, th.hit],
              [t, th.stale],
            ];
          }),
        },
        { name: "This run", style: "points", points: [[ttl, cache.hitRatio]] },
      ],
    },
    table: {
      caption: `Hit ratio, stale hits and mean staleness by TTL, values changing every ${changeEvery}`,
      columns: ["TTL", "Hit ratio", "Stale share of hits", "Mean staleness of a stale hit", "Database reads"],
      rows: rows.map((r) => [
        `${r.ttl} s`,
        formatNumber(r.cache.hitRatio, 3),
        formatPercent(r.stale, 1),
        formatDuration(r.cache.staleness.mean),
        formatNumber(r.cache.targetCalls, 0),
      ]),
    },
    numbers: [
      {
        id: "hit-ratio",
        label: `TTL ${ttl} s: hit ratio`,
        value: cache.hitRatio,
        text: formatPercent(cache.hitRatio, 1),
        field: "components.cache.hitRatio",
      },
      {
        id: "stale-hits",
        label: "Hits serving a changed value",
        value: cache.staleHits,
        text: formatNumber(cache.staleHits, 0),
        field: "components.cache.staleHits",
      },
      {
        id: "staleness",
        label: "How long ago a stale value had changed (mean)",
        value: cache.staleness.mean,
        text: formatDuration(cache.staleness.mean),
        field: "components.cache.staleness.mean",
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

export const cachingStaleness: WidgetModel = {
  name: "caching-staleness",
  defaults: { changeEvery: example.components.cache.changeEvery, ttl: 5 },
  compute,
};
