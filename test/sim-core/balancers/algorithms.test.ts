// Each algorithm's own promise: smooth weighted round robin's order and shares, how many keys
// move when a backend is added (consistent hashing ≈ 1/N, modulo most), and bounded loads.
import { describe, expect, test } from "vitest";
import { BackendSet } from "../../../packages/sim-core/src/balancers/backend-set";
import { ConsistentHash } from "../../../packages/sim-core/src/balancers/consistent-hash";
import { ModuloHash } from "../../../packages/sim-core/src/balancers/hash";
import { WeightedRoundRobin } from "../../../packages/sim-core/src/balancers/weighted-round-robin";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { Request } from "../../../packages/sim-core/src/workload/request";

const rng = randomStream(1, "algorithms");

function set(names: string[], weights = names.map(() => 1)) {
  return new BackendSet(names, weights, 0, 0, new Simulation());
}

describe("smooth weighted round robin", () => {
  test("weights 5:1:1 give A A B A C A A, as NGINX does", () => {
    const backends = set(["A", "B", "C"], [5, 1, 1]);
    const wrr = new WeightedRoundRobin();
    const order = Array.from({ length: 14 }, () => "ABC"[wrr.choose(backends)]).join("");
    expect(order).toBe("AABACAAAABACAA");
  });

  test("long-run shares are the weights' shares, exactly each cycle", () => {
    const backends = set(["A", "B", "C", "D"], [3, 2, 4, 1]);
    const wrr = new WeightedRoundRobin();
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[wrr.choose(backends)]!++;
    expect(counts).toEqual([300, 200, 400, 100]);
  });
});

/** Where each of `keys` keys goes among the backends named. */
function placement(
  names: string[],
  chooserFor: (names: string[]) => { choose: ConsistentHash["choose"] },
  keys: number,
) {
  const backends = set(names);
  const chooser = chooserFor(names);
  const request = new Request();
  return Array.from({ length: keys }, (_, key) => {
    request.key = key;
    return names[chooser.choose(backends, request, rng)]!;
  });
}

describe("adding the N-th backend", () => {
  const keys = 20000;
  const ring = (names: string[]) =>
    new ConsistentHash(
      names,
      names.map(() => 1),
      160,
      Infinity,
    );
  const modulo = () => new ModuloHash();

  test.each([5, 10, 20])(
    "consistent hashing moves about 1/N of the keys (N = %i), only to the new backend",
    (n) => {
      const before = Array.from({ length: n - 1 }, (_, i) => `s${i}`);
      const after = [...before, `s${n - 1}`];
      const a = placement(before, ring, keys);
      const b = placement(after, ring, keys);
      let moved = 0;
      for (let k = 0; k < keys; k++) {
        if (a[k] === b[k]) continue;
        moved++;
        expect(b[k]).toBe(`s${n - 1}`); // a key moves only to the new backend
      }
      // The new backend's arc is 1/N of the ring on average; with 160 points its share varies by
      // about 1/√160 ≈ 8%, and 20,000 keys add a binomial sd under 1%.
      expect(moved / keys).toBeGreaterThan(0.7 / n);
      expect(moved / keys).toBeLessThan(1.3 / n);
    },
  );

  test.each([5, 10, 20])("modulo hashing moves most of them, (N − 1)/N (N = %i)", (n) => {
    const before = Array.from({ length: n - 1 }, (_, i) => `s${i}`);
    const after = [...before, `s${n - 1}`];
    const a = placement(before, modulo, keys);
    const b = placement(after, modulo, keys);
    const moved = a.filter((name, k) => name !== b[k]).length / keys;
    expect(Math.abs(moved - (n - 1) / n)).toBeLessThan(0.02);
  });

  test("one virtual node per backend spreads keys much less evenly than 160", () => {
    const names = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const spread = (v: number) => {
      const shares = new Map<string, number>();
      for (const name of placement(
        names,
        (n) =>
          new ConsistentHash(
            n,
            n.map(() => 1),
            v,
            Infinity,
          ),
        keys,
      ))
        shares.set(name, (shares.get(name) ?? 0) + 1);
      return Math.max(...names.map((n) => shares.get(n) ?? 0)) / (keys / 10);
    };
    expect(spread(1)).toBeGreaterThan(1.5); // the largest of 10 uniform arcs is about 2.9× the mean
    expect(spread(160)).toBeLessThan(1.35);
  });
});

test("bounded loads keep every backend at or below ⌈c × the mean⌉ in flight, even for one hot key", () => {
  const names = Array.from({ length: 8 }, (_, i) => `s${i}`);
  const backends = set(names);
  const c = 1.25;
  const chooser = new ConsistentHash(
    names,
    names.map(() => 1),
    160,
    c,
  );
  const request = new Request();
  request.key = 42; // every request the same key
  for (let i = 0; i < 400; i++) {
    const b = chooser.choose(backends, request, rng);
    const capacity = Math.ceil((c * (backends.totalInFlight + 1)) / names.length);
    expect(backends.inFlight[b]!).toBeLessThan(capacity);
    backends.inFlight[b]!++;
    backends.totalInFlight++;
  }
  expect(Math.max(...backends.inFlight)).toBeLessThanOrEqual(Math.ceil((c * 400) / 8));
});
