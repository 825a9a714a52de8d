/**
 * A streaming, mergeable histogram of non-negative durations with bounded relative error,
 * for percentiles without keeping samples. Buckets are log-linear like HdrHistogram's: each
 * power of two is split into 1,024 equal sub-buckets, so a reported percentile (its bucket's
 * midpoint) is within 1/2,048 (0.05%) of a recorded value. The bucket is read straight from
 * the IEEE-754 bits of the value — exponent and top 10 mantissa bits — so recording is a
 * store, a load and a shift: no logarithm, no division, and the same on every platform.
 * Range: 2^-30 s (about 1 ns; anything shorter counts as 0) to 2^24 s (about 194 days).
 *
 * Why not hdr-histogram-js: its entry module pulls a WebAssembly blob, pako and base64 codecs
 * (CommonJS) into the browser bundle, and its generic recordValue (integer conversion,
 * auto-resize checks, count-array indirection) measured about 30 ns per record here, a
 * noticeable share of a request's cost in the M/M/c benchmark; this is the same bucket
 * scheme in a few lines.
 */

const SUB_BUCKET_BITS = 10;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const MIN_EXPONENT = 1023 - 30; // biased exponent of 2^-30
const MAX_EXPONENT = 1023 + 23; // biased exponent of the highest octave kept, [2^23, 2^24)
const FIRST_RAW = MIN_EXPONENT * SUB_BUCKETS;
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT + 1) * SUB_BUCKETS + 1; // bucket 0 holds values below 2^-30

// One shared 8-byte view to read a double's bits (little-endian hosts: word 1 is the high word).
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class LogHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private maxSeconds = 0;

  get count(): number {
    return this.total;
  }

  /** Records a duration in seconds. */
  record(seconds: number): void {
    bits[0] = seconds;
    // Sign, exponent and top 10 mantissa bits: the log-linear bucket, in order.
    let bucket = (words[HIGH]! >>> (20 - SUB_BUCKET_BITS)) - FIRST_RAW + 1;
    if (bucket < 1 || !(seconds > 0))
      bucket = 0; // tiny, zero, negative (sign bit) or NaN
    else if (bucket >= BUCKETS) bucket = BUCKETS - 1;
    this.counts[bucket]!++;
    this.total++;
    if (seconds > this.maxSeconds) this.maxSeconds = seconds;
  }

  /** The largest value recorded, exactly. */
  get max(): number {
    return this.maxSeconds;
  }

  /** The value at quantile q ∈ [0, 1] (the midpoint of its bucket), in seconds; 0 when empty. */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(midpointOf(i), this.maxSeconds);
    }
    return this.maxSeconds;
  }

  /** Adds another histogram's counts to this one. */
  merge(other: LogHistogram): void {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    if (other.maxSeconds > this.maxSeconds) this.maxSeconds = other.maxSeconds;
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.maxSeconds = 0;
  }
}

/** The lower edge of bucket i ≥ 1, rebuilt from its exponent and sub-bucket bits. */
function lowerEdgeOf(bucket: number): number {
  words[HIGH] = (bucket - 1 + FIRST_RAW) << (20 - SUB_BUCKET_BITS);
  words[1 - HIGH] = 0;
  return bits[0]!;
}

function midpointOf(bucket: number): number {
  if (bucket === 0) return 0;
  return (lowerEdgeOf(bucket) + lowerEdgeOf(bucket + 1)) / 2;
}
