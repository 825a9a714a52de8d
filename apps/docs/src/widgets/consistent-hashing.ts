// Consistent hashing: how many keys move when a backend is added (modulo hash against a ring with
// few or many virtual nodes), how evenly the ring spreads keys, and what hot keys do to the backend
// that owns them, with and without bounded loads.
import { keyPlacement, parseDuration, type Result } from "@syslab/sim-core";
import example from "../../../../examples/balancing/hot-keys-bounded-load.json";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

/** Backends before one is added (N; the figures go from N to N + 1). */
export const BACKENDS = [2, 3, 4, 5, 6, 8, 10, 12, 16, 20];
export const VIRTUAL_NODES = [1, 10, 160, 1000];
/** Zipf exponents of the hot-key sweep, and the bounded-load factors offered ("none": unbounded). */
export const SKEWS = [0, 0.4, 0.6, 0.8, 1, 1.2];
export const BOUNDS = ["none", 1.1, 1.25, 1.5, 2] as const;
/** Keys placed for the first two figures: a moved share's binomial error is under 0.4 % of the keys. */
export const KEYS = 20_000;

const LB = example.components.lb;
const HOT_BACKENDS = LB.backends.length;
const ZIPF_KEYS = example.workload.requests[0]!.key.zipf.keys;
/** A backend is one server taking exp(10 ms) a request: past this share of the traffic it is overloaded. */
const SERVICE = parseDuration(example.workload.requests[0]!.steps[0]!.service.exp);
const OVERLOAD_SHARE = 1 / (example.workload.arrival.rate * SERVICE);

const names = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);
const vnodesLabel = (v: number) => `Ring, ${v} virtual node${v === 1 ? "" : "s"}`;
const boundLabel = (c: number | "none") => (c === "none" ? "No bound" : `Bounded, c = ${c}`);

// At most 55 placements of 20,000 keys (4.4 MB): every figure's, kept while the page is open.
const placements = new Map<string, Int32Array>();
/** Where each of KEYS keys goes among n backends: by modulo hash (v = 0) or a ring of v virtual nodes. */
function placed(n: number, v: number): Int32Array {
  const id = `${n}/${v}`;
  let placement = placements.get(id);
  if (!placement) {
    const balancer =
      v === 0
        ? { type: "balancer", algorithm: "hash", backends: names(n) }
        : { type: "balancer", algorithm: "consistent-hash", backends: names(n), virtualNodes: v };
    placement = keyPlacement(balancer, KEYS);
    placements.set(id, placement);
  }
  return placement;
}

/** The share of keys whose backend changes going from n to n + 1 backends. */
export function movedShare(n: number, v: number): number {
  const before = placed(n, v);
  const after = placed(n + 1, v);
  let moved = 0;
  for (let k = 0; k < KEYS; k++) if (before[k] !== after[k]) moved++;
  return moved / KEYS;
}

/** The share of moved keys that went to the new backend (all of them, on a ring). */
export function movedToNewShare(n: number, v: number): number {
  const before = placed(n, v);
  const after = placed(n + 1, v);
  let moved = 0;
  let toNew = 0;
  for (let k = 0; k < KEYS; k++) {
    if (before[k] === after[k]) continue;
    moved++;
    if (after[k] === n) toNew++;
  }
  return moved === 0 ? 1 : toNew / moved;
}

/** The busiest of n backends' keys over the mean n-th. */
export function keySpread(n: number, v: number): number {
  const counts = new Array<number>(n).fill(0);
  for (const b of placed(n, v)) counts[b]!++;
  return Math.max(...counts) / (KEYS / n);
}

/**
 * With one point each, n backends split the ring into n uniform spacings; the largest is H_n / n
 * on average (the harmonic number), so the busiest backend holds H_n times the mean.
 */
export function expectedSpreadOnePoint(n: number): number {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
}

