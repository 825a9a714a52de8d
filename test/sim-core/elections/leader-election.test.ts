// Leader election with leases (client-go's defaults: 15 s lease, 10 s renew deadline, 2 s retry):
// the time without a leader after the leader crashes, and the time with two after it pauses.
import { describe, expect, test } from "vitest";
import type { LeaderElectionStats, Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const L = 15; // leaseDuration
const P = 2; // retryPeriod
const election = (result: Result): LeaderElectionStats => result.components.leader as LeaderElectionStats;

function scenario(leader: object, duration = "12000s", seed = 4) {
  return {
    version: 1,
    seed,
    run: { duration },
    workload: {
      arrival: { process: "poisson", rate: 1 },
      requests: [{ name: "job", steps: [{ call: "leader", hold: "10ms" }] }],
    },
    entry: "app",
    components: { app: { type: "station", servers: 100 }, leader: { type: "leader-election", ...leader } },
  };
}

/** P(sum of n uniforms on [0, 1] ≤ x), the Irwin–Hall distribution. */
function irwinHall(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= n) return 1;
  let sum = 0;
  let factorial = 1;
  for (let i = 2; i <= n; i++) factorial *= i;
  for (let k = 0; k <= Math.floor(x); k++) {
    let choose = 1;
    for (let i = 0; i < k; i++) choose = (choose * (n - i)) / (i + 1);
    sum += (k % 2 === 0 ? 1 : -1) * choose * (x - k) ** n;
  }
  return sum / factorial;
}

/**
 * Expected time without a leader after the leader crashes, with one follower trying every
 * X = P(1 + jitter·u): the follower next reads the record a forward-recurrence time A after the
 * leader's last renewal (E[A] = E[X²] / 2E[X]), then takes the lease at its first try at least L
 * later (E = E[X]·E[N] by Wald, N the first n with X₁ + … + Xₙ ≥ L); the crash came V after that
 * renewal, uniform on [0, P) (E[V] = P/2).
 */
function expectedLeaderless(jitter: number): number {
  if (jitter === 0) return Math.ceil(L / P) * P; // A − V averages 0; the tries land on the grid
  const meanX = P * (1 + jitter / 2);
  const meanX2 = P * P * (1 + jitter + (jitter * jitter) / 3);
  let expectedN = 0; // Σ over n ≥ 0 of P(Sₙ < L)
  for (let n = 0; n < 100; n++) expectedN += n === 0 ? 1 : irwinHall(n, (L - n * P) / (P * jitter));
  return meanX2 / (2 * meanX) + meanX * expectedN - P / 2;
}

describe("leader election", () => {
  test("a crash of the leader leaves no leader for ⌈L/P⌉·P = 16 s with tries on a fixed period", () => {
    const result = simulate(scenario({ candidates: 2, jitter: 0, crashes: [{ every: "60s", for: "20s" }] }));
    const { leaderless, crashes, twoLeaders } = election(result);
    expect(crashes).toBe(199);
    // Per crash: 16 + (δ − V), δ and V independent uniforms on [0, P): sd P/√6; plus the first election (< P).
    const tolerance = (4 * (P / Math.sqrt(6))) / Math.sqrt(crashes) + P / crashes;
    expect(Math.abs(leaderless / crashes - expectedLeaderless(0))).toBeLessThan(tolerance);
    expect(twoLeaders).toBe(0); // a crashed leader acts no more
    expect(election(result).utilization).toBeCloseTo(1 - leaderless / result.simulated.time, 6);
  });

  test("with client-go's jitter (1.2) it is about L + P: the expected figure from the defaults", () => {
    const expected = expectedLeaderless(1.2);
    expect(expected).toBeGreaterThan(L + P - 1);
    expect(expected).toBeLessThan(L + P + 1);
    const result = simulate(scenario({ candidates: 2, crashes: [{ every: "60s", for: "20s" }] }));
    const { leaderless, crashes } = election(result);
    // Per crash the figure spans at most [L − P, L + 2P(1 + jitter)]: sd at most a quarter of that width.
    const sd = (P + 2 * P * 2.2) / 4;
    expect(Math.abs(leaderless / crashes - expected)).toBeLessThan(
      4 * (sd / Math.sqrt(crashes)) + P / crashes,
    );
  });

  test("calls to the leader are refused while there is none", () => {
    const result = simulate(scenario({ candidates: 2, jitter: 0, crashes: [{ every: "60s", for: "20s" }] }));
    const { leaderless, served, rejected } = election(result);
    const share = rejected / (served + rejected);
    const expected = leaderless / result.simulated.time;
    const n = served + rejected;
    expect(Math.abs(share - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / n) + 0.01);
  });

  test("a leader paused longer than the lease acts on when it wakes, for P/2 = 1 s on average, until its next try", () => {
    const result = simulate(
      scenario({ candidates: 2, jitter: 0, pauses: { rate: 0.005, for: "30s" } }, "40000s"),
    );
    const { twoLeaders, deposed } = election(result);
    expect(deposed).toBeGreaterThan(50);
    // Each spell: the time from waking to its next try on its own schedule, uniform on [0, P).
    const tolerance = (4 * (P / Math.sqrt(12))) / Math.sqrt(deposed);
    expect(Math.abs(twoLeaders / deposed - P / 2)).toBeLessThan(tolerance);
  });

  test("pauses well within the renew deadline cost the lease nothing, and make no second leader", () => {
    // 3 s pauses: even two back to back leave the leader 2 × 3 s + P = 8 s < 10 s without a renewal.
    const result = simulate(scenario({ candidates: 3, pauses: { rate: 0.01, for: "3s" } }, "6000s"));
    const stats = election(result);
    expect(stats.pauses).toBeGreaterThan(100);
    expect(stats.deposed).toBe(0);
    expect(stats.deadlinesMissed).toBe(0);
    expect(stats.twoLeaders).toBe(0);
    expect(stats.elections).toBe(1);
  });

  test("a pause between the renew deadline and the lease makes the leader step down, not a second leader", () => {
    const result = simulate(
      scenario({ candidates: 2, jitter: 0, pauses: { rate: 0.005, for: "12s" } }, "20000s"),
    );
    const stats = election(result);
    expect(stats.deadlinesMissed).toBeGreaterThan(20);
    expect(stats.twoLeaders).toBe(0);
  });

  test("without crashes or pauses the first election ends the only time without a leader", () => {
    const result = simulate(scenario({ candidates: 3 }, "600s"));
    const stats = election(result);
    expect(stats.elections).toBe(1);
    expect(stats.leaderless).toBeLessThan(P);
    expect(stats.rejected).toBe(0);
  });

  test("a scheduled crash of the only candidate, never restarted, leaves no leader from then on", () => {
    const result = simulate(scenario({ candidates: 1, crashes: [{ at: "100s" }] }, "600s"));
    const stats = election(result);
    expect(stats.crashes).toBe(1);
    expect(stats.leaderless).toBeGreaterThanOrEqual(500);
    expect(stats.leaderless).toBeLessThan(500 + P);
  });

  test("the same scenario and seed give the same result", () => {
    const spec = {
      candidates: 3,
      crashes: [{ every: { exp: "90s" }, for: "20s" }],
      pauses: { rate: 0.01, for: { exp: "10s" } },
    };
    const a = simulate(scenario(spec, "3000s"));
    const b = simulate(scenario(spec, "3000s"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
