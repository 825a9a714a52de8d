// A broker with c worker processes and exponential tasks is an M/M/c queue: the time from publish
// to result (W) and the wait before a task starts (Wq) match Erlang C, as the stations do.
import { describe, expect, test } from "vitest";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { erlangC } from "../support/erlang-c";
import { runChecked } from "../support/run-checked";
import { expectWithinCi } from "../support/tolerance";
import { broker, jobScenario, workers } from "./job-scenarios";

function run(input: Record<string, unknown>) {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return runChecked(parsed.scenario);
}

describe("broker + workers as M/M/c", () => {
  for (const [c, rho, prefetch] of [
    [1, 0.7, 4],
    [4, 0.8, 1],
    [4, 0.8, 0],
  ] as const) {
    test(`c = ${c}, ρ = ${rho}, prefetch ${prefetch}`, () => {
      const lambda = rho * c;
      const theory = erlangC(c, lambda, 1);
      // Push with no delay: the client knows when the result is stored, so its latency is W.
      const result = run(
        jobScenario({
          rate: lambda,
          task: { steps: [{ service: { exp: "1s" } }] },
          wait: { by: "push" },
          broker: { visibilityTimeout: "1h" },
          workers: { processes: c, prefetch },
          duration: 40_000,
          warmup: 500,
          seed: 20 + c,
        }),
      );
      expectWithinCi(result.latency.mean, theory.w, result, 1, "W");
      // A single consumer's reserved tasks and the broker's queue form one FIFO: Wq is the same.
      expectWithinCi(workers(result).wait.mean, theory.wq, result, 1, "Wq");
      expect(broker(result).notificationDelay.max).toBe(0);
      expect(broker(result).redelivered).toBe(0);
    });
  }
});

describe("sizes that would exhaust memory are refused at the field", () => {
  // Each process and each consumer has a slot in arrays sized when the run starts: a mistyped
  // 1e9 must be a validation problem, not a process killed for want of memory.
  test("processes above 4096", () => {
    const input = jobScenario({
      rate: 1,
      task: { name: "t", steps: [{ service: "1s" }] },
      workers: { processes: 1e9 },
    });
    const parsed = parseScenario(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toEqual(["components.work.processes"]);
  });

  test("consumers above 10,000", () => {
    const parsed = parseScenario({
      version: 1,
      run: { duration: "10s" },
      workload: {
        arrival: { process: "poisson", rate: 1 },
        requests: [{ name: "r", steps: [{ service: "1ms" }] }],
      },
      entry: "q",
      components: {
        q: { type: "station" },
        events: { type: "stream", partitions: 4 },
        group: { type: "consumer-group", stream: "events", consumers: 1e9 },
      },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain("components.group.consumers");
  });
});
