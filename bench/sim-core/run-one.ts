/**
 * Runs one benchmark case in this process and prints one JSON line: events, seconds, events/s
 * and peak resident memory (of the whole process: node and tsx account for most of it). bench/run.ts starts each case in a fresh child process so that
 * memory and JIT state do not leak between cases.
 */

import { runScenario, type Scenario } from "@syslab/sim-core";
import { EventCalendar } from "../../packages/sim-core/src/kernel/event-calendar";
import type { EventHandler } from "../../packages/sim-core/src/kernel/event-handler";
import { cache, mmc, pool, server, wide } from "./scenarios";

function calendarBaseline(pending: number, events: number): number {
  // The bare kernel cost: keep `pending` events in the heap, pop one and push one in its place.
  const calendar = new EventCalendar();
  const handler: EventHandler = { onEvent() {} };
  let now = 0;
  let x = 12345;
  const nextGap = () => {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    return ((x >>> 8) / 16777216) * 2;
  };
  for (let i = 0; i < pending; i++) calendar.push(nextGap(), handler, 0, null);
  // The same calls the simulation's loop makes: pop, then schedule one event in its place.
  for (let i = 0; i < events; i++) {
    calendar.pop();
    now = calendar.poppedTime;
    calendar.pushTime = now + nextGap();
    calendar.pushNext(handler, 0, null);
  }
  return events;
}

/** A tenth of a scenario's measured requests: enough to get the JIT to its optimized code. */
function shortened(scenario: Scenario): Scenario {
  const length = scenario.run.length;
  const count = length.kind === "requests" ? Math.ceil(length.count / 10) : 1;
  return { ...scenario, run: { ...scenario.run, length: { kind: "requests", count } } };
}

const cases: Record<string, (warmup: boolean) => number> = {
  "calendar-4": (warmup) => calendarBaseline(4, warmup ? 500_000 : 5_000_000),
  "calendar-1000": (warmup) => calendarBaseline(1000, warmup ? 500_000 : 5_000_000),
  mmc: (warmup) => runScenario(warmup ? shortened(mmc) : mmc).simulated.events,
  wide: (warmup) => runScenario(warmup ? shortened(wide) : wide).simulated.events,
  server: (warmup) => runScenario(warmup ? shortened(server) : server).simulated.events,
  pool: (warmup) => runScenario(warmup ? shortened(pool) : pool).simulated.events,
  cache: (warmup) => runScenario(warmup ? shortened(cache) : cache).simulated.events,
};

const name = process.argv[2] ?? "";
const run = cases[name];
if (run === undefined)
  throw new Error(`unknown benchmark "${name}"; cases: ${Object.keys(cases).join(", ")}`);
// Warm the JIT first, as benchmark harnesses do, so the figure is the engine's steady speed.
run(true);
const started = performance.now();
const cpuStarted = process.cpuUsage();
const events = run(false);
const seconds = (performance.now() - started) / 1000;
// CPU time as well as wall time: on a shared machine, other processes stretch wall time, not our CPU time.
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({ name, events, seconds, cpuSeconds, eventsPerSecond: events / seconds, maxRssMb }),
);
