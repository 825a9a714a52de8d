// Consumer lag: producers faster than a consumer group make its lag grow at λ minus what the busy
// consumers handle; consumers help up to the partition count, and beyond it sit idle. One hot key puts
// its share of the records on one partition, whose lag grows however many consumers there are.
import example from "../../../../examples/docs/consumer-lag.json";
import hotKeyExample from "../../../../examples/docs/consumer-lag-hot-key.json";
import { formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const CONSUMERS = [1, 2, 3, 4, 5, 6, 8];
export const PARTITIONS = [2, 4, 8];
/** Records per second the producers append, and the rate one consumer handles (10 ms a record). */
export const RATE = 480;
export const CONSUMER_RATE = 100;
/** The share of records (per cent) that carry the one hot key; 0 spreads every record evenly over 1000 keys. */
export const HOT_SHARES = [0, 25, 50];

interface GroupFigures {
  consumed: number;
  idleConsumers: number;
  lag: { mean: number; max: number };
  partitionLag: { max: number; end: number; growth: number }[];
  series: { time: number[]; lag: number[] };
}

interface Figures {
  group: GroupFigures;
  /** Records appended to each partition over the run, and the run's simulated seconds. */
  appended: number[];
  time: number;
}

function scenarioAt(consumers: number, partitions: number, hot: number): unknown {
  if (hot === 0) {
    const scenario = structuredClone(example);
    scenario.components.events.partitions = partitions;
    scenario.components.readers.consumers = consumers;
    scenario.name = `${RATE} records/s into ${partitions} partitions, ${consumers} consumers of ${CONSUMER_RATE} records/s each`;
    return scenario;
  }
  const scenario = structuredClone(hotKeyExample);
  const [hotClass, spread] = scenario.workload.requests;
  hotClass!.weight = hot;
  spread!.weight = 100 - hot;
  scenario.components.events.partitions = partitions;
  scenario.components.readers.consumers = consumers;
  scenario.name = `${RATE} records/s into ${partitions} partitions, ${hot}% of them with one hot key, ${consumers} consumers of ${CONSUMER_RATE} records/s each`;
  return scenario;
}

/**
 * Records per second each partition is offered: the hot key (key 0, so partition 0) takes `hot` per
 * cent of λ, and the rest spread evenly, λ·(1 − h)/P to each partition, partition 0 included.
 */
export function partitionRates(partitions: number, hot: number): number[] {
  const h = hot / 100;
  return Array.from(
    { length: partitions },
    (_, p) => (RATE * (1 - h)) / partitions + (p === 0 ? RATE * h : 0),
  );
}

/**
 * How a consumer's μ splits among its partitions: it takes them in turn, so a partition offered less
 * than an even share gets all it needs and the rest share what is left (a max-min fair split).
 */
function fairShares(rates: number[], capacity: number): number[] {
  const given = new Array<number>(rates.length).fill(0);
  const order = rates.map((_, i) => i).sort((a, b) => rates[a]! - rates[b]!);
  let left = capacity;
  let sharing = rates.length;
  for (const i of order) {
    const share = Math.min(rates[i]!, left / sharing);
    given[i] = share;
    left -= share;
    sharing--;
  }
  return given;
}

/**
 * Each partition's lag growth in theory: partition p goes to consumer p mod c, which splits its μ
 * fairly among its partitions; a partition grows by what it is offered beyond its share.
 */
export function partitionGrowth(consumers: number, partitions: number, hot = 0): number[] {
  const rates = partitionRates(partitions, hot);
  const growth = new Array<number>(partitions).fill(0);
  for (let c = 0; c < Math.min(consumers, partitions); c++) {
    const owned: number[] = [];
    for (let p = c; p < partitions; p += consumers) owned.push(p);
    const shares = fairShares(
      owned.map((p) => rates[p]!),
      CONSUMER_RATE,
    );
    owned.forEach((p, i) => {
      growth[p] = rates[p]! - shares[i]!;
    });
  }
  return growth;
}

/**
 * The lag's growth rate in theory, all partitions: with evenly used keys a consumer owning n of the P
 * partitions is offered λ·n/P and falls behind by what exceeds μ.
 */
export function theoreticalGrowth(consumers: number, partitions: number, hot = 0): number {
  return partitionGrowth(consumers, partitions, hot).reduce((a, b) => a + b, 0);
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

function figures(scenario: unknown): Figures {
  const result = cachedSimulate(scenario);
  return {
    group: result.components.readers as unknown as GroupFigures,
    appended: (result.components.events as unknown as { partitions: number[] }).partitions,
    time: result.simulated.time,
  };
}

function groupSummary(
  consumers: number,
  partitions: number,
  hot: number,
  measured: number,
  theory: number,
  chosen: Figures,
): string {
  const g = chosen.group;
  const hotRate = partitionRates(partitions, hot)[0]!;
  const hotGrowth = g.partitionLag[0]!.growth;
  if (hot === 0) {
    const busiest = Math.min(consumers, partitions);
    return (
      `${RATE} records/s into ${partitions} partitions: with ${consumers} consumers the lag grows by ${formatNumber(measured, 0)} ` +
      `records/s (theory ${formatNumber(theory, 0)}), reaching ${formatNumber(g.lag.max, 0)} records. ` +
      `Only ${busiest} consumers can have a partition; ${g.idleConsumers} sit idle, and more consumers than ${partitions} change nothing.`
    );
  }
  return (
    `${RATE} records/s into ${partitions} partitions, ${hot}% of them with one key: partition 0 is offered ` +
    `${formatNumber(hotRate, 0)} records/s and its lag grows by ${formatNumber(hotGrowth, 0)} records/s ` +
    `(theory ${formatNumber(partitionGrowth(consumers, partitions, hot)[0]!, 0)}). With ${consumers} consumers the whole ` +
    `group's lag grows by ${formatNumber(measured, 0)} records/s (theory ${formatNumber(theory, 0)}); however many consumers ` +
    `there are, it cannot fall below ${formatNumber(Math.max(0, hotRate - CONSUMER_RATE), 0)}, what one consumer cannot take off partition 0.`
  );
}

function compute(params: Params): WidgetView {
  const consumers = Number(params.consumers);
  const partitions = Number(params.partitions);
  const hot = Number(params.hot ?? 0);
  const rows = CONSUMERS.map((c) => {
    const f = figures(scenarioAt(c, partitions, hot));
    return {
      consumers: c,
      measured: slope(f.group.series.time, f.group.series.lag),
      theory: theoreticalGrowth(c, partitions, hot),
      hotTheory: partitionGrowth(c, partitions, hot)[0]!,
      g: f.group,
    };
  });
  const focus = scenarioAt(consumers, partitions, hot);
  const chosen = figures(focus);
  const g = chosen.group;
  const measured = slope(g.series.time, g.series.lag);
  const theory = theoreticalGrowth(consumers, partitions, hot);
  const byPartition = partitionGrowth(consumers, partitions, hot);
  const offered = partitionRates(partitions, hot);
  const others = g.partitionLag.slice(1);
  const othersPeak = others.reduce((most, p) => Math.max(most, p.max), 0);
  const keys = hot === 0 ? "keys spread evenly" : `${hot}% of records on one key`;
  return {
    chart: {
      title: "How fast the lag grows, by consumers in the group",
      summary: groupSummary(consumers, partitions, hot, measured, theory, chosen),
      xLabel: "Consumers",
      yLabel: "Lag growth (records/s)",
      series: [
        {
          name: "Theory: each partition's rate beyond its consumer's fair share, summed",
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
        {
          name: "Partition 0 alone, theory",
          style: "line",
          points: rows.map((r): [number, number] => [r.consumers, r.hotTheory]),
        },
        {
          name: "Partition 0 alone, simulated",
          style: "points",
          points: rows.map((r): [number, number] => [r.consumers, r.g.partitionLag[0]!.growth]),
        },
      ],
    },
    table: {
      caption: `Lag growth by consumers (${RATE} records/s, ${keys}, ${partitions} partitions, ${CONSUMER_RATE} records/s a consumer)`,
      columns: [
        "Consumers",
        "Idle consumers",
        "Growth, simulated (records/s)",
        "Growth, theory (records/s)",
        "Partition 0's growth, simulated (records/s)",
        "Partition 0's growth, theory (records/s)",
        "Lag at the end",
      ],
      rows: rows.map((r) => [
        String(r.consumers),
        String(r.g.idleConsumers),
        formatNumber(r.measured, 0),
        formatNumber(r.theory, 0),
        formatNumber(r.g.partitionLag[0]!.growth, 0),
        formatNumber(r.hotTheory, 0),
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
              points: g.series.time.map((t, i): [number, number] => [t, g.series.lag[i]!]),
            },
            {
              name: "Theory: growth × t",
              style: "line",
              points: g.series.time.map((t): [number, number] => [t, theory * t]),
            },
          ],
        },
        table: {
          caption: `Consumer lag over time (${consumers} consumers, ${partitions} partitions, ${keys})`,
          columns: ["Time (s)", "Lag (records)"],
          rows: g.series.time.map((t, i) => [formatNumber(t, 1), formatNumber(g.series.lag[i]!, 0)]),
        },
      },
      {
        chart: {
          title: "Lag growth by partition, this run",
          summary:
            hot === 0
              ? `Evenly used keys offer each partition ${formatNumber(offered[0]!, 0)} records/s, so the partitions fall behind alike: ` +
                `the most any one grows by is ${formatNumber(Math.max(...g.partitionLag.map((p) => p.growth)), 0)} records/s.`
              : `Partition 0 holds the hot key: offered ${formatNumber(offered[0]!, 0)} records/s, its lag grows by ` +
                `${formatNumber(g.partitionLag[0]!.growth, 0)} records/s, while the other partitions, offered ${formatNumber(offered[1] ?? 0, 0)} ` +
                `each, peak at ${formatNumber(othersPeak, 0)} records.`,
          xLabel: "Partition",
          yLabel: "Lag growth (records/s)",
          series: [
            {
              name: "Simulated",
              style: "points",
              emphasis: true,
              points: g.partitionLag.map((p, i): [number, number] => [i, p.growth]),
            },
            {
              name: "Theory: offered rate − consumer's fair share",
              style: "line",
              points: byPartition.map((growth, i): [number, number] => [i, growth]),
            },
          ],
        },
        table: {
          caption: `Lag by partition (${consumers} consumers, ${partitions} partitions, ${keys})`,
          columns: [
            "Partition",
            "Offered (records/s)",
            "Growth, simulated (records/s)",
            "Growth, theory (records/s)",
            "Largest lag",
          ],
          rows: g.partitionLag.map((p, i) => [
            String(i),
            formatNumber(chosen.appended[i]! / chosen.time, 0),
            formatNumber(p.growth, 0),
            formatNumber(byPartition[i]!, 0),
            formatNumber(p.max, 0),
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
        id: "hot-growth",
        label: "Partition 0's lag growth, simulated",
        value: g.partitionLag[0]!.growth,
        text: `${formatNumber(g.partitionLag[0]!.growth, 0)} records/s`,
        field: "components.readers.partitionLag.0.growth",
      },
      {
        id: "hot-growth-theory",
        label: "Partition 0's lag growth, theory",
        value: byPartition[0]!,
        text: `${formatNumber(byPartition[0]!, 0)} records/s`,
      },
      {
        id: "others-max-lag",
        label: "Largest lag of the other partitions",
        value: othersPeak,
        text: formatNumber(othersPeak, 0),
      },
      {
        id: "max-lag",
        label: "Largest lag",
        value: g.lag.max,
        text: formatNumber(g.lag.max, 0),
        field: "components.readers.lag.max",
      },
      {
        id: "idle",
        label: "Consumers with no partition",
        value: g.idleConsumers,
        text: formatNumber(g.idleConsumers, 0),
        field: "components.readers.idleConsumers",
      },
      {
        id: "consumed",
        label: "Records handled",
        value: g.consumed,
        text: formatNumber(g.consumed, 0),
        field: "components.readers.consumed",
      },
    ],
    scenario: focus,
  };
}

export const consumerLag: WidgetModel = {
  name: "consumer-lag",
  defaults: { consumers: 2, partitions: 4, hot: 0 },
  compute,
};
