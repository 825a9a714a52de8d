// A partitioned stream read by a consumer group: each partition is a queue with one consumer, so more
// consumers than partitions do nothing, one hot key makes its partition lag, and a rebalance stops all.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { ConsumerGroupStats, Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by some tests
const example = (): any =>
  JSON.parse(readFileSync(join(__dirname, "../../../examples/jobs/stream-partitions.json"), "utf8"));
const group = (result: Result): ConsumerGroupStats =>
  result.components.readers as unknown as ConsumerGroupStats;

describe("streams and consumer groups", () => {
  test("each partition is an M/D/1 queue: mean lag ρ + ρ²/(2(1 − ρ)) = 1.875 at ρ = 0.75", () => {
    const g = group(simulate(example()));
    const rho = 0.75;
    const lag = rho + rho ** 2 / (2 * (1 - rho));
    // 45,000 records a partition: M/D/1's queue-length mean has a relative standard error of a few per cent.
    for (const partition of g.partitionLag) expect(Math.abs(partition.mean - lag) / lag).toBeLessThan(0.08);
    expect(Math.abs(g.utilization - (4 * rho) / 6)).toBeLessThan(0.02);
  });

  test("more consumers than partitions do nothing: 6 consumers on 4 partitions are 4 consumers", () => {
    const six = simulate(example());
    const scenario = example();
    scenario.components.readers.consumers = 4;
    const four = simulate(scenario);
    expect(group(six).idleConsumers).toBe(2);
    expect(group(four).idleConsumers).toBe(0);
    expect(group(six).lag).toEqual(group(four).lag);
    expect(group(six).consumed).toBe(group(four).consumed);
  });

  test("a hot key makes its partition lag while the others keep up", () => {
    const scenario = example();
    // Zipf over 100 keys (s = 1.1): key 0 alone is about a fifth of all records, and partition 0 also gets
    // keys 4, 8, …: more than the 100/s its consumer can handle.
    scenario.workload.requests[0].key = { zipf: { keys: 100, s: 1.1 } };
    const g = group(simulate(scenario));
    const [hot, ...others] = g.partitionLag;
    expect(hot!.mean).toBeGreaterThan(1000);
    for (const partition of others) expect(partition.mean).toBeLessThan(10);
  });

  test("one hot key: its partition's lag grows at λ·(h + (1 − h)/P) − μ whatever the consumers, the others stay bounded", () => {
    const scenario = example();
    // 40% of the records carry key 0 (partition 0); the rest spread evenly over 1000 keys, a quarter each.
    const [event] = scenario.workload.requests;
    scenario.workload.requests = [
      { ...event, name: "hot", weight: 40, key: { uniform: { keys: 1 } } },
      { ...event, name: "event", weight: 60 },
    ];
    const measured = 600;
    const hotRate = 300 * (0.4 + 0.6 / 4); // 165 records/s against one consumer of 100/s
    const runs = [4, 6].map((consumers) => {
      scenario.components.readers.consumers = consumers;
      return group(simulate(scenario));
    });
    const [hot, ...others] = runs[0]!.partitionLag;
    // Growth = (records appended − records handled) / T: the handled are μT ± 1 (the consumer is always
    // busy), the appended a Poisson count of mean hotRate·T, so 4 standard deviations are 4√(hotRate·T)/T.
    const tolerance = (4 * Math.sqrt(hotRate * measured)) / measured;
    expect(Math.abs(hot!.growth - (hotRate - 100))).toBeLessThan(tolerance);
    // The end is the lag the 20 s warm-up left plus growth × T.
    expect(hot!.end).toBeGreaterThan(hot!.growth * measured);
    for (const partition of others) {
      // 45 records/s each: M/D/1 at ρ = 0.45, whose queue length has a geometric tail of about 4.2^−n,
      // so a peak of 30 in 27,000 arrivals has odds near 1e−14.
      expect(partition.max).toBeLessThan(30);
      expect(partition.end).toBeLessThan(30);
      expect(Math.abs(partition.growth * measured)).toBeLessThan(30);
    }
    // Two more consumers get no partition: the hot one's consumer is still the only one it can have.
    expect(runs[1]!.idleConsumers).toBe(2);
    expect(runs[1]!.partitionLag).toEqual(runs[0]!.partitionLag);
  });

  test("a consumer joining stops the group for the rebalance: the lag jumps by what arrived meanwhile", () => {
    const scenario = example();
    scenario.components.readers.changes = [{ at: "300s", consumers: 5 }];
    scenario.components.readers.rebalance = "3s";
    const g = group(simulate(scenario));
    expect(g.rebalances).toBe(1);
    // 300 records/s for 3 s pile up (about 900), then drain at the spare 25/s per partition.
    expect(g.lag.max).toBeGreaterThan(800);
    expect(g.lag.max).toBeLessThan(1000);
  });
});
