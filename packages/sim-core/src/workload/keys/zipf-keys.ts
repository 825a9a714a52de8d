/**
 * Zipf-distributed keys: key k (0-based) has probability ∝ (k + 1)^−s, so a few keys are hot and
 * a long tail is cold — the popularity that caches and sticky balancers meet in practice.
 *
 * Drawn in O(1) expected time and O(1) memory by rejection-inversion (Hörmann and Derflinger,
 * "Rejection-inversion to generate variates from monotone discrete distributions", ACM TOMACS
 * 6(3), 1996): invert the integral H of the continuous hat x^−s at a uniform point, round to the
 * nearest rank, and accept unless the point fell in the sliver between the hat and the bar of
 * that rank. No table of N probabilities is kept, so millions of keys cost nothing up front.
 */
import type { RandomSource } from "../../random/rng";
import type { KeySampler } from "./key-sampler";

export class ZipfKeys implements KeySampler {
  private readonly hAtLowest: number;
  private readonly hAtHighest: number;
  /** Below this distance from its rank a point is accepted without evaluating H (the squeeze). */
  private readonly squeeze: number;

  constructor(
    readonly keys: number,
    private readonly s: number,
  ) {
    this.hAtLowest = this.integral(1.5) - 1;
    this.hAtHighest = this.integral(keys + 0.5);
    this.squeeze = 2 - this.inverse(this.integral(2.5) - this.hat(2));
  }

  sample(rng: RandomSource): number {
    for (;;) {
      const u = this.hAtHighest + rng.nextDouble() * (this.hAtLowest - this.hAtHighest);
      const x = this.inverse(u);
      let rank = Math.floor(x + 0.5);
      if (rank < 1) rank = 1;
      else if (rank > this.keys) rank = this.keys;
      if (rank - x <= this.squeeze || u >= this.integral(rank + 0.5) - this.hat(rank)) return rank - 1;
    }
  }

  /** The hat x^−s. */
  private hat(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  /** H(x) = ∫₁ˣ t^−s dt = (x^(1−s) − 1)/(1 − s), or log x at s = 1, written to stay exact near s = 1. */
  private integral(x: number): number {
    const logX = Math.log(x);
    return expm1OverX((1 - this.s) * logX) * logX;
  }

  /** The inverse of H. */
  private inverse(y: number): number {
    const t = y * (1 - this.s);
    // Rounding can push t just below −1 at the far end of the range; the limit there is x = N + 0.5.
    return Math.exp(log1pOverX(t < -1 ? -1 : t) * y);
  }
}

/** (e^x − 1)/x, continuous at 0. */
function expm1OverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x / 2;
}

/** ln(1 + x)/x, continuous at 0. */
function log1pOverX(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x / 2;
}
