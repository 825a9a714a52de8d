// One contract for every balancing algorithm (as Hono runs one suite over all its routers): a
// chooser picks only usable backends, says −1 when there are none, reaches every backend, gives
// each the same share when the weights are equal, and is deterministic for a seed.
import { describe, expect, test } from "vitest";
import { BackendSet } from "../../../packages/sim-core/src/balancers/backend-set";
import { ALGORITHMS, balancerSchema } from "../../../packages/sim-core/src/balancers/balancer-schema";
import { chooserFor } from "../../../packages/sim-core/src/balancers/chooser-for";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { Request } from "../../../packages/sim-core/src/workload/request";

const N = 6;
const names = Array.from({ length: N }, (_, i) => `s${i}`);

function setUp(algorithm: (typeof ALGORITHMS)[number], seed = 1) {
  const spec = balancerSchema.parse({ type: "balancer", algorithm, backends: names });
  const set = new BackendSet(names, Array(N).fill(1), 0, 0, new Simulation());
  return { set, chooser: chooserFor(spec), rng: randomStream(seed, "contract"), request: new Request() };
}

/**
 * Picks `n` times, each request a new key, keeping a few in flight (each pick stays until a
 * random later pick ends it), so load-aware choosers see changing loads.
 */
function picks(algorithm: (typeof ALGORITHMS)[number], n: number, seed = 1, down: number[] = []) {
  const { set, chooser, rng, request } = setUp(algorithm, seed);
  for (const b of down) set.setHealthy(b, false);
  const counts = new Array(N).fill(0);
  const sequence: number[] = [];
  const inFlight: number[] = [];
  for (let i = 0; i < n; i++) {
    request.key = i;
    const b = chooser.choose(set, request, rng);
    sequence.push(b);
    counts[b]++;
    set.inFlight[b]!++;
    set.totalInFlight++;
    inFlight.push(b);
    if (inFlight.length > 2 * N) {
      const [gone] = inFlight.splice(Math.floor(rng.nextDouble() * inFlight.length), 1);
      set.inFlight[gone!]!--;
      set.totalInFlight--;
    }
  }
  return { counts, sequence };
}

describe.each(ALGORITHMS.map((a) => [a]))("the %s algorithm", (algorithm) => {
  test("chooses only usable backends", () => {
    const { counts } = picks(algorithm, 6000, 1, [1, 4]);
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBe(0);
    expect(counts[0] + counts[2] + counts[3] + counts[5]).toBe(6000);
  });

  test("says −1 when no backend is usable", () => {
    const { set, chooser, rng, request } = setUp(algorithm);
    for (let b = 0; b < N; b++) set.setHealthy(b, false);
    expect(chooser.choose(set, request, rng)).toBe(-1);
  });

  test("gives equal backends equal shares over many requests", () => {
    // 60,000 picks: a binomial share of 1/6 has sd √(60000 × 1/6 × 5/6) ≈ 91 picks; a ring of 160
    // virtual nodes per backend gives each an arc whose share varies by about 1/√160 ≈ 8%.
    const n = 60000;
    const { counts } = picks(algorithm, n);
    const tolerance = algorithm === "consistent-hash" ? 0.3 : 0.05;
    for (const count of counts) expect(Math.abs(count / (n / N) - 1)).toBeLessThan(tolerance);
  });

  test("picks the same sequence for the same seed", () => {
    expect(picks(algorithm, 500, 7).sequence).toEqual(picks(algorithm, 500, 7).sequence);
  });

  test("in panic mode (below the threshold) sends to every backend", () => {
    const spec = balancerSchema.parse({ type: "balancer", algorithm, backends: names });
    const set = new BackendSet(names, Array(N).fill(1), 50, 0, new Simulation());
    for (const b of [0, 1, 2, 3]) set.setHealthy(b, false); // 2 of 6 healthy: below 50%
    expect(set.panic).toBe(true);
    const chooser = chooserFor(spec);
    const rng = randomStream(3, "panic");
    const request = new Request();
    const seen = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      request.key = i;
      seen.add(chooser.choose(set, request, rng));
    }
    expect(seen.size).toBe(N);
  });
});
