// keyPlacement: where a hash balancer sends each key, asked of the chooser a run uses, so a run over
// those keys sends each backend exactly the requests of the keys placed on it.
import { keyPlacement, SyslabError, simulate } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";

const backends = ["s0", "s1", "s2", "s3", "s4"];
const ring = { type: "balancer", algorithm: "consistent-hash", backends, virtualNodes: 160 };

/** A run of `requests` requests whose keys are uniform over 0 … keys − 1, through `balancer`. */
function run(balancer: object, keys: number, requests: number) {
  const components: Record<string, unknown> = { lb: balancer };
  for (const name of backends) components[name] = { type: "station", servers: 4 };
  const result = simulate({
    version: 1,
    seed: 3,
    run: { requests },
    workload: {
      arrival: { process: "poisson", rate: 100 },
      requests: [{ name: "get", key: { uniform: { keys } }, steps: [{ service: { exp: "1ms" } }] }],
    },
    entry: "lb",
    components,
  });
  const lb = result.components.lb as unknown as { backends: Record<string, { requests: number }> };
  return { sent: backends.map((name) => lb.backends[name]!.requests) };
}

describe("keyPlacement", () => {
  it.each([
    ["consistent-hash", ring],
    ["hash", { type: "balancer", algorithm: "hash", backends }],
  ])("places keys where a %s run sends them", (_, balancer) => {
    // Three keys over five backends: at least two get none, and must receive no request at all.
    const keys = 3;
    const placement = keyPlacement(balancer, keys);
    const requests = 6000;
    const { sent } = run(balancer, keys, requests);
    const total = sent.reduce((a, b) => a + b, 0);
    backends.forEach((_, b) => {
      const placed = placement.filter((p) => p === b).length;
      if (placed === 0) {
        expect(sent[b], `backend ${b}`).toBe(0);
        return;
      }
      // Each request picks one of the 3 keys uniformly: a backend's count is binomial(total, placed/3).
      const p = placed / keys;
      expect(Math.abs(sent[b]! - total * p), `backend ${b}`).toBeLessThan(
        4 * Math.sqrt(total * p * (1 - p)) + 1,
      );
    });
  });

  it("gives the same keys the same backends whatever else the scenario says", () => {
    const a = keyPlacement(ring, 1000);
    const b = keyPlacement({ ...ring, boundedLoad: 1.25, panicThreshold: 0 }, 1000);
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(backends.length);
  });

  it("defaults to 160 virtual nodes, as a scenario's balancer does", () => {
    const { virtualNodes: _, ...withoutVirtualNodes } = ring;
    expect(keyPlacement(withoutVirtualNodes, 2000)).toEqual(keyPlacement(ring, 2000));
    expect(keyPlacement({ ...ring, virtualNodes: 1 }, 2000)).not.toEqual(keyPlacement(ring, 2000));
  });

  it("gives −1 to every key when there are no backends", () => {
    expect([...keyPlacement({ ...ring, backends: [] }, 4)]).toEqual([-1, -1, -1, -1]);
  });

  it("refuses an invalid balancer with every problem named by its field", () => {
    let error: unknown;
    try {
      keyPlacement({ ...ring, virtualNodes: 0 }, 10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyslabError);
    expect((error as SyslabError).code).toBe("scenario.invalid");
    expect((error as SyslabError).problems.map((p) => p.path)).toEqual(["virtualNodes"]);
  });

  it("refuses algorithms that do not route by key, and key counts out of range", () => {
    expect(() => keyPlacement({ ...ring, algorithm: "round-robin", virtualNodes: undefined }, 10)).toThrow(
      /Only "hash" and "consistent-hash"/,
    );
    expect(() => keyPlacement(ring, 0)).toThrow(/keys must be a whole number from 1 to 1000000; got 0/);
    expect(() => keyPlacement(ring, 1_000_001)).toThrow(RangeError);
    expect(() => keyPlacement(ring, 2.5)).toThrow(RangeError);
  });
});
