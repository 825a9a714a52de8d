// Every example in examples/jobs states a figure in its description; each is checked here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ExchangeStats, Result, ServerStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { erlangC } from "../support/erlang-c";
import { broker, workers } from "./job-scenarios";

const EXAMPLES = join(__dirname, "../../../examples/jobs");
// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by some tests
const example = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), "utf8"));
const run = (name: string): Result => simulate(example(name));

describe("examples/jobs", () => {
  test("mmc-workers: Wq = 0.746 s (Erlang C, c = 4, ρ = 0.8)", () => {
    const theory = erlangC(4, 3.2, 1);
    expect(theory.wq).toBeCloseTo(0.746, 3);
    expect(theory.pWait).toBeCloseTo(0.5964, 4);
    const w = workers(run("mmc-workers"));
    // About 256,000 tasks, but waits at ρ = 0.8 are strongly correlated: across seeds the mean
    // wait's relative error has a standard deviation near 3% at this length, so 12% is 4 of them.
    expect(Math.abs(w.wait.mean - theory.wq) / theory.wq).toBeLessThan(0.12);
  });

  test("polling: 3.03 polls per task and a 1.07 s notification delay", () => {
    const b = broker(run("polling"));
    const q = Math.exp(-2 / 5);
    expect(1 / (1 - q)).toBeCloseTo(3.03, 2);
    expect(2 / (1 - q) - 5).toBeCloseTo(1.07, 1);
    const n = b.known;
    expect(Math.abs(b.pollsPerTask - 1 / (1 - q))).toBeLessThan((5 * Math.sqrt(q)) / (1 - q) / Math.sqrt(n));
    expect(Math.abs(b.notificationDelay.mean - 1.07)).toBeLessThan(0.01 + 5 / Math.sqrt(n));
    expect(b.notificationDelay.max).toBeLessThanOrEqual(2.01);
  });

  test("long-poll: about 0 delay, 0.019 empty answers per task, about 10 threads held", () => {
    const result = run("long-poll");
    const b = broker(result);
    const q = Math.exp(-4);
    expect(q / (1 - q)).toBeCloseTo(0.019, 3);
    expect(b.notificationDelay.mean).toBeLessThan(0.001);
    expect(Math.abs(b.emptyPolls / b.known - q / (1 - q))).toBeLessThan(
      (5 * Math.sqrt(q)) / (1 - q) / Math.sqrt(b.known),
    );
    expect(Math.abs((result.components.api as unknown as ServerStats).inSystem.mean - 10)).toBeLessThan(1);
  });

  test("push: exactly 20 ms, no polls, about 10 connections", () => {
    const b = broker(run("push"));
    expect(b.notificationDelay.mean).toBeCloseTo(0.02, 9);
    expect(b.polls).toBe(0);
    expect(Math.abs(b.pushConnections.mean - 10)).toBeLessThan(1);
  });

  test("visibility-timeout: 3 extra deliveries and executions per task", () => {
    const b = broker(run("visibility-timeout"));
    expect(b.redelivered).toBe(3 * b.published);
    expect(b.duplicatesExecuted).toBe(3 * b.published);
  });

  test("worker-crash: none lost with late acks, and lost with early ones", () => {
    const late = run("worker-crash");
    expect(workers(late).interrupted).toBeGreaterThan(0);
    expect(workers(late).lost).toBe(0);
    expect(broker(late).completed).toBe(broker(late).published);
    const scenario = example("worker-crash");
    scenario.components.work.acks = "early";
    const early = simulate(scenario);
    expect(workers(early).lost).toBe(workers(early).interrupted);
    expect(workers(early).lost).toBeGreaterThan(0);
  });

  test("retries: delays 1, 2, 4 s (mean 7/3), 3 retries and 1 failure per task", () => {
    const result = run("retries");
    const b = broker(result);
    expect(b.retryDelay.mean).toBeCloseTo(7 / 3, 6);
    expect(b.retried).toBe(3 * b.published);
    expect(b.failed).toBe(b.published);
    expect(result.requests.failed.rejected).toBe(b.published);
  });

  test("dead-letter: every task dead-lettered after 3 receives", () => {
    const b = broker(run("dead-letter"));
    expect(b.deadLettered).toBe(b.published);
    expect(b.redelivered).toBe(2 * b.published);
  });

  test('head-of-line: short tasks take about 11 s with "default" scheduling, about 1.2 s with "fair"', () => {
    const separate = 0.1 + ((1 / 4) * (0.9 * 0.1 ** 2 + 0.1 * 20 ** 2)) / (2 * (1 - 0.54));
    expect(separate).toBeCloseTo(11.0, 1);
    const assigned = run("head-of-line").requests.byClass.short!.latencyMean;
    expect(Math.abs(assigned - separate) / separate).toBeLessThan(0.25);
    const scenario = example("head-of-line");
    scenario.components.work.optimization = "fair";
    const fair = simulate(scenario).requests.byClass.short!.latencyMean;
    expect(fair).toBeLessThan(2);
    expect(assigned).toBeGreaterThan(5 * fair);
  });

  test("fan-out: 2 copies per event; email waits 0.746 s (Erlang C, c = 4), audit's backlog grows 1.2/s", () => {
    const result = run("fan-out");
    const exchange = result.components.orders as unknown as ExchangeStats;
    expect(exchange.routed).toBe(2 * exchange.published);
    expect(broker(result, "email").published).toBe(exchange.published);
    expect(broker(result, "audit").published).toBe(exchange.published);
    const theory = erlangC(4, 3.2, 1);
    expect(theory.wq).toBeCloseTo(0.746, 3);
    // About 128,000 tasks at ρ = 0.8: the mean wait's relative error across seeds is near 4%, so 15% is nearly 4 of them.
    const email = workers(result, "email-workers");
    expect(Math.abs(email.wait.mean - theory.wq) / theory.wq).toBeLessThan(0.15);
    // audit: Poisson arrivals at 3.2/s less 2 departures a second for 40,500 s, with a standard deviation of √(5.2 × 40,500).
    const T = 40_500;
    expect(1.2 * T).toBeCloseTo(48_600, 0);
    expect(Math.abs(broker(result, "audit").depth.max - 1.2 * T)).toBeLessThan(5 * Math.sqrt(5.2 * T));
  });

  test("cron-overlap: 29 runs published, 20 started, 19 finished, mean wait 285 s", () => {
    const result = run("cron-overlap");
    const b = broker(result);
    const w = workers(result);
    expect(b.published).toBe(29);
    expect(w.started).toBe(20);
    expect(b.completed).toBe(19);
    expect(w.wait.mean).toBeCloseTo(30 * 9.5, 6);
  });
});
