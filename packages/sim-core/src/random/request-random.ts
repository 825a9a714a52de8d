/**
 * Counter-based random streams tied to requests, for common random numbers: the N-th request a
 * client sends draws its class, key and demands (service, CPU, I/O and hold times) from a stream
 * that is a pure function of (scenario seed, N, draw index), not of the order in which the
 * components happen to serve it. Two configurations run with one seed thus give request N the
 * same work, so their difference is not drowned in unrelated noise (Law & Kelton, §11.2).
 *
 * Each pooled Request object owns two RequestRandoms (demands, and class and key), re-keyed when the object is reused: no
 * allocation per request. A request a component spawns (a retried attempt, say) gets a stream
 * derived from its parent's and its rank among the parent's children.
 */
import type { RandomSource } from "./rng";
import { mix32 } from "./streams";

const GOLDEN = 0x9e3779b9;

export const LANE_DEMANDS = 0;
export const LANE_IDENTITY = 0x2545f491;
const TWO_POW_27 = 134217728;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** The seed words every request stream of one run starts from. */
export class RequestStreams {
  readonly seedA: number;
  readonly seedB: number;

  constructor(seed: number) {
    const low = seed | 0;
    const high = Math.floor(seed / 4294967296) | 0;
    this.seedA = mix32(low ^ mix32(high ^ 0x3c6ef372));
    this.seedB = mix32(this.seedA ^ 0x7f4a7c15);
  }
}

export class RequestRandom implements RandomSource {
  /** Two words that name the stream; the draw counter walks along it. */
  private wordA = 0;
  private wordB = 0;
  private counter = 0;
  /** Children spawned so far, for deriving their streams. */
  private children = 0;

  /**
   * Keys the stream to the `sequence`-th request clients sent in the run of `streams`, in `lane`:
   * LANE_DEMANDS for its work, LANE_IDENTITY for its class and key (so a class that draws a key
   * shifts no demand).
   */
  assign(streams: RequestStreams, sequence: number, lane: number): void {
    this.wordA = mix32(streams.seedA ^ mix32(Math.imul(sequence | 0, GOLDEN) ^ streams.seedB) ^ lane);
    this.wordB = mix32(this.wordA ^ streams.seedB);
    this.counter = 0;
    this.children = 0;
  }

  /** Keys the stream to the next child of the request that owns `parent`. */
  assignChild(parent: RequestRandom): void {
    const rank = ++parent.children;
    this.wordA = mix32(parent.wordA ^ mix32(Math.imul(rank, GOLDEN) ^ parent.wordB));
    this.wordB = mix32(this.wordA ^ parent.wordB ^ 0x1b873593);
    this.counter = 0;
    this.children = 0;
  }

  /** A double uniform in [0, 1), a multiple of 2^-53: two hashes of (stream, counter). */
  nextDouble(): number {
    // Two rounds of the murmur3 finalizer per word: one leaves neighbouring counters faintly correlated.
    const c = Math.imul(++this.counter, GOLDEN);
    const first = mix32(mix32(this.wordA ^ c) + this.wordB);
    const second = mix32(mix32(first ^ c) ^ this.wordA);
    return ((first >>> 6) * TWO_POW_27 + (second >>> 5)) * TWO_POW_MINUS_53;
  }
}
