// A hot key expiring under load: calls to the database and read latency over time, for each of the
// cache's onMiss modes, on the same reads.
import example from "../../../../examples/caching/caching-stampede.json";
import { formatDuration, formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const RATES = [250, 500, 1000, 2000];
export const MODES = ["each", "coalesce", "early-refresh", "stale-while-revalidate"] as const;
export const FETCH_TIMES = ["20ms", "50ms", "100ms"];

interface CacheFigures {
  hitRatio: number;
  targetCalls: number;
  expirations: number;
  series: { targetCalls: number[]; readTimeP99: number[] };
}

function scenarioAt(rate: number, onMiss: string, fetch: string): unknown {
  const scenario = structuredClone(example);
  scenario.name = `A hot key at ${rate} reads/s, 2 s TTL, ${fetch} fetch, onMiss ${onMiss}`;
  scenario.workload.arrival.rate = rate;
  scenario.workload.requests[0]!.steps[0]!.hold = fetch;
  scenario.components.cache.onMiss = onMiss;
  return scenario;
}

function compute(params: Params): WidgetView {
  const rate = Number(params.rate);
  const onMiss = String(params.onMiss);
  const fetch = String(params.fetch);
  const runs = MODES.map((mode) => {
    const result = cachedSimulate(scenarioAt(rate, mode, fetch));
    return { mode, result, cache: result.components.cache as unknown as CacheFigures };
  });
  const focus = scenarioAt(rate, onMiss, fetch);
  const chosen = runs.find((r) => r.mode === onMiss)!;
  const { result, cache } = chosen;
  const time = result.series.time;
  const each = runs[0]!;
  const coalesce = runs[1]!;
  const peak = (r: (typeof runs)[number]) => Math.max(...r.cache.series.targetCalls);
  const summary =
    `At ${rate} reads/s with a ${fetch} fetch, "each" sends ${formatNumber(each.cache.targetCalls, 0)} queries in 6 s ` +
    `(peaking at ${formatNumber(peak(each), 0)} /s as the key expires) and its p99 is ${formatDuration(each.result.latency.p99)}; ` +
    `"coalesce" sends ${formatNumber(coalesce.cache.targetCalls, 0)} (p99 ${formatDuration(coalesce.result.latency.p99)}). ` +
    `The chosen mode, ${onMiss}, sends ${formatNumber(cache.targetCalls, 0)} with p99 ${formatDuration(result.latency.p99)}.`;
  return {
    chart: {
      title: "Database queries per second over time, by onMiss mode",
      summary,
      xLabel: "Time (s)",
      yLabel: "Queries to the database per second",
      series: runs.map((r) => ({
        name: r.mode,
        style: "line" as const,
        emphasis: r.mode === onMiss,
        points: r.cache.series.targetCalls.map((v, i): [number, number] => [r.result.series.time[i]!, v]),
      })),
    },
    table: {
      caption: `Queries to the database and read latency per onMiss mode, ${rate} reads/s, ${fetch} fetch`,
      columns: ["onMiss", "Queries", "Expiries", "Hit ratio", "Mean latency", "p99 latency"],
      rows: runs.map((r) => [
        r.mode,
        formatNumber(r.cache.targetCalls, 0),
        String(r.cache.expirations),
        formatNumber(r.cache.hitRatio, 3),
        formatDuration(r.result.latency.mean),
        formatDuration(r.result.latency.p99),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "p99 read latency over time, by onMiss mode",
          summary: `Reads that miss wait for the database: with "each" the p99 of a ${formatDuration(result.series.bucketWidth)} bucket jumps to ${formatDuration(Math.max(...each.cache.series.readTimeP99))} at each expiry, with "coalesce" to ${formatDuration(Math.max(...coalesce.cache.series.readTimeP99))}, while early-refresh and stale-while-revalidate stay at the hit's cost.`,
          xLabel: "Time (s)",
          yLabel: "p99 latency (s)",
          series: runs.map((r) => ({
            name: r.mode,
            style: "line" as const,
            emphasis: r.mode === onMiss,
            points: r.cache.series.readTimeP99.map((v, i): [number, number] => [r.result.series.time[i]!, v]),
          })),
        },
        table: {
          caption: `Queries, p99 and mean latency of the chosen mode (${onMiss}) per ${formatDuration(result.series.bucketWidth)} bucket, where a query started or reads waited`,
          columns: ["From (s)", "Queries per second", "p99 latency", "Mean latency"],
          rows: time
            .map((t, i) => ({
              t,
              calls: cache.series.targetCalls[i]!,
              p99: cache.series.readTimeP99[i]!,
              latency: result.series.latencyMean[i]!,
            }))
            .filter((row) => row.calls > 0 || row.p99 > 0.001)
            .map((row) => [
              formatNumber(row.t, 2),
              formatNumber(row.calls, 0),
              formatDuration(row.p99),
              formatDuration(row.latency),
            ]),
        },
      },
    ],
    numbers: [
      {
        id: "db-queries",
        label: `${onMiss}: queries to the database`,
        value: cache.targetCalls,
        text: formatNumber(cache.targetCalls, 0),
        field: "components.cache.targetCalls",
      },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "hit-ratio",
        label: "Hit ratio",
        value: cache.hitRatio,
        text: formatNumber(cache.hitRatio, 3),
        field: "components.cache.hitRatio",
      },
      {
        id: "expirations",
        label: "Expiries",
        value: cache.expirations,
        text: String(cache.expirations),
        field: "components.cache.expirations",
      },
    ],
    scenario: focus,
  };
}

export const cachingStampede: WidgetModel = {
  name: "caching-stampede",
  defaults: {
    rate: example.workload.arrival.rate,
    onMiss: example.components.cache.onMiss,
    fetch: example.workload.requests[0]!.steps[0]!.hold,
  },
  compute,
};
