// The retry-storm widget's model: a one-second crowd leaves a queue longer than the clients' timeout.
// Without retries it drains at capacity − rate; with retries and no budget the timed-out attempts
// come back and hold the offered load above capacity to the end of the run (jitter or not); a 10%
// budget holds the servers' load under 1.1 × what clients send, and they recover.
import type { Result } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import {
  attemptsPerSecond,
  BUDGET,
  CAPACITY,
  CROWD_END,
  CROWD_START,
  goodputAtEnd,
  goodputPerSecond,
  RATE,
  type RetryMode,
  recoverySeconds,
  retryStorm,
  scenarioFor,
} from "../../../apps/docs/src/widgets/retry-storm";
import { cachedSimulate } from "../../../apps/docs/src/widgets/run-cache";
import type { WidgetView } from "../../../apps/docs/src/widgets/view";

const CROWD = retryStorm.defaults.crowd as number;
const TIMEOUT = 1;
const BASE = 1; // the first retry's backoff, doubling

const run = (mode: RetryMode, crowd = CROWD): Result => cachedSimulate(scenarioFor(mode, crowd));
const number = (v: WidgetView, id: string) => v.numbers.find((n) => n.id === id)!.value;

/** Attempts the servers got in the whole seconds [from, to): the widget's per-second counts added up. */
function attemptsBetween(result: Result, from: number, to: number): number {
  return attemptsPerSecond(result).reduce((sum, n, k) => (k >= from && k < to ? sum + n : sum), 0);
}

/** The attempts in the second that starts at t. */
function attemptsAt(result: Result, t: number): number {
  return attemptsPerSecond(result)[t]!;
}

