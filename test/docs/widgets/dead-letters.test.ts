// The dead-letters widget's model: poison messages end in the dead-letter queue (or fail for good
// after their retries) at about p × N, and each takes maxReceives attempts of worker time first.
import { describe, expect, it } from "vitest";
import {
  deadLetters,
  GOOD_SERVICE,
  POISON,
  poisonService,
  RECEIVES,
} from "../../../apps/docs/src/widgets/dead-letters";

const view = (poison: number, receives: number, mode: string) =>
  deadLetters.compute({ poison, receives, mode });
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("dead-letters widget", () => {
  for (const mode of ["redrive", "retry"]) {
    it(`${mode}: the parked messages are about p × N, within three binomial deviations`, () => {
      for (const p of POISON) {
        const v = view(p, 3, mode);
        const expected = number(v, "expected");
        const n = expected / p;
        const sd = Math.sqrt(n * p * (1 - p));
        expect(Math.abs(number(v, "parked") - expected)).toBeLessThan(3 * sd + 1);
      }
    });

    it(`${mode}: every poison message takes maxReceives attempts, each holding a process for its time`, () => {
      for (const r of RECEIVES) {
        const v = view(0.1, r, mode);
        const parked = number(v, "parked");
        const n = Math.round(number(v, "expected") / 0.1);
        // Executions: one per good message and r per poison one.
        expect(number(v, "executions")).toBe(n - parked + r * parked);
        const theory = parked * r * poisonService(mode);
        expect(Math.abs(number(v, "poison-time") - theory)).toBeLessThan(1e-6 * theory + 0.01);
      }
    });
  }

  it("a poison message that hangs past the visibility timeout costs far more than one that raises", () => {
    const hangs = number(view(0.05, 3, "redrive"), "poison-share");
    const raises = number(view(0.05, 3, "retry"), "poison-share");
    // 5% poison × 3 × 10 s against 95% × 100 ms: the hung attempts are nearly all the work done.
    expect(hangs).toBeGreaterThan(0.9);
    // 5% × 3 × 100 ms against 95% × 100 ms: about 14% of the work.
    const share = (0.05 * 3) / (0.05 * 3 + 0.95);
    expect(Math.abs(raises - share)).toBeLessThan(0.05);
    expect(GOOD_SERVICE).toBe(poisonService("retry"));
  });
});
