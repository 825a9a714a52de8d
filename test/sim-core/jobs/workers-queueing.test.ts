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
