// The consumer-lag widget's model: a group behind its producers gains lag at λ minus what its busy
// consumers handle, consumers beyond the partition count add nothing, and a hot key's partition lags
// at its own rate minus one consumer's however many consumers there are.
import { describe, expect, it } from "vitest";
import {
  CONSUMER_RATE,
  consumerLag,
  partitionGrowth,
  partitionRates,
  theoreticalGrowth,
} from "../../../apps/docs/src/widgets/consumer-lag";

const view = (consumers: number, partitions = 4, hot = 0) =>
  consumerLag.compute({ consumers, partitions, hot });
/** The per-partition table of the chosen run: offered rate, simulated growth, theory, peak lag. */
const partitionRows = (v: ReturnType<typeof view>) =>
  v.extraFigures![1]!.table.rows.map((row) => row.map((cell) => Number(cell.replace(/,/g, ""))));
const SECONDS = 60;

/**
 * A peak lag that a partition keeping up (M/D/1 at load ρ, 10 ms a record) reaches with odds below one
 * in a million over the run: its queue length has a geometric tail z^−n, z the root above 1 of
 * e^(ρ(z − 1)) = z, and each of its ρμT arrivals is a chance to set a peak.
 */
function peakBound(rho: number): number {
  let low = 1;
  let high = 100;
  for (let i = 0; i < 100; i++) {
    const z = (low + high) / 2;
    if (Math.exp(rho * (z - 1)) < z) low = z;
    else high = z;
  }
  return Math.ceil(Math.log(rho * CONSUMER_RATE * SECONDS * 1e6) / Math.log(low));
}
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("consumer-lag widget", () => {
  it("the lag grows at λ − c·μ while every consumer is behind: 480 − 100c records/s", () => {
    for (const c of [1, 2, 3, 4]) {
      const expected = 480 - 100 * c;
      expect(theoreticalGrowth(c, 4)).toBe(expected);
      // Poisson arrivals over 60 s: the realised rate is within a few records/s of 480.
      expect(Math.abs(number(view(c), "growth") - expected), `${c} consumers`).toBeLessThan(12);
    }
  });

  it("consumers beyond the partition count sit idle and change nothing", () => {
    const four = view(4);
    for (const c of [5, 6, 8]) {
      const more = view(c);
      expect(number(more, "idle")).toBe(c - 4);
      expect(number(more, "max-lag")).toBe(number(four, "max-lag"));
      expect(number(more, "consumed")).toBe(number(four, "consumed"));
    }
    expect(number(four, "idle")).toBe(0);
  });

  it("an uneven split: 5 consumers on 8 partitions grow the lag by what the owners of two cannot handle", () => {
    // Three consumers own two partitions (120 records/s against 100), two own one (60): 3 × 20 = 60.
    expect(theoreticalGrowth(5, 8)).toBe(60);
    expect(Math.abs(number(view(5, 8), "growth") - 60)).toBeLessThan(12);
    // Eight consumers on eight partitions keep up: no growth.
    expect(number(view(8, 8), "growth-theory")).toBe(0);
    expect(Math.abs(number(view(8, 8), "growth"))).toBeLessThan(1);
  });

  it("states the default run's figures as fields of its result", () => {
    const v = view(2);
    expect(v.scenario).toMatchObject({
      components: { readers: { consumers: 2 }, events: { partitions: 4 } },
    });
    expect(v.numbers.filter((n) => n.field).map((n) => n.field)).toContain("components.readers.lag.max");
  });

  it("one hot key at h: partition 0 is offered λ·(h + (1 − h)/P), the others λ·(1 − h)/P", () => {
    expect(partitionRates(4, 50)).toEqual([300, 60, 60, 60]);
    expect(partitionRates(8, 25)).toEqual([165, 45, 45, 45, 45, 45, 45, 45]);
    expect(partitionRates(4, 0)).toEqual([120, 120, 120, 120]);
  });

  it("a hot partition with its own consumer grows at its rate − μ, and more consumers do not help", () => {
    for (const [partitions, hot] of [
      [4, 50],
      [4, 25],
      [8, 50],
      [8, 25],
    ] as const) {
      const hotRate = partitionRates(partitions, hot)[0]!;
      const expected = hotRate - CONSUMER_RATE;
      // Growth = (appended − handled)/T; the handled are μT ± 1, the appended Poisson with mean hotRate·T:
      // 4 standard deviations of the count, plus the one record in service, over T.
      const tolerance = (4 * Math.sqrt(hotRate * SECONDS) + 1) / SECONDS;
      const own = view(partitions, partitions, hot);
      expect(number(own, "hot-growth-theory")).toBe(expected);
      expect(
        Math.abs(number(own, "hot-growth") - expected),
        `${partitions} partitions, ${hot}%`,
      ).toBeLessThan(tolerance);
      // The other partitions (λ(1 − h)/P ≤ 90 records/s, under μ) keep up: no growth, a bounded peak.
      const bound = peakBound(partitionRates(partitions, hot)[1]! / CONSUMER_RATE);
      const rows = partitionRows(own);
      for (const [partition, , growth, theory, peak] of rows.slice(1)) {
        expect(theory, `partition ${partition}`).toBe(0);
        // A lag that ends within the bound of where it started: |growth| · T under it.
        expect(Math.abs(growth!) * SECONDS, `partition ${partition}`).toBeLessThan(bound);
        expect(peak!, `partition ${partition}`).toBeLessThan(bound);
      }
      expect(number(own, "others-max-lag")).toBeLessThan(bound);
      // Twice the consumers: the extra ones get no partition and the hot one's lag is the same.
      const double = view(2 * partitions, partitions, hot);
      expect(number(double, "idle")).toBe(partitions);
      expect(number(double, "hot-growth")).toBe(number(own, "hot-growth"));
      expect(number(double, "max-lag")).toBe(number(own, "max-lag"));
    }
  });

  it("the group's lag then grows at the hot partition's rate alone: 200 records/s with half the records on one key, against 80 spread", () => {
    expect(theoreticalGrowth(4, 4, 50)).toBe(200);
    expect(theoreticalGrowth(4, 4, 0)).toBe(80);
    const hot = view(4, 4, 50);
    const spread = view(4, 4, 0);
    expect(Math.abs(number(hot, "growth") - 200)).toBeLessThan(12);
    expect(Math.abs(number(spread, "growth") - 80)).toBeLessThan(12);
    // With keys spread, 8 consumers on 8 partitions keep up; with the hot key they cannot.
    expect(number(view(8, 8, 0), "hot-growth")).toBe(0);
    expect(number(view(8, 8, 50), "hot-growth")).toBeGreaterThan(150);
  });

  it("a consumer owning the hot partition and another splits its μ fairly: 3 consumers, 4 partitions, half on one key", () => {
    // Consumer 0 owns partitions 0 (300/s) and 3 (60/s): each gets 50/s, so they grow by 250 and 10.
    expect(partitionGrowth(3, 4, 50)).toEqual([250, 0, 0, 10]);
    const rows = partitionRows(view(3, 4, 50));
    const tolerance = (4 * Math.sqrt(300 * SECONDS) + 1) / SECONDS;
    expect(Math.abs(rows[0]![2]! - 250)).toBeLessThan(tolerance);
    expect(Math.abs(rows[3]![2]! - 10)).toBeLessThan((4 * Math.sqrt(60 * SECONDS) + 1) / SECONDS);
    expect(Math.abs(rows[1]![2]!) * SECONDS).toBeLessThan(peakBound(0.6));
    // Offered rates the table shows are the realised counts over 60 s.
    expect(Math.abs(rows[0]![1]! - 300)).toBeLessThan((4 * Math.sqrt(300 * SECONDS)) / SECONDS + 1);
  });

  it("the hot partition's growth is a field of the run's result", () => {
    const v = view(4, 4, 50);
    const field = v.numbers.find((n) => n.id === "hot-growth")!.field;
    expect(field).toBe("components.readers.partitionLag.0.growth");
    expect(v.scenario).toMatchObject({
      workload: { requests: [{ name: "hot", weight: 50 }, { weight: 50 }] },
    });
  });
});
