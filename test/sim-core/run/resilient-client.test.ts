// Resilient clients against what they promise: with every attempt failing, retries multiply the
// load the backend sees by the attempts and a budget caps it at 1 + budget; a hedge sends a second
// copy to the requests slower than its delay, the first answer wins and the loser's work is
// wasted; a circuit breaker stops the traffic to a dead backend but for its probes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

function run(cls: Record<string, unknown>, db: Record<string, unknown> = {}, duration = "200s"): Result {
  return simulate({
    version: 1,
    seed: 21,
    run: { duration, warmup: "10s" },
    workload: {
      arrival: { process: "poisson", rate: 50 },
      requests: [{ name: "r", steps: [{ service: { exp: "10ms" } }], ...cls }],
    },
    entry: "db",
    components: { db: { type: "station", servers: 1000, ...db } },
  });
}

const down = { outages: [{ at: "0s", for: "100000s" }] };
const seen = (result: Result) =>
  (result.components.db as unknown as { outages: { failed: number } }).outages.failed;

describe("with every attempt failing", () => {
  test.each([2, 4, 8])("%i attempts multiply what the backend sees by as many", (attempts) => {
    const result = run({ retry: { attempts, backoff: { base: "1ms", cap: "10ms" } } }, down);
    const ratio = seen(result) / result.requests.arrived;
    // Operations sent near the window's edges have attempts on the other side: a few in 10,000.
    expect(Math.abs(ratio - attempts)).toBeLessThan(0.01 * attempts);
    expect(result.requests.byClass.r!.amplification).toBeCloseTo(attempts, 1);
  });

  test.each([0.1, 0.25, 0.5])("a retry budget of %f caps it at 1 + budget", (budget) => {
    const result = run({ retry: { attempts: 5, budget, backoff: { base: "1ms", cap: "10ms" } } }, down);
    const ratio = seen(result) / result.requests.arrived;
    expect(Math.abs(ratio - (1 + budget))).toBeLessThan(0.02);
    expect(ratio).toBeLessThanOrEqual(1 + budget + 0.01);
  });
});