describe("retry-storm widget", () => {
  it("goes second by second over the run's half-second buckets and counts every attempt once", () => {
    for (const mode of ["off", "no-jitter", "full-jitter", "budget"] as const) {
      const result = run(mode);
      // A 60 s run fills its 120 buckets: two to a second, which the widget adds up.
      expect(result.series.bucketWidth).toBe(0.5);
      expect(result.series.time).toHaveLength(120);
      const seconds = attemptsPerSecond(result);
      expect(seconds).toHaveLength(60);
      const halves = result.series.attempts!;
      expect(seconds[20]).toBeCloseTo((halves[40]! + halves[41]!) / 2, 9);
      const total = attemptsBetween(result, 0, Number.POSITIVE_INFINITY);
      // The series' rates are rounded to 9 decimals: the sum is exact to far below one attempt.
      expect(Math.abs(total - result.requests.byClass.r!.attempts), mode).toBeLessThan(0.01);
      const answered = goodputPerSecond(result).reduce((a, b) => a + b, 0);
      expect(Math.abs(answered - result.requests.completed), mode).toBeLessThan(0.01);
    }
  });

  it("without retries the servers see what clients send, and goodput returns when the queue is under a second's work", () => {
    const off = run("off");
    expect(off.requests.byClass.r!.amplification).toBe(1);
    // The crowd leaves (crowd − 1) × rate − (capacity − rate) ≈ 300 queued beyond the usual; answers are
    // in time again once fewer than capacity × timeout = 100 wait, and the queue drains at capacity − rate.
    const backlog = CROWD * RATE - CAPACITY;
    const theory = (backlog - CAPACITY * TIMEOUT) / (CAPACITY - RATE);
    expect(theory).toBe(10);
    // Noise: arrivals (~rate × 11 s) and completions (~capacity × 11 s) over the drain, and the crowd's
    // own count, each Poisson: √(880 + 1100 + 400) ≈ 49 requests, ÷ 20/s ≈ 2.4 s; allow 3 of those.
    const sd = Math.sqrt(RATE * theory + CAPACITY * theory + CROWD * RATE) / (CAPACITY - RATE);
    expect(Math.abs(recoverySeconds(off) - theory)).toBeLessThan(3 * sd);
  });

  it("with retries and no budget the storm outlasts the run: offered load stays above capacity and goodput near 0", () => {
    for (const mode of ["no-jitter", "full-jitter"] as const) {
      const result = run(mode);
      expect(recoverySeconds(result), mode).toBe(Number.POSITIVE_INFINITY);
      // The last 20 s: every attempt times out, so each request costs its 3 attempts (≈ 240/s), far over 100/s.
      const end = attemptsPerSecond(result).length;
      const late = attemptsBetween(result, end - 20, end) / 20;
      expect(late, mode).toBeGreaterThan(2 * CAPACITY);
      expect(goodputAtEnd(result), mode).toBeLessThan(0.05 * RATE);
    }
  });

  it("a 10% budget holds the servers at most 1.1 × what clients send through the overload, and they recover later than without retries", () => {
    const budget = run("budget");
    // Over the crowd and the 20 s after it, clients send rate × 21 s plus the crowd's extra (crowd − 1) × rate:
    // a Poisson count, so allow 3 √n on it; the budget's sliding windows add at most its own share of that.
    const from = CROWD_START;
    const to = CROWD_END + 20;
    const sent = RATE * (to - from) + (CROWD - 1) * RATE * (CROWD_END - CROWD_START);
    const seen = attemptsBetween(budget, from, to);
    expect(seen).toBeLessThan((1 + BUDGET) * (sent + 3 * Math.sqrt(sent)));
    expect(seen).toBeGreaterThan(sent - 3 * Math.sqrt(sent)); // it did retry
    expect(budget.requests.byClass.r!.amplification).toBeLessThanOrEqual(1 + BUDGET);
    const withBudget = recoverySeconds(budget);
    expect(Number.isFinite(withBudget)).toBe(true);
    expect(withBudget).toBeGreaterThan(recoverySeconds(run("off")));
    expect(goodputAtEnd(budget)).toBeGreaterThan(0.75 * RATE);
  });

  it("without jitter the crowd comes back as echoes one backoff after its timeouts; full jitter spreads them", () => {
    const none = run("no-jitter");
    const full = run("full-jitter");
    // Crowd requests that time out at CROWD_START + 1 s retry exactly 1 s later, and again 1 s + 2 s after that.
    const first = CROWD_START + TIMEOUT + BASE;
    const second = first + TIMEOUT + 2 * BASE;
    expect([first, second]).toEqual([12, 15]);
    const echoes = (r: Result) => attemptsPerSecond(r).filter((_, k) => k >= CROWD_END && k < CROWD_END + 10);
    const busiest = (r: Result) => Math.max(...echoes(r));
    expect(attemptsAt(none, second)).toBe(busiest(none));
    // The echo seconds stand out from their neighbours by far more than Poisson noise (≈ √400 = 20).
    expect(attemptsAt(none, first) - attemptsAt(none, first - 1)).toBeGreaterThan(
      6 * Math.sqrt(attemptsAt(none, first)),
    );
    expect(attemptsAt(none, second) - attemptsAt(none, second - 1)).toBeGreaterThan(
      6 * Math.sqrt(attemptsAt(none, second)),
    );
    // Full jitter sends the same retries over the backoff interval: its busiest second is lower by more
    // than two standard deviations of the difference of the two counts.
    expect(busiest(none) - busiest(full)).toBeGreaterThan(2 * Math.sqrt(busiest(none) + busiest(full)));
    // …but the total over those 10 s is the same storm, within the same noise.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum(echoes(none)) - sum(echoes(full)))).toBeLessThan(
      3 * Math.sqrt(sum(echoes(none)) + sum(echoes(full))),
    );
  });

  it("a crowd of twice the rate leaves no queue past the timeout: nothing is retried and no storm starts", () => {
    const small = run("full-jitter", 2);
    expect(small.requests.failed.timeout).toBe(0);
    expect(small.requests.byClass.r!.amplification).toBe(1);
    expect(recoverySeconds(small)).toBe(0);
  });

  it("shows the chosen mode's figures and shares its scenario", () => {
    const view = retryStorm.compute(retryStorm.defaults);
    const full = run("full-jitter");
    expect(number(view, "amplification")).toBe(full.requests.byClass.r!.amplification);
    expect(number(view, "recovery")).toBe(Number.POSITIVE_INFINITY);
    expect(number(view, "failed")).toBe(full.requests.failed.timeout);
    // The busiest second after the crowd: a whole second's attempts, not a half-second bucket's rate.
    expect(number(view, "peak-attempts")).toBe(Math.max(...attemptsPerSecond(full).slice(CROWD_END)));
    expect(number(view, "goodput-end")).toBeCloseTo(
      goodputPerSecond(full)
        .slice(-10)
        .reduce((a, b) => a + b, 0) / 10,
      9,
    );
    const budget = retryStorm.compute({ retries: "budget", crowd: CROWD }) as WidgetView & {
      scenario: { workload: { requests: { retry: { budget?: number; attempts: number } }[] } };
    };
    expect(budget.scenario.workload.requests[0]!.retry).toMatchObject({ attempts: 3, budget: BUDGET });
    expect(number(budget, "recovery")).toBe(recoverySeconds(run("budget")));
    expect(number(budget, "goodput-end")).toBeGreaterThan(0.75 * RATE);
    const off = retryStorm.compute({ retries: "off", crowd: CROWD }) as typeof budget;
    expect(off.scenario.workload.requests[0]!.retry.attempts).toBe(1);
    expect(off.scenario.workload.requests[0]!.retry.budget).toBeUndefined();
  });
});
