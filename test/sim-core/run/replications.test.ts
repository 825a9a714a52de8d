/**
 * Replications (packages/sim-core/src/run/replications.ts): across-replication Student-t
 * intervals cover the exact M/M/c figures about 95% of the time, precision mode stops at the
 * first replication count that meets its target, and the limits bound the replications together.
 */
import { type Result, runScenario, SyslabError, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import {
  ReplicationPlan,
  replicationSeed,
  runReplications,
} from "../../../packages/sim-core/src/run/replications";
import { tableStudentT975 } from "../../../packages/sim-core/src/stats/student-t";
import { erlangC } from "../support/erlang-c";
import { exp, openStation } from "../support/scenarios";

const LAMBDA = 1;
const MU = 1;
const SERVERS = 2;

/** M/M/2 at ρ = 0.5, replicated. */
function mm2(seed: number, replications: number, requests = 2000) {
  const scenario = openStation({
    rate: LAMBDA,
    service: exp(1 / MU),
    station: { servers: SERVERS },
    requests,
    warmup: 200,
    seed,
  });
  return { ...scenario, run: { ...scenario.run, replications } };
}

function covers([low, high]: [number, number], value: number): boolean {
  return low <= value && value <= high;
}

describe("replications", () => {
  it("has intervals that cover the exact M/M/2 mean latency, utilisation and throughput about 95% of the time", () => {
    const theory = erlangC(SERVERS, LAMBDA, MU);
    const experiments = 200;
    const hits = { latency: 0, utilization: 0, throughput: 0, inSystem: 0 };
    for (let seed = 1; seed <= experiments; seed++) {
      // 5 replications: 4 degrees of freedom, where t (2.776) and the normal (1.960) differ most.
      const summary = runReplications(mm2(seed, 5)).replications!;
      expect(summary.count).toBe(5);
      if (covers(summary.latency.mean.ci95, theory.w)) hits.latency++;
      if (covers(summary.components.q!.utilization.ci95, theory.utilization)) hits.utilization++;
      if (covers(summary.throughput.ci95, LAMBDA)) hits.throughput++;
      if (covers(summary.inSystem.mean.ci95, theory.l)) hits.inSystem++;
    }
    // Binomial(200, 0.95): sd 3.1 hits; 180…199 is beyond 3.2 sd on either side. Normal
    // quantiles instead of t's (coverage ≈ 88%) or intervals from one run's spread would fail.
    for (const [figure, count] of Object.entries(hits)) {
      expect({ figure, count }).toEqual({
        figure,
        count: expect.toSatisfy((n: number) => n >= 180 && n <= 199),
      });
    }
  }, 120_000);

  it("keeps replication 0's figures at the top level, as one run with the scenario's seed", () => {
    const single = simulate(asInput(3, { replications: 3 }));
    const { replications: _, scenarioHash: _hash, ...first } = single;
    const { scenarioHash: _plainHash, ...plain } = simulate(asInput(3, undefined));
    expect(first).toEqual(plain);
    expect(single.replications!.seeds).toEqual([3, replicationSeed(3, 1), replicationSeed(3, 2)]);
    expect(new Set(single.replications!.seeds).size).toBe(3);
  });

  it("uses Student's t for the interval over a few replications", () => {
    const result = simulate(asInput(5, { replications: 4 }));
    const { value, ci95, sd } = result.replications!.latency.mean;
    expect((ci95[1] - ci95[0]) / 2).toBeCloseTo((tableStudentT975(3) * sd) / 2, 6);
    expect(value).toBeGreaterThan(ci95[0]);
    expect(tableStudentT975(3)).toBeCloseTo(3.182446, 6);
    expect(tableStudentT975(40)).toBeCloseTo(2.021075, 3);
  });

  it("stops as soon as the precision target is met, and not before", () => {
    const target = { metric: "latency.p99", relative: 0.05, maxReplications: 50 };
    const result = simulate(asInput(11, { precision: target }));
    const summary = result.replications!;
    expect(summary.stoppedBy).toBe("precision");
    expect(summary.precision!.met).toBe(true);
    expect(summary.precision!.achieved).toBeLessThanOrEqual(0.05);
    const k = summary.count;
    expect(k).toBeGreaterThan(3);
    expect(k).toBeLessThan(50);
    // The same seeds with one replication fewer fall short of the target.
    const fewer = simulate(asInput(11, { replications: k - 1 })).replications!;
    expect(fewer.seeds).toEqual(summary.seeds.slice(0, k - 1));
    const { value, ci95 } = fewer.latency.p99;
    expect((ci95[1] - ci95[0]) / 2 / value).toBeGreaterThan(0.05);
  });

  it("reports a target it could not meet within maxReplications", () => {
    const result = simulate(
      asInput(2, { precision: { metric: "components.q.utilization", relative: 0.0001, maxReplications: 4 } }),
    );
    expect(result.replications!.count).toBe(4);
    expect(result.replications!.stoppedBy).toBe("max-replications");
    expect(result.replications!.precision!.met).toBe(false);
  });

  it("gives the same result whatever order the replications finish in", () => {
    const scenario = { ...mm2(9, 6, 500) };
    const inOrder = runReplications(scenario);
    const plan = new ReplicationPlan(scenario);
    const runs: Result[] = [];
    for (let i = 0; i < 6; i++) runs.push(runScenario(plan.scenarioFor(i)));
    for (const i of [5, 3, 1, 0, 4, 2]) {
      expect(plan.done).toBe(false);
      plan.record(i, runs[i]!);
    }
    expect(plan.done).toBe(true);
    expect(plan.summary()).toEqual(inOrder);
  });

  it("bounds the replications together by the run's event limit", () => {
    const one = simulate(asInput(4, undefined)).simulated.events;
    const input = asInput(4, { replications: 10 });
    input.run.limits = { maxEvents: Math.ceil(one * 3.5) };
    expect(() => simulate(input)).toThrow(SyslabError);
    try {
      simulate(input);
    } catch (error) {
      expect((error as SyslabError).code).toBe("limit.replications");
      expect((error as SyslabError).message).toMatch(/after 3 of at most 10 replications/);
    }
  });

  it("rejects a precision metric that is not a key figure, naming the field", () => {
    const problems = (input: unknown) => {
      try {
        simulate(input);
        return [];
      } catch (error) {
        return (error as SyslabError).problems.map((p) => `${p.path}: ${p.code}`);
      }
    };
    expect(problems(asInput(1, { precision: { metric: "latency.p42", relative: 0.05 } }))).toEqual([
      "run.precision.metric: scenario.precision-metric",
    ]);
    expect(
      problems(asInput(1, { precision: { metric: "components.nope.utilization", relative: 0.05 } })),
    ).toEqual(["run.precision.metric: scenario.unknown-component"]);
    expect(
      problems(asInput(1, { replications: 3, precision: { metric: "throughput", relative: 0.05 } })),
    ).toEqual(["run.replications: scenario.replications-and-precision"]);
    expect(problems(asInput(1, { replications: 1 }))[0]).toMatch(/^run.replications: /);
  });
});

/** The M/M/2 scenario as a user writes it, with `extra` in its run section. */
function asInput(seed: number, extra: Record<string, unknown> | undefined) {
  return {
    version: 1,
    seed,
    run: { requests: 2000, warmup: 200, ...extra } as Record<string, unknown>,
    workload: {
      arrival: { process: "poisson", rate: LAMBDA },
      requests: [{ name: "job", steps: [{ service: { exp: `${1 / MU}s` } }] }],
    },
    entry: "q",
    components: { q: { type: "station", servers: SERVERS } },
  };
}
