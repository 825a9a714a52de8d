/**
 * A streaming, mergeable histogram of non-negative durations with bounded relative error,
 * for percentiles without keeping samples. Values are recorded as integer nanoseconds in
 * HdrHistogram's layout: exact below 2^11 ns, then 1,024 linear sub-buckets per power of two,
 * so any reported percentile is within 1/2,048 (0.05%) of a recorded value.
 *
 * Why not hdr-histogram-js: its entry module pulls in a WebAssembly blob, pako and base64
 * codecs (CommonJS) into the browser bundle, and its generic `recordValue` path (auto-resize
 * checks, count-array abstraction) cost more per record than this integer arithmetic; this is
 * the same bucket scheme in ~80 lines, with nothing to initialise.
 */

const SUB_BUCKET_BITS = 10;
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS; // 1,024
const EXACT_LIMIT = 2 * SUB_BUCKETS; // values below 2,048 ns are their own bucket
const MAX_SHIFT = 53 - SUB_BUCKET_BITS; // values up to 2^53 ns (about 104 days)
const BUCKETS = (MAX_SHIFT + 2) * SUB_BUCKETS;
const TWO_POW_32 = 4294967296;
const NS_PER_SECOND = 1e9;

// Powers of two for the shift: a table lookup instead of Math.pow on every record.
const POW2 = new Float64Array(64);
for (let i = 0; i < 64; i++) POW2[i] = 2 ** i;

export class LogHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private maxSeconds = 0;

  get count(): number {
    return this.total;
  }

  /** Records a duration in seconds. */
  record(seconds: number): void {
    let ns = Math.round(seconds * NS_PER_SECOND);
    if (!(ns > 0))
      ns = 0; // also maps NaN to 0
    else if (ns >= POW2[53]!) ns = POW2[53]! - 1;
    this.counts[bucketOf(ns)]!++;
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
      if (seen >= rank) return Math.min(midpointOf(i) / NS_PER_SECOND, this.maxSeconds);
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

function bucketOf(ns: number): number {
  if (ns < EXACT_LIMIT) return ns;
  const high = Math.floor(ns / TWO_POW_32);
  const topBit = high > 0 ? 63 - Math.clz32(high) : 31 - Math.clz32(ns);
  const shift = topBit - SUB_BUCKET_BITS; // ≥ 1 here
  return shift * SUB_BUCKETS + Math.floor(ns / POW2[shift]!);
}

function midpointOf(bucket: number): number {
  if (bucket < EXACT_LIMIT) return bucket;
  const shift = Math.floor(bucket / SUB_BUCKETS) - 1;
  const sub = bucket - shift * SUB_BUCKETS;
  return (sub + 0.5) * POW2[shift]!;
}
