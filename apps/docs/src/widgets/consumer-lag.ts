// Consumer lag: producers faster than a consumer group make its lag grow at λ minus what the busy
// consumers handle; consumers help up to the partition count, and beyond it sit idle.
import example from "../../../../examples/docs/consumer-lag.json";
import { formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CONSUMERS = [1, 2, 3, 4, 5, 6, 8];
export const PARTITIONS = [2, 4, 8];
/** Records per second the producers append, and the rate one consumer handles (10 ms a record). */
export const RATE = 480;
export const CONSUMER_RATE = 100;

interface GroupFigures {
  consumed: number;
  idleConsumers: number;
  lag: { mean: number; max: number };
  series: { time: number[]; lag: number[] };
}

function scenarioAt(consumers: number, partitions: number): unknown {
  const scenario = structuredClone(example);
  scenario.components.events.partitions = partitions;
  scenario.components.readers.consumers = consumers;
  scenario.name = `${RATE} records/s into ${partitions} partitions, ${consumers} consumers of ${CONSUMER_RATE} records/s each`;
  return scenario;
}

/**
 * The lag's growth rate in theory: partition p goes to consumer p mod c (evenly used keys give each
 * partition λ/P), and a consumer offered more than μ falls behind by the difference.
 */
export function theoreticalGrowth(consumers: number, partitions: number): number {
  const owned = new Array<number>(consumers).fill(0);
  for (let p = 0; p < partitions; p++) owned[p % consumers]!++;
  return owned.reduce((sum, n) => sum + Math.max(0, (RATE * n) / partitions - CONSUMER_RATE), 0);
}

/** The least-squares slope of lag over time: the measured growth rate, records per second. */
function slope(time: number[], values: number[]): number {
  const n = time.length;
  const mt = time.reduce((a, b) => a + b, 0) / n;
  const mv = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (time[i]! - mt) * (values[i]! - mv);
    den += (time[i]! - mt) ** 2;
  }
  return den > 0 ? num / den : 0;
}

function group(scenario: unknown): GroupFigures {
  return cachedSimulate(scenario).components.readers as unknown as GroupFigures;
}

function compute(params: Params): WidgetView {
  const consumers = Number(params.consumers);
  const partitions = Number(params.partitions);
  const rows = CONSUMERS.map((c) => {
    const g = group(scenarioAt(c, partitions));
    return {
      consumers: c,
      measured: slope(g.series.time, g.series.lag),
      theory: theoreticalGrowth(c, partitions),
      g,
    };
  });
  const focus = scenarioAt(consumers, partitions);
  const chosen = group(focus);
  const measured = slope(chosen.series.time, chosen.series.lag);
  const theory = theoreticalGrowth(consumers, partitions);
  const busiest = Math.min(consumers, partitions);
  const summary =
    `${RATE} records/s into ${partitions} partitions: with ${consumers} consumers the lag grows by ${formatNumber(measured, 0)} ` +
    `records/s (theory ${formatNumber(theory, 0)}), reaching ${formatNumber(chosen.lag.max, 0)} records. ` +
    `Only ${busiest} consumers can have a partition; ${chosen.idleConsumers} sit idle, and more consumers than ${partitions} change nothing.`;
  return {
    chart: {
      title: "How fast the lag grows, by consumers in the group",
      summary,
      xLabel: "Consumers",
      yLabel: "Lag growth (records/s)",
      series: [
        {
          name: "Theory: Σ max(0, λ·partitions owned/P − μ)",
          style: "line",
          emphasis: true,
          points: rows.map((r): [number, number] => [r.consumers, r.theory]),
        },
        {
          name: "Simulated",
          style: "points",
          points: rows.map((r): [number, number] => [r.consumers, r.measured]),
        },
        { name: "This run", style: "points", points: [[consumers, measured]] },
      ],
    },
    table: {
      caption: `Lag growth by consumers (${RATE} records/s, ${partitions} partitions, ${CONSUMER_RATE} records/s a consumer)`,
      columns: [
        "Consumers",
        "Idle consumers",
        "Growth, simulated (records/s)",
        "Growth, theory (records/s)",
        "Lag at the end",
      ],
      rows: rows.map((r) => [
        String(r.consumers),
        String(r.g.idleConsumers),
        formatNumber(r.measured, 0),
        formatNumber(r.theory, 0),
        formatNumber(r.g.lag.max, 0),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "Consumer lag over time, this run",
          summary: `The lag of the chosen run climbs at about ${formatNumber(measured, 0)} records/s, as the line λ − served predicts.`,
          xLabel: "Time (s)",
          yLabel: "Lag (records)",
          series: [
            {
              name: "Simulated lag",
              style: "points",
              emphasis: true,
              points: chosen.series.time.map((t, i): [number, number] => [t, chosen.series.lag[i]!]),
            },
            {
              name: "Theory: growth × t",
              style: "line",
              points: chosen.series.time.map((t): [number, number] => [t, theory * t]),
            },
          ],
        },
        table: {
          caption: `Consumer lag over time (${consumers} consumers, ${partitions} partitions)`,
          columns: ["Time (s)", "Lag (records)"],
          rows: chosen.series.time.map((t, i) => [
            formatNumber(t, 1),
            formatNumber(chosen.series.lag[i]!, 0),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "growth",
        label: "Lag growth, simulated",
        value: measured,
        text: `${formatNumber(measured, 0)} records/s`,
      },
      {
        id: "growth-theory",
        label: "Lag growth, theory",
        value: theory,
        text: `${formatNumber(theory, 0)} records/s`,
      },
      {
        id: "max-lag",
        label: "Largest lag",
        value: chosen.lag.max,
        text: formatNumber(chosen.lag.max, 0),
        field: "components.readers.lag.max",
      },
      {
        id: "idle",
        label: "Consumers with no partition",
        value: chosen.idleConsumers,
        text: formatNumber(chosen.idleConsumers, 0),
        field: "components.readers.idleConsumers",
      },
      {
        id: "consumed",
        label: "Records handled",
        value: chosen.consumed,
        text: formatNumber(chosen.consumed, 0),
        field: "components.readers.consumed",
      },
    ],
    scenario: focus,
  };
}

export const consumerLag: WidgetModel = {
  name: "consumer-lag",
  defaults: { consumers: 2, partitions: 4 },
  compute,
};