function hotScenario(s: number, c: number | "none"): unknown {
  const scenario: typeof example = structuredClone(example);
  scenario.workload.requests[0]!.key.zipf.s = s;
  const lb: Partial<typeof LB> = scenario.components.lb;
  if (c === "none") delete lb.boundedLoad;
  else lb.boundedLoad = c;
  scenario.name = `Zipf keys (s = ${s}) through consistent hashing, ${c === "none" ? "no bound" : `bounded load c = ${c}`}`;
  // The example's description states its own figures; another run gets a description without them.
  if (s !== example.workload.requests[0]!.key.zipf.s || c !== LB.boundedLoad) {
    scenario.description =
      `${HOT_BACKENDS} one-server backends (exp ${formatDuration(SERVICE)}) behind a consistent-hash ring of ${LB.virtualNodes} virtual nodes each, ` +
      `at ${example.workload.arrival.rate} requests/s, with Zipf keys (s = ${s} over ${formatNumber(ZIPF_KEYS, 0)}) and ${c === "none" ? "no bound on load" : `boundedLoad ${c}`}.`;
  }
  return scenario;
}

/** The busiest backend's share of the requests the balancer sent. */
export function busiestShare(result: Result): number {
  const lb = result.components.lb as unknown as { backends: Record<string, { requests: number }> };
  const counts = Object.values(lb.backends).map((b) => b.requests);
  return Math.max(...counts) / counts.reduce((a, b) => a + b, 0);
}

let hotPlacement: Int32Array | undefined;
/**
 * Without a bound, a backend gets the Zipf weight of the keys the ring gives it: the busiest one's
 * share, from the engine's own placement of the example's keys over its backends.
 */
export function expectedBusiestShare(s: number): number {
  hotPlacement ??= keyPlacement(LB, ZIPF_KEYS);
  const placement = hotPlacement;
  const weight = new Array<number>(HOT_BACKENDS).fill(0);
  let total = 0;
  for (let k = 0; k < ZIPF_KEYS; k++) {
    const w = (k + 1) ** -s;
    weight[placement[k]!]! += w;
    total += w;
  }
  return Math.max(...weight) / total;
}

function parseBound(value: unknown): number | "none" {
  return value === "none" ? "none" : Number(value);
}

