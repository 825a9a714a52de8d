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
