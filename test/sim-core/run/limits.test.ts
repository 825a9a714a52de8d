// Limits end a run with the right SyslabError instead of a hang; cancellation and progress reports.
import { runScenario, SyslabError } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";
import { effectiveLimits } from "../../../packages/sim-core/src/run/limits";
import { exp, openStation } from "../support/scenarios";

function thrown(run: () => unknown): SyslabError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SyslabError);
    return error as SyslabError;
  }
  throw new Error("expected the run to throw");
}

// An overloaded queue (ρ = 2) never finishes its measured requests: only a limit stops it.
const overloaded = openStation({ rate: 2, service: exp(1), requests: 1_000_000, warmup: 0 });

describe("run limits", () => {
  test("maxEvents → limit.events, naming the limit and the time reached", () => {
    const error = thrown(() =>
      runScenario({ ...overloaded, run: { ...overloaded.run, limits: { maxEvents: 50_000 } } }),
    );
    expect(error.code).toBe("limit.events");
    expect(error.message).toContain("50000 events");
    expect(error.hint).toContain("maxEvents");
  });

  test("maxSimTime → limit.sim-time", () => {
    const error = thrown(() => runScenario(overloaded, { limits: { maxSimTime: 1000 } }));
    expect(error.code).toBe("limit.sim-time");
    expect(error.message).toContain("1000 s");
  });

  test("maxWallTime → limit.wall-time", () => {
    const error = thrown(() => runScenario(overloaded, { limits: { maxWallTime: 0.05 } }));
    expect(error.code).toBe("limit.wall-time");
  });

  test("maxInFlight → limit.in-flight: an overloaded queue is stopped before it eats the heap", () => {
    // At ρ = 2 the queue grows by about one request per second of simulated time.
    const error = thrown(() =>
      runScenario({ ...overloaded, run: { ...overloaded.run, limits: { maxInFlight: 5_000 } } }),
    );
    expect(error.code).toBe("limit.in-flight");
    expect(error.message).toMatch(/^More than 5000 requests were in the system at once at simulated time \d/);
    expect(error.hint).toContain('"capacity"');
    // A stable system never comes near the limit: the same queue at ρ = 0.5 finishes.
    const stable = openStation({ rate: 0.5, service: exp(1), requests: 20_000, warmup: 0 });
    const result = runScenario({ ...stable, run: { ...stable.run, limits: { maxInFlight: 5_000 } } });
    expect(result.requests.completed).toBe(20_000);
    expect(result.components.q!.inSystem.max).toBeLessThan(100);
  });

  test("the stricter of the scenario's and the host's limits wins; defaults fill the rest", () => {
    expect(effectiveLimits({ maxEvents: 10 }, { maxEvents: 20, maxWallTime: 5 })).toEqual({
      maxEvents: 10,
      maxWallTime: 5,
      maxSimTime: 1e7,
      maxInFlight: 1_000_000,
    });
    expect(effectiveLimits({ maxEvents: 1e12 }, {}).maxEvents).toBe(1e12);
    const error = thrown(() =>
      runScenario(
        { ...overloaded, run: { ...overloaded.run, limits: { maxEvents: 1e9 } } },
        { limits: { maxEvents: 40_000 } },
      ),
    );
    expect(error.code).toBe("limit.events");
  });

  test("a cancelled run throws run.aborted", () => {
    const signal = { aborted: false };
    const error = thrown(() =>
      runScenario(overloaded, {
        signal,
        progressEvery: 10_000,
        onProgress: () => {
          signal.aborted = true;
        },
      }),
    );
    expect(error.code).toBe("run.aborted");
  });

  test("progress is reported every progressEvery events with a growing fraction", () => {
    const reports: { events: number; fraction: number }[] = [];
    runScenario(openStation({ rate: 0.5, service: exp(1), requests: 50_000 }), {
      progressEvery: 20_000,
      onProgress: (p) => reports.push({ events: p.events, fraction: p.fraction }),
    });
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports[0]!.events).toBe(20_000);
    for (let i = 1; i < reports.length; i++)
      expect(reports[i]!.fraction).toBeGreaterThanOrEqual(reports[i - 1]!.fraction);
    expect(reports.at(-1)!.fraction).toBeGreaterThan(0.8);
  });
});
