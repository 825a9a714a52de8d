/**
 * The seeded random source every component draws from: a pure-rand xoroshiro128+ generator
 * behind a tiny object with `nextDouble()`. It is passed in, never global (no Math.random).
 */
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

const TWO_POW_27 = 134217728;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Anything that draws uniforms in [0, 1): a sequential generator, or a request's own stream. */
export interface RandomSource {
  nextDouble(): number;
}

export class Rng implements RandomSource {
  private readonly generator: RandomGenerator;

  constructor(generator: RandomGenerator) {
    this.generator = generator;
  }

  /** A signed 32-bit integer, uniform. */
  nextInt32(): number {
    return this.generator.next();
  }

  /**
   * A double uniform in [0, 1), a multiple of 2^-53. It takes the high bits of two draws:
   * xoroshiro128+'s lowest bits are its weakest (Blackman & Vigna, 2018).
   */
  nextDouble(): number {
    const high = this.generator.next() >>> 6; // 26 bits
    const low = this.generator.next() >>> 5; // 27 bits
    return (high * TWO_POW_27 + low) * TWO_POW_MINUS_53;
  }
}
