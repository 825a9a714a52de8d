// The consumer-lag widget's model: a group behind its producers gains lag at λ minus what its busy
// consumers handle, and consumers beyond the partition count add nothing.
import { describe, expect, it } from "vitest";
import { consumerLag, theoreticalGrowth } from "../../../apps/docs/src/widgets/consumer-lag";

const view = (consumers: number, partitions = 4) => consumerLag.compute({ consumers, partitions });
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
});
