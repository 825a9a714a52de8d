/**
 * Paired comparisons on common random numbers (packages/sim-core/src/run/compare.ts and
 * random/request-random.ts): on M/M/1 at λ = 0.8, μ = 1 against μ = 1.05, pairing the two on one
 * seed cuts the variance of the latency difference several-fold; a scenario compared with itself
 * differs by exactly zero; and problems name their side.
 */
import {
  compare,
  documentHash,
  parseDocument,
  runDocument,
  runScenario,
  type SyslabError,
} from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { RunningMoments } from "../../../packages/sim-core/src/stats/running-moments";
import { exp, openStation } from "../support/scenarios";

const LAMBDA = 0.8;

const mm1 = (mu: number, seed: number, requests = 20_000) =>
  openStation({ rate: LAMBDA, service: exp(1 / mu), requests, warmup: 1000, seed });

/** The same M/M/1 as a user writes it. */
const input = (mu: number, extra: Record<string, unknown> = {}) => ({
  version: 1,
  seed: 5,
  run: { requests: 20_000, warmup: 1000, ...extra },
  workload: {
    arrival: { process: "poisson", rate: LAMBDA },
    requests: [{ name: "job", steps: [{ service: { exp: 1 / mu } }] }],
  },
  entry: "q",
  components: { q: { type: "station" } },
});

describe("paired comparisons", () => {
  it("pairing on one seed makes the M/M/1 latency difference's variance several times smaller than independent runs'", () => {
    const paired = new RunningMoments();
    const independent = new RunningMoments();
    for (let seed = 1; seed <= 60; seed++) {
      const a = runScenario(mm1(1, seed)).latency.mean;
      const sameSeed = runScenario(mm1(1.05, seed)).latency.mean;
      const otherSeed = runScenario(mm1(1.05, seed + 10_000)).latency.mean;
      paired.add(sameSeed - a);
      independent.add(otherSeed - a);
    }
    const ratio = independent.variance / paired.variance;
    console.log(
      `variance of the difference: independent ${independent.variance.toFixed(4)}, paired ${paired.variance.toFixed(4)}, ratio ${ratio.toFixed(1)}`,
    );
    // About 8× (the figure); a variance ratio from 60 pairs is within a factor 1.5 or so
    // of its true value, so 4 is "several times" with room, and 1 (no pairing) is far below it.
    expect(ratio).toBeGreaterThan(4);
    // Both estimate the same difference: W = 1/(μ − λ), 4 − 5 = −1 s.
    expect(paired.mean).toBeCloseTo(-1, 0);
  }, 120_000);

  it("gives the difference b − a with an interval that covers the exact M/M/1 difference", () => {
    const result = compare(input(1), input(1.05));
    expect(Object.keys(result)).toEqual(["a", "b", "difference"]);
    expect(result.a.replications!.count).toBe(10);
    expect(result.b.replications!.seeds).toEqual(result.a.replications!.seeds);
    const { value, ci95 } = result.difference.latency.mean;
    expect(ci95[0]).toBeLessThanOrEqual(-1);
    expect(ci95[1]).toBeGreaterThanOrEqual(-1);
    expect(value).toBeLessThan(0);
    // Utilisation λ/μ: 0.8 → 0.762, a difference of −0.038.
    const utilization = result.difference.components.q!.utilization;
    expect(utilization.ci95[0]).toBeLessThanOrEqual(0.8 / 1.05 - 0.8);
    expect(utilization.ci95[1]).toBeGreaterThanOrEqual(0.8 / 1.05 - 0.8);
    expect(Object.keys(result.difference)).toEqual([
      "latency",
      "wait",
      "throughput",
      "inSystem",
      "components",
    ]);
    expect(Object.keys(result.difference.latency.p99)).toEqual(["value", "ci95"]);
  });

  it("a scenario compared with itself differs by exactly zero", () => {
    const result = compare(input(1, { replications: 4 }), input(1, { replications: 4 }));
    expect(result.a).toEqual(result.b);
    const numbers: number[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === "number") numbers.push(value);
      else if (value !== null && typeof value === "object") Object.values(value).forEach(walk);
    };
    walk(result.difference);
    expect(numbers.length).toBe(3 * 9); // value and both ends of ci95, for 9 figures
    expect(numbers.every((n) => Object.is(n, 0))).toBe(true);
  });

  it("pairs on side a's seed and the larger replication count", () => {
    const result = compare(input(1, { replications: 3 }), { ...input(1.05, { replications: 5 }), seed: 99 });
    expect(result.a.replications!.count).toBe(5);
    expect(result.b.replications!.seeds).toEqual(result.a.replications!.seeds);
    expect(result.b.seed).toBe(5);
  });

  it("names the side and the field of each problem", () => {
    let problems: SyslabError["problems"] = [];
    try {
      compare(
        { ...input(1), entry: "nope" },
        input(1.05, { precision: { metric: "throughput", relative: 0.1 } }),
      );
    } catch (error) {
      problems = (error as SyslabError).problems;
    }
    expect(problems.map((p) => `${p.path}: ${p.code}`)).toEqual([
      "a.entry: scenario.unknown-component",
      "b.run.precision: comparison.precision",
    ]);
    expect(problems[0]!.message).toMatch(/^In scenario a: /);
  });

  it("is a document kind: { kind: comparison, a, b } runs as compare(a, b) and hashes as the pair it makes", () => {
    const a = input(1, { replications: 3 });
    const b = input(1.05);
    const parsed = parseDocument({ version: 1, kind: "comparison", a, b });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(runDocument(parsed.document)).toEqual({ kind: "comparison", output: compare(a, b) });
    // b written with the seed and count it is paired with is the same comparison.
    const same = parseDocument({
      version: 1,
      kind: "comparison",
      a,
      b: { ...b, run: { ...b.run, replications: 3 } },
    });
    if (!same.ok) throw new Error("invalid");
    expect(documentHash(same.document)).toBe(documentHash(parsed.document));
    const missing = parseDocument({ version: 1, kind: "comparison", a, extra: 1 });
    expect(missing.ok ? [] : missing.problems.map((p) => `${p.path}: ${p.code}`)).toEqual([
      "extra: document.comparison",
      "b: document.comparison",
    ]);
  });
});
