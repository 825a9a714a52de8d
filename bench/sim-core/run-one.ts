/**
 * Runs one benchmark case in this process and prints one JSON line: events, seconds, events/s
 * and peak resident memory. bench/run.ts starts each case in a fresh child process so that
 * memory and JIT state do not leak between cases.
 */

import { runScenario } from "@syslab/sim-core";
import { EventCalendar } from "../../packages/sim-core/src/kernel/event-calendar";
import type { EventHandler } from "../../packages/sim-core/src/kernel/event-handler";
import { mmc, wide } from "./scenarios";

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
  const visit = (time: number) => {
    now = time;
  };
  for (let i = 0; i < events; i++) {
    calendar.popInto(visit);
    calendar.push(now + nextGap(), handler, 0, null);
  }
  return events;
}

const name = process.argv[2];
const started = performance.now();
const cpuStarted = process.cpuUsage();
let events: number;
switch (name) {
  case "calendar-4":
    events = calendarBaseline(4, 5_000_000);
    break;
  case "calendar-1000":
    events = calendarBaseline(1000, 5_000_000);
    break;
  case "mmc":
    events = runScenario(mmc).simulated.events;
    break;
  case "wide":
    events = runScenario(wide).simulated.events;
    break;
  default:
    throw new Error(`unknown benchmark ${name}`);
}
const seconds = (performance.now() - started) / 1000;
// CPU time as well as wall time: on a shared machine, other processes stretch wall time, not our CPU time.
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ name, events, seconds, cpuSeconds, eventsPerSecond: events / seconds, maxRssMb }));
