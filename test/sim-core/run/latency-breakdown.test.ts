/**
 * Forensics of traced requests (packages/sim-core/src/run/latency-breakdown.ts and
 * breakdown-bands.ts): each request's latency split by cause adds up to its latency to the
 * nanosecond; the causes land where the visits say; and in a queue whose tail is queueing, the p99
 * band spends a larger share of its latency queued than the median band does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type RequestTrace, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { latencyBreakdown } from "../../../packages/sim-core/src/run/latency-breakdown";

const ns = (seconds: number) => Math.round(seconds * 1e9);

/** Every traced request's parts are non-negative and add up to its latency, nanosecond for nanosecond. */
function expectExactSums(requests: readonly RequestTrace[]): void {
  for (const r of requests) {
    const parts = Object.values(r.breakdown);
    for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
    expect(
      parts.reduce((sum, part) => sum + ns(part), 0),
      `request ${r.id}`,
    ).toBe(ns(r.end) - ns(r.start));
  }
}

const poolExample = JSON.parse(
  readFileSync(join(import.meta.dirname, "../../../examples/servers/pool-queue-full.json"), "utf8"),
);

describe("latency breakdown", () => {
  it("splits nested visits by cause, the callee's time its own, and clips visits at a timed-out answer", () => {
    const types = new Map([
      ["web", "server"],
      ["pool", "pool"],
      ["db", "station"],
    ]);
    const spans = [
      { component: "db", start: 4, end: 8, queued: 0.5, depth: 2 },
      // A visit's queued time counts its nested visits' too.
      { component: "pool", start: 3, end: 8, queued: 1.5, depth: 1 },
      { component: "web", start: 0, end: 10, queued: 3.5, depth: 0 },
    ];
    const base = { id: 1, class: "page", start: 0, outcome: "completed" as const, spans };
    // web: 10 − 5 nested, 2 queued; pool: 5 − 4 nested, 1 waiting for a connection; db: 4, 0.5 queued.
    expect(latencyBreakdown({ ...base, end: 10 }, types)).toEqual({
      queue: 2.5,
      poolWait: 1,
      work: 6.5,
      untraced: 0,
    });
    // Answered (a timeout) at 6: web 6 − 3, pool 3 − 2, db 2; the rest of the work is after the answer.
    expect(latencyBreakdown({ ...base, end: 6, outcome: "timeout" }, types)).toEqual({
      queue: 2.5,
      poolWait: 1,
      work: 2.5,
      untraced: 0,
    });
    // Time in no visit (a retrying client's attempts and backoff) is untraced.
    expect(latencyBreakdown({ ...base, start: -1, end: 10 }, types).untraced).toBe(1);
  });

  it("every traced request's breakdown adds up to its latency: a server, a pool with a full queue, a database", () => {
    const result = simulate({
      ...poolExample,
      run: { duration: "5s", warmup: "1s", trace: { sample: 1, max: 3000 } },
    });
    const requests = result.trace!.requests;
    expect(requests.length).toBeGreaterThan(1000);
    expect(requests.some((r) => r.outcome === "rejected")).toBe(true);
    expectExactSums(requests);
    // 400/s on a pool that serves 250/s: waiting for a connection is most of a page's latency.
    const page = result.trace!.breakdown.classes.page!;
    expect(page.requests).toBe(requests.length);
    expect(page.share.poolWait).toBeGreaterThan(page.share.work);
    expect(page.share.untraced).toBe(0);
    const shares = Object.values(page.share).reduce((a, b) => a + b, 0);
    expect(shares).toBeCloseTo(1, 6);
  });

  it("a retried request's attempts are untraced time, and its parts still add up", () => {
    const result = simulate({
      version: 1,
      seed: 5,
      run: { duration: "100s", trace: { sample: 1 } },
      workload: {
        arrival: { process: "poisson", rate: 5 },
        requests: [
          {
            name: "job",
            timeout: "300ms",
            retry: { attempts: 3, on: ["timeout"], backoff: { base: "50ms", cap: "1s", jitter: "full" } },
            steps: [{ service: { exp: "150ms" } }],
          },
        ],
      },
      entry: "q",
      components: { q: { type: "station", servers: 1 } },
    });
    const requests = result.trace!.requests;
    expectExactSums(requests);
    for (const r of requests) expect(ns(r.breakdown.untraced)).toBe(ns(r.end) - ns(r.start));
  });

  it("in M/M/1 at ρ = 0.9 the tail is queueing: the p99 band's queue share exceeds the median band's", () => {
    const result = simulate({
      version: 1,
      seed: 11,
      run: { requests: 20_000, warmup: 2000, trace: { sample: 1, max: 20_000 } },
      workload: {
        arrival: { process: "poisson", rate: 0.9 },
        requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
      },
      entry: "q",
      components: { q: { type: "station", servers: 1 } },
    });
    const { requests, breakdown } = result.trace!;
    expectExactSums(requests);
    const { p50, p90, p99 } = breakdown.bands;
    expect(p50.requests).toBe(Math.floor(0.55 * requests.length) - Math.floor(0.45 * requests.length));
    expect(p99.requests).toBe(requests.length - Math.floor(0.99 * requests.length));
    expect(p50.latency.max).toBeLessThanOrEqual(p90.latency.min);
    expect(p90.latency.max).toBeLessThanOrEqual(p99.latency.min);
    // Sojourn in M/M/1 is exponential with mean 1/(μ − λ) = 10 s: its median ln 2 · 10, its p99 ln 100 · 10.
    expect(p50.latency.min).toBeLessThan(10 * Math.LN2);
    expect(p50.latency.max).toBeGreaterThan(10 * Math.LN2);
    expect(p99.latency.min).toBeGreaterThan(0.8 * 10 * Math.log(100));
    expect(p99.share.queue).toBeGreaterThan(p50.share.queue);
    expect(p99.share.queue).toBeGreaterThan(0.8);
    // The band's shares are its mean parts over its mean latency.
    expect(p99.share.queue).toBeCloseTo(p99.mean.queue / p99.latencyMean, 6);
  });
});