function compute(params: Params): WidgetView {
  const n = Number(params.backends);
  const v = Number(params.virtualNodes);
  const s = Number(params.skew);
  const c = parseBound(params.bound);
  const moved = BACKENDS.map((b) => ({
    n: b,
    modulo: movedShare(b, 0),
    ring: VIRTUAL_NODES.map((w) => movedShare(b, w)),
  }));
  const spread = BACKENDS.map((b) => VIRTUAL_NODES.map((w) => keySpread(b, w)));
  const unbounded = SKEWS.map((k) => cachedSimulate(hotScenario(k, "none")));
  const bounded = c === "none" ? unbounded : SKEWS.map((k) => cachedSimulate(hotScenario(k, c)));
  const focus = hotScenario(s, c);
  const result = cachedSimulate(focus);
  const free = cachedSimulate(hotScenario(s, "none"));
  const movedModulo = movedShare(n, 0);
  const movedRing = movedShare(n, v);
  const toNew = movedToNewShare(n, v);
  const mean = 1 / HOT_BACKENDS;
  const share = busiestShare(result);
  const freeShare = busiestShare(free);
  const percent = (x: number) => formatPercent(x, 1);

  const movedSummary =
    `Going from ${n} to ${n + 1} backends, modulo hashing moves ${percent(movedModulo)} of ${formatNumber(KEYS, 0)} keys ` +
    `(theory ${n}/${n + 1} = ${percent(n / (n + 1))}); a ring with ${v} virtual node${v === 1 ? "" : "s"} per backend moves ` +
    `${percent(movedRing)} (theory 1/${n + 1} = ${percent(1 / (n + 1))}), ${toNew === 1 ? "all" : percent(toNew)} of them to the new backend. ` +
    "With few virtual nodes the share strays far from 1/(N + 1), since the new backend's arc of the ring is a matter of luck.";
  const spreadSummary =
    `Over ${n} backends the busiest holds ${formatNumber(keySpread(n, 1), 2)} times the mean share of keys with one virtual node each ` +
    `(expected ${formatNumber(expectedSpreadOnePoint(n), 2)}), ${formatNumber(keySpread(n, 160), 2)} times with 160 ` +
    `and ${formatNumber(keySpread(n, 1000), 2)} with 1000: the busiest's excess shrinks about as 1/√(virtual nodes).`;
  const hotSummary =
    `With Zipf keys at s = ${s} the busiest of ${HOT_BACKENDS} backends gets ${percent(freeShare)} of the requests without a bound ` +
    `(the ring's placement predicts ${percent(expectedBusiestShare(s))}; the mean is ${percent(mean)}) and the p99 latency is ${formatDuration(free.latency.p99)}` +
    (c === "none"
      ? "."
      : `; with bounded load c = ${c} it gets ${percent(share)} and the p99 is ${formatDuration(result.latency.p99)}.`) +
    ` A backend serves ${formatNumber(1 / SERVICE, 0)} requests per second at most, so above ${percent(OVERLOAD_SHARE)} of the traffic its queue grows for the whole run.`;

  return {
    chart: {
      title: "Share of keys that move when a backend is added",
      summary: movedSummary,
      xLabel: "Backends before one is added (N)",
      yLabel: "Share of keys moved",
      series: [
        {
          name: "Modulo hash",
          style: "points",
          points: moved.map((m): [number, number] => [m.n, m.modulo]),
        },
        {
          name: "Theory N/(N + 1)",
          style: "line",
          points: BACKENDS.map((b): [number, number] => [b, b / (b + 1)]),
        },
        ...VIRTUAL_NODES.map((w, i) => ({
          name: vnodesLabel(w),
          style: "line" as const,
          emphasis: w === v,
          points: moved.map((m): [number, number] => [m.n, m.ring[i]!]),
        })),
        {
          name: "Theory 1/(N + 1)",
          style: "line",
          points: BACKENDS.map((b): [number, number] => [b, 1 / (b + 1)]),
        },
      ],
    },
    table: {
      caption: `Share of ${formatNumber(KEYS, 0)} keys that change backend going from N to N + 1 backends`,
      columns: [
        "N → N + 1",
        "Modulo hash",
        "Theory N/(N + 1)",
        ...VIRTUAL_NODES.map(vnodesLabel),
        "Theory 1/(N + 1)",
      ],
      rows: moved.map((m) => [
        `${m.n} → ${m.n + 1}`,
        percent(m.modulo),
        percent(m.n / (m.n + 1)),
        ...m.ring.map(percent),
        percent(1 / (m.n + 1)),
      ]),
    },
    extraFigures: [
      {
        chart: {
          title: "Busiest backend's keys over the mean, by virtual nodes",
          summary: spreadSummary,
          xLabel: "Backends (N)",
          yLabel: "Busiest backend's keys ÷ mean",
          series: [
            ...VIRTUAL_NODES.map((w, i) => ({
              name: vnodesLabel(w),
              style: "line" as const,
              emphasis: w === v,
              points: BACKENDS.map((b, row): [number, number] => [b, spread[row]![i]!]),
            })),
            {
              name: "Expected, 1 virtual node (H_N)",
              style: "line",
              points: BACKENDS.map((b): [number, number] => [b, expectedSpreadOnePoint(b)]),
            },
            { name: "Chosen", style: "points", points: [[n, keySpread(n, v)]] },
          ],
        },
        table: {
          caption: `The busiest backend's share of ${formatNumber(KEYS, 0)} keys over the mean share, by virtual nodes per backend`,
          columns: ["Backends", ...VIRTUAL_NODES.map(vnodesLabel), "Expected, 1 virtual node"],
          rows: BACKENDS.map((b, row) => [
            String(b),
            ...spread[row]!.map((x) => formatNumber(x, 2)),
            formatNumber(expectedSpreadOnePoint(b), 2),
          ]),
        },
      },
      {
        chart: {
          title: "Busiest backend's share of requests vs key skew",
          summary: hotSummary,
          xLabel: "Zipf exponent s (0: every key equally popular)",
          yLabel: "Busiest backend's share of requests",
          series: [
            {
              name: "No bound",
              style: "line",
              emphasis: c === "none",
              points: unbounded.map((r, i): [number, number] => [SKEWS[i]!, busiestShare(r)]),
            },
            {
              name: "No bound, from the ring's placement",
              style: "line",
              points: SKEWS.map((k): [number, number] => [k, expectedBusiestShare(k)]),
            },
            ...(c === "none"
              ? []
              : [
                  {
                    name: boundLabel(c),
                    style: "line" as const,
                    emphasis: true,
                    points: bounded.map((r, i): [number, number] => [SKEWS[i]!, busiestShare(r)]),
                  },
                  {
                    name: `c × mean (${percent(c * mean)})`,
                    style: "line" as const,
                    points: SKEWS.map((k): [number, number] => [k, c * mean]),
                  },
                ]),
            {
              name: `Mean (1/${HOT_BACKENDS})`,
              style: "line",
              points: SKEWS.map((k): [number, number] => [k, mean]),
            },
            {
              name: `One backend's capacity (${percent(OVERLOAD_SHARE)})`,
              style: "line",
              points: SKEWS.map((k): [number, number] => [k, OVERLOAD_SHARE]),
            },
            { name: "This run", style: "points", points: [[s, share]] },
          ],
        },
        table: {
          caption: `The busiest of ${HOT_BACKENDS} backends' share of requests and the p99 latency, by key skew, ${
            c === "none" ? "without a bound" : `without a bound and with c = ${c}`
          }`,
          columns: [
            "Zipf s",
            "No bound: share",
            "From the placement",
            "No bound: p99",
            ...(c === "none" ? [] : [`c = ${c}: share`, `c = ${c}: p99`]),
          ],
          rows: SKEWS.map((k, i) => [
            String(k),
            percent(busiestShare(unbounded[i]!)),
            percent(expectedBusiestShare(k)),
            formatDuration(unbounded[i]!.latency.p99),
            ...(c === "none"
              ? []
              : [percent(busiestShare(bounded[i]!)), formatDuration(bounded[i]!.latency.p99)]),
          ]),
        },
      },
    ],
    numbers: [
      {
        id: "moved-modulo",
        label: `Modulo hash: keys moved, ${n} → ${n + 1} backends`,
        value: movedModulo,
        text: percent(movedModulo),
      },
      {
        id: "moved-ring",
        label: `${vnodesLabel(v)}: keys moved`,
        value: movedRing,
        text: percent(movedRing),
      },
      {
        id: "key-spread",
        label: `${vnodesLabel(v)}: busiest backend's keys ÷ mean`,
        value: keySpread(n, v),
        text: `${formatNumber(keySpread(n, v), 2)}×`,
      },
      {
        id: "busiest-share",
        label: `${boundLabel(c)}: busiest backend's share of requests`,
        value: share,
        text: percent(share),
      },
      {
        id: "p99-latency",
        label: `${boundLabel(c)}: p99 latency`,
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "busiest-share-unbounded",
        label: "No bound: busiest backend's share",
        value: freeShare,
        text: percent(freeShare),
      },
      {
        id: "p99-unbounded",
        label: "No bound: p99 latency",
        value: free.latency.p99,
        text: formatDuration(free.latency.p99),
      },
    ],
    scenario: focus,
  };
}

export const consistentHashing: WidgetModel = {
  name: "consistent-hashing",
  defaults: { backends: 4, virtualNodes: LB.virtualNodes, skew: 1, bound: LB.boundedLoad },
  compute,
};
