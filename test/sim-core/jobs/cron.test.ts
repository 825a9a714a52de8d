// Scheduled publishing (cron) with overlap "skip": a run due while the previous one is unfinished is
// skipped, so with period P and run time S (not a multiple of P) runs start every ⌈S/P⌉·P.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { broker, workers } from "./job-scenarios";

// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by the tests
const example = (name: string): any =>
  JSON.parse(readFileSync(join(__dirname, `../../../examples/jobs/${name}.json`), "utf8"));

/** The cron-skip example with each run taking `service` seconds. */
function cron(service: number, overlap: "allow" | "skip" = "skip") {
  const scenario = example("cron-skip");
  const task = scenario.workload.requests[0].steps[0].task;
  task.steps = [{ service: `${service}s` }];
  task.overlap = overlap;
  return simulate(scenario);
}

// Due every 60 s at 60, 120, … 1740 s: 29 ticks in the 1800 s run.
const TICKS = 29;

describe('cron with overlap "skip"', () => {
  test("cron-skip: 15 runs published, 14 skipped, 14 finished, no wait", () => {
    const result = simulate(example("cron-skip"));
    const b = broker(result);
    expect(b.published).toBe(15);
    expect(b.skipped).toBe(14);
    expect(b.completed).toBe(14);
    expect(workers(result).wait.mean).toBe(0);
    expect(b.depth.mean).toBe(0); // each run is taken the instant it is published
  });

  for (const service of [50, 90, 130, 250]) {
    test(`runs of ${service}s every 60s start every ⌈${service}/60⌉ × 60s`, () => {
      const every = Math.ceil(service / 60);
      const published = Math.floor((TICKS - 1) / every) + 1;
      const b = broker(cron(service));
      expect(b.published).toBe(published);
      expect(b.skipped).toBe(TICKS - published);
      expect(b.published + b.skipped).toBe(TICKS);
    });
  }

  test('"allow" (the default) publishes every tick, whatever is still running', () => {
    const b = broker(cron(90, "allow"));
    expect(b.published).toBe(TICKS);
    expect(b.skipped).toBe(0);
  });

  test("a run lost with its worker ends: the next tick publishes again", () => {
    const scenario = example("cron-skip");
    // Early acks and a crash at 100 s lose the run published at 60 s; the tick at 120 s starts the next.
    scenario.components.work.acks = "early";
    scenario.components.work.outages = [{ at: "100s", for: "1s" }];
    const result = simulate(scenario);
    expect(workers(result).lost).toBe(1);
    const b = broker(result);
    // Runs at 60 (lost), 120, 240, … 1680: 15 published, and the tick at 120 s is not skipped.
    expect(b.published).toBe(15);
    expect(b.skipped).toBe(14);
    expect(b.completed).toBe(14);
  });
});
