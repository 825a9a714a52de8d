/**
 * `npm run bench`: the sim-core benchmarks. Each case runs in its own child process (fresh heap
 * and JIT, so peak memory is the case's own) three times; the best run is reported, since on a
 * shared machine other processes only ever make a run slower. Each scenario is compared with a
 * baseline measured in the same run: the bare event calendar holding as many pending events.
 *
 *   npm run bench            all cases
 *   npm run bench -- mmc     one case (mmc, wide, server, pool, cache, calendar-4, calendar-1000)
 *
 * The server and pool cases are compared with the M/M/4 station case of the same run: a request
 * there passes more components, so the figure to watch is the ratio, not the absolute rate.
 *
 * The API load and docs bundle-size benchmarks are separate scripts (`npm run bench:api`,
 * `npm run bench:docs`): they need a server or a built site.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

interface Measurement {
  name: string;
  events: number;
  seconds: number;
  cpuSeconds: number;
  eventsPerSecond: number;
  maxRssMb: number;
}

interface Case {
  name: string;
  title: string;
  baseline?: string;
  /** Events/s (or a share of the baseline's) and peak memory the case must reach. */
  target?: { eventsPerSecond?: number; share?: number; maxRssMb: number };
}

const CASES: Case[] = [
  { name: "calendar-4", title: "baseline: bare calendar, 4 pending" },
  {
    name: "mmc",
    title: "M/M/4 at ρ = 0.9, 1,000,000 requests",
    baseline: "calendar-4",
    target: { eventsPerSecond: 5e6, maxRssMb: 150 },
  },
  {
    name: "server",
    title: "thread pool on 4 cores, cpu + io + cpu, 800,000 requests",
    baseline: "mmc",
    target: { share: 0.5, maxRssMb: 200 },
  },
  {
    name: "pool",
    title: "station → pool of 16 → database, 1,000,000 requests",
    baseline: "mmc",
    target: { share: 0.5, maxRssMb: 200 },
  },
  {
    name: "cache",
    title: "station → LRU cache of 10,000 (Zipf keys, TTL, coalesce) → database, 1,000,000 requests",
    baseline: "mmc",
    target: { share: 0.25, maxRssMb: 200 },
  },
  { name: "calendar-1000", title: "baseline: bare calendar, 1,000 pending" },
  {
    name: "wide",
    title: "1,000 servers at ρ = 0.98 (~1,000 pending), 2,000,000 requests",
    baseline: "calendar-1000",
    target: { eventsPerSecond: 2.5e6, maxRssMb: 150 },
  },
];

const REPEATS = 3;
const runner = join(import.meta.dirname, "sim-core/run-one.ts");

function measure(name: string): Measurement {
  const runs: Measurement[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", runner, name], { encoding: "utf8" });
    runs.push(JSON.parse(out.trim().split("\n").at(-1)!) as Measurement);
  }
  const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...best, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

const only = process.argv[2];
const byName = new Map(CASES.map((c) => [c.name, c]));
/** A case with every case it is compared with, baselines first. */
const withBaselines = (c: Case): Case[] => [
  ...(c.baseline === undefined ? [] : withBaselines(byName.get(c.baseline)!)),
  c,
];
const selected =
  only === undefined ? CASES : [...new Set(CASES.filter((c) => c.name === only).flatMap(withBaselines))];
const results = new Map<string, Measurement>();
const millions = (x: number) => `${(x / 1e6).toFixed(2)}M`;

console.log(`sim-core benchmarks (best of ${REPEATS}, each in its own process; node ${process.version})\n`);
for (const c of selected) {
  const m = measure(c.name);
  results.set(c.name, m);
  const base = c.baseline === undefined ? undefined : results.get(c.baseline);
  const parts = [
    `${c.title}`.padEnd(66),
    `${millions(m.events)} events`.padEnd(16),
    `${millions(m.eventsPerSecond)} events/s`.padEnd(18),
    `(CPU ${millions(m.events / m.cpuSeconds)}/s)`.padEnd(18),
    `peak ${m.maxRssMb.toFixed(0)} MB`.padEnd(14),
  ];
  if (base !== undefined)
    parts.push(`${((100 * m.eventsPerSecond) / base.eventsPerSecond).toFixed(0)}% of baseline`.padEnd(18));
  if (c.target !== undefined) {
    const { eventsPerSecond, share, maxRssMb } = c.target;
    const speed = eventsPerSecond ?? (share ?? 0) * (base?.eventsPerSecond ?? 0);
    const ok = m.eventsPerSecond >= speed && m.maxRssMb < maxRssMb;
    const wanted =
      eventsPerSecond !== undefined
        ? `${millions(eventsPerSecond)}/s`
        : `${(share ?? 0) * 100}% of ${c.baseline}`;
    parts.push(`target ≥ ${wanted}, < ${maxRssMb} MB: ${ok ? "met" : "NOT met"}`);
  }
  console.log(parts.join(""));
}
