import { describe, expect, test } from "vitest";
import { SyslabError } from "../../../packages/sim-core/src/errors/syslab-error";
import { sweep, sweepVariant } from "../../../packages/sim-core/src/run/sweep";
import { tandem } from "../scenario/scenario-fixtures";

function thrown(run: () => unknown): SyslabError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SyslabError);
    return error as SyslabError;
  }
  throw new Error("expected a SyslabError");
}

describe("sweep", () => {
  test("one row per value, in order, each run with that value", () => {
    const s = tandem();
    s.workload.arrival.rate = 150;
    const result = sweep(s, "components.web.servers", [1, 2, 4]);
    expect(result.path).toBe("components.web.servers");
    expect(result.values).toEqual([1, 2, 4]);
    expect(result.rows.map((r) => r.value)).toEqual([1, 2, 4]);
    // More web servers, less waiting at web: at 150/s × 5 ms, one server runs at 75%, two at 37.5%.
    const [one, two, four] = result.rows.map((r) => r.result);
    expect(one!.components.web!.utilization).toBeGreaterThan(0.7);
    expect(two!.components.web!.utilization).toBeLessThan(0.42);
    expect(one!.latency.mean).toBeGreaterThan(two!.latency.mean);
    expect(two!.latency.mean).toBeGreaterThan(four!.latency.mean * 0.98);
  });

  test("does not change its input, and takes durations as strings and indices in the path", () => {
    const s = tandem();
    const before = JSON.stringify(s);
    const result = sweep(s, "workload.requests[0].steps[1].hold", ["1ms", "4ms"]);
    expect(JSON.stringify(s)).toBe(before);
    const [fast, slow] = result.rows.map((r) => r.result);
    expect(slow!.latency.mean - fast!.latency.mean).toBeGreaterThan(0.0025);
    expect(sweep(s, "workload.requests.0.steps.1.hold", ["1ms"]).rows[0]!.result).toEqual(fast);
  });

  test("sets a field that is absent (a default) as long as its parent exists", () => {
    const result = sweep(tandem(), "components.db.capacity", [1]);
    expect(result.rows[0]!.result.requests.failed.rejected).toBeGreaterThan(0);
  });

  test("a path that leads nowhere is a clear error", () => {
    const e = thrown(() => sweep(tandem(), "components.cache.servers", [1, 2]));
    expect(e.code).toBe("sweep.path");
    expect(e.message).toBe(
      'Cannot sweep "components.cache.servers": the scenario has nothing at components.cache.',
    );
    expect(thrown(() => sweep(tandem(), "components..servers", [1])).code).toBe("sweep.path");
    expect(thrown(() => sweep(tandem(), "entry.name", [1])).code).toBe("sweep.path");
  });

  test("no values is an error", () => {
    expect(thrown(() => sweep(tandem(), "seed", [])).code).toBe("sweep.values");
  });

  test("a value the scenario cannot take is reported as a problem naming the value, before anything runs", () => {
    const e = thrown(() => sweep(tandem(), "components.web.servers", [2, 0]));
    expect(e.code).toBe("scenario.invalid");
    expect(e.problems).toEqual([
      {
        path: "components.web.servers",
        code: "scenario.too-small",
        message: "With components.web.servers = 0: Must be greater than 0; got 0.",
      },
    ]);
  });
});

describe("sweep paths that reach for JavaScript's internals", () => {
  test('"__proto__" in a path never reaches Object.prototype; as the last name it is an own field, refused', () => {
    expect(thrown(() => sweepVariant(tandem(), "__proto__.polluted", 1)).code).toBe("sweep.path");
    const variant = sweepVariant(tandem(), "components.__proto__", { polluted: 1 }) as {
      components: object;
    };
    expect(Object.getPrototypeOf(variant.components)).toBe(Object.prototype);
    expect(Object.keys(variant.components)).toContain("__proto__");
    const error = thrown(() => sweep(tandem(), "components.__proto__", [1]));
    expect(error.problems.map((p) => [p.path, p.code])).toContainEqual([
      "components.__proto__",
      "scenario.reserved-key",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("inherited fields (constructor, toString) are not part of the scenario", () => {
    for (const path of ["constructor.prototype.polluted", "components.toString.x"]) {
      const error = thrown(() => sweepVariant(tandem(), path, 1));
      expect(error.code, path).toBe("sweep.path");
    }
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a scenario nested too deeply to copy is refused before it is copied", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const error = thrown(() => sweep({ ...tandem(), description: deep }, "seed", [1]));
    expect(error.code).toBe("scenario.invalid");
    expect(error.problems.map((p) => p.code)).toEqual(["scenario.too-deep"]);
  });
});