describe("hedged requests", () => {
  test("after a fixed delay: copies for the requests slower than it, half of them winning", () => {
    // Service exp(10 ms), no queueing. P(S > 20 ms) = e^−2 = 13.5% get a copy; the original's
    // remaining time and the copy's are both exp(10 ms), so each wins half the races, and a hedged
    // request takes 20 ms + min of the two (5 ms): mean 10(1 − e^−2) + e^−2 × 5 = 9.32 ms.
    const result = run({ hedge: { after: "20ms" } });
    const cls = result.requests.byClass.r!;
    const share = Math.exp(-2);
    expect(Math.abs(cls.hedges / cls.arrived - share)).toBeLessThan(0.01);
    expect(Math.abs(cls.hedgesWon / cls.hedges - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(cls.wasted - cls.hedges)).toBeLessThan(0.01 * cls.hedges + 5); // every race has a loser
    expect(cls.attempts).toBe(cls.arrived + cls.hedges);
    expect(Math.abs(result.latency.mean - (0.01 * (1 - share) + share * 0.005))).toBeLessThan(0.0003);
    // The p99 drops from 10 ms × ln 100 = 46 ms to x with e^−2 × e^(−2(x − 20 ms)/10 ms) = 1%: 33.0 ms.
    expect(Math.abs(run({}).latency.p99 - 0.0461)).toBeLessThan(0.003);
    expect(Math.abs(result.latency.p99 - 0.033)).toBeLessThan(0.002);
  });

  test("after a latency quantile: about the slowest 1 − q get a copy", () => {
    const cls = run({ hedge: { quantile: 0.9 } }).requests.byClass.r!;
    // The quantile is of the requests' latencies, which hedging shortens only beyond the hedge
    // delay: P(latency > h) = P(S > h), so the fixed point is h = S's p90 and 10% are hedged.
    // 10,000 requests: a binomial sd of 0.3%.
    expect(Math.abs(cls.hedges / cls.arrived - 0.1)).toBeLessThan(0.015);
  });
});

test("a circuit breaker lets only its probes reach a dead backend, and closes when it is back", () => {
  const outage = { outages: [{ at: "60s", for: "60s" }] };
  const breaker = { failures: 5, window: "10s", openFor: "5s" };
  const open = run({ circuitBreaker: breaker }, outage);
  const plain = run({}, outage);
  // 60 s down at 50/s: 3,000 requests reach it without a breaker; with one, 5 open it, then one
  // probe every 5 s fails and reopens it: about 5 + 60/5 = 17.
  expect(Math.abs(seen(plain) - 3000)).toBeLessThan(4 * Math.sqrt(3000));
  expect(seen(open)).toBeGreaterThanOrEqual(5 + 10);
  expect(seen(open)).toBeLessThanOrEqual(5 + 13);
  const cls = open.requests.byClass.r!;
  expect(cls.shortCircuited + seen(open)).toBeGreaterThan(seen(plain) - 4 * Math.sqrt(3000));
  // Back at 120 s, closed by the first probe within 5 s: what completes is all but ~65 s of traffic.
  expect(Math.abs(open.requests.completed - 50 * (200 - 65))).toBeLessThan(4 * Math.sqrt(50 * 200) + 250);
});

describe("the resilient-client examples", () => {
  const example = (file: string) =>
    simulate(JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing", file), "utf8")));

  test("retry-budget.json: the dead backend sees 1.1 attempts per request", () => {
    const result = example("retry-budget.json");
    expect(Math.abs(seen(result) / result.requests.arrived - 1.1)).toBeLessThan(0.02);
    expect(Math.abs(result.requests.byClass.r!.amplification - 1.1)).toBeLessThan(0.02);
  });

  test("hedged-requests.json: 13.5% hedged, p99 33 ms", () => {
    const result = example("hedged-requests.json");
    const cls = result.requests.byClass.r!;
    expect(Math.abs(cls.hedges / cls.arrived - Math.exp(-2))).toBeLessThan(0.01);
    expect(Math.abs(result.latency.p99 - 0.033)).toBeLessThan(0.002);
  });

  test("circuit-breaker.json: about 17 requests reach the dead backend", () => {
    const result = example("circuit-breaker.json");
    expect(seen(result)).toBeGreaterThanOrEqual(15);
    expect(seen(result)).toBeLessThanOrEqual(18);
  });
});

describe("the series of a resilient class", () => {
  test("attempts per second add up to the class's attempts, failures per second to the failed requests", () => {
    const result = run({ retry: { attempts: 4, backoff: { base: "1ms", cap: "10ms" } } }, down);
    const { bucketWidth, attempts, failed } = result.series;
    const sum = (xs: number[] | undefined) => xs!.reduce((a, b) => a + b * bucketWidth, 0);
    // Rates are rounded to 9 decimals per bucket: the sums are exact to far below one request.
    expect(Math.abs(sum(attempts) - result.requests.byClass.r!.attempts)).toBeLessThan(1e-3);
    expect(Math.abs(sum(failed) - result.requests.failed.reset)).toBeLessThan(1e-3);
    // Every attempt fails: 4 per request at 50/s, and 50 requests fail for good each second.
    const middle = Math.floor(attempts!.length / 2);
    expect(Math.abs(attempts![middle]! - 200)).toBeLessThan(4 * 4 * Math.sqrt(50 / bucketWidth));
    expect(Math.abs(failed![middle]! - 50)).toBeLessThan(4 * Math.sqrt(50 / bucketWidth));
  });

  test("a class sent once counts one attempt per request beside a retrying one; a run without either has no such series", () => {
    const result = simulate({
      version: 1,
      seed: 3,
      run: { duration: "20s" },
      workload: {
        arrival: { process: "poisson", rate: 100 },
        requests: [
          { name: "once", steps: [{ service: "2ms" }] },
          // Every request takes 2 ms, so each gets its hedge after 1 ms: two attempts apiece.
          { name: "twice", steps: [{ service: "2ms" }], hedge: { after: "1ms" } },
        ],
      },
      entry: "q",
      components: { q: { type: "station", servers: 100 } },
    });
    const { bucketWidth, attempts } = result.series;
    const total = attempts!.reduce((a, b) => a + b * bucketWidth, 0);
    const byClass = result.requests.byClass;
    expect(Math.abs(total - (byClass.once!.attempts + byClass.twice!.attempts))).toBeLessThan(1e-3);
    expect(byClass.twice!.amplification).toBe(2);
    const plain = simulate({
      version: 1,
      seed: 3,
      run: { duration: "20s" },
      workload: {
        arrival: { process: "poisson", rate: 100 },
        requests: [{ name: "once", steps: [{ service: "1ms" }] }],
      },
      entry: "q",
      components: { q: { type: "station", servers: 100 } },
    });
    expect(plain.series.attempts).toBeUndefined();
    expect(plain.series.failed).toBeUndefined();
  });
});

test("retry-storm.json: after a one-second crowd the retries hold the servers over capacity to the end", () => {
  const result = simulate(
    JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing/retry-storm.json"), "utf8")),
  );
  const { time, bucketWidth, attempts, throughput } = result.series;
  // The mean rate over the run's last 10 s, whatever the buckets' width (half a second here).
  const end = time.at(-1)! + bucketWidth;
  const last10 = (xs: number[]) =>
    xs.reduce((sum, x, i) => (time[i]! >= end - 10 ? sum + x * bucketWidth : sum), 0) / 10;
  // Ten servers of 100 ms finish 100/s; clients send 80/s and each costs 3 attempts once all time out.
  expect(last10(attempts!)).toBeGreaterThan(200);
  expect(last10(throughput)).toBeLessThan(4);
  expect(result.requests.byClass.r!.amplification).toBeGreaterThan(2.4);
});
