/**
 * A time series at a bounded number of fixed-width buckets, for charts: completions, the
 * latency sum of those completions, the time-weighted number in the system, and the attempts
 * retrying clients send and the requests that fail for good. When time
 * runs past the last bucket (a run measured by request count has no known end), neighbouring
 * buckets are merged pairwise and the width doubles, so memory stays fixed. A time on the right
 * edge of the last bucket (a duration run's end, where the measured window fills the buckets
 * exactly) belongs to the last bucket and does not merge.
 */
import type { Clock } from "../kernel/clock";

/** Slack, in buckets, for a time on a bucket edge: the same slack `finish` uses to count buckets. */
const EDGE_SLACK = 1e-9;

/**
 * The bucket that holds `time`: ⌊(time − origin)/width⌋, except that a time on the right edge of
 * the last bucket, or within rounding of it, is in the last bucket. Past that it is `buckets` or
 * more, and the caller merges. A run's end is warm-up end + length, so end − origin can miss the
 * length by a few ulps of the end time itself: that rounding is allowed for besides EDGE_SLACK.
 */
export function bucketIndex(time: number, origin: number, width: number, buckets: number): number {
  const position = (time - origin) / width;
  const bucket = Math.floor(position);
  if (bucket < buckets) return bucket;
  const rounding = (4 * Number.EPSILON * Math.max(Math.abs(time), Math.abs(origin))) / width;
  return position <= buckets + EDGE_SLACK + rounding ? buckets - 1 : bucket;
}

export class TimeSeries {
  private readonly maxBuckets: number;
  private width: number;
  private origin = 0;
  private readonly completions: Float64Array;
  private readonly latencySums: Float64Array;
  private readonly areas: Float64Array;
  private readonly attempts: Float64Array;
  private readonly failures: Float64Array;
  private level = 0;
  private lastTime = 0;
  // The bucket last written and where it ends: most updates fall in it, so no division is needed.
  private currentBucket = 0;
  private currentEnd = 0;

  private readonly clock: Clock;

  constructor(maxBuckets: number, initialWidth: number, clock: Clock) {
    this.clock = clock;
    this.maxBuckets = maxBuckets;
    this.width = initialWidth > 0 ? initialWidth : 1e-3;
    this.completions = new Float64Array(maxBuckets);
    this.latencySums = new Float64Array(maxBuckets);
    this.areas = new Float64Array(maxBuckets);
    this.attempts = new Float64Array(maxBuckets);
    this.failures = new Float64Array(maxBuckets);
  }

  /** Starts the series at `now` with the current number in the system. */
  start(now: number, level: number): void {
    this.origin = now;
    this.lastTime = now;
    this.level = level;
    this.currentBucket = 0;
    this.currentEnd = now + this.width;
    this.completions.fill(0);
    this.latencySums.fill(0);
    this.areas.fill(0);
    this.attempts.fill(0);
    this.failures.fill(0);
  }

  /** A client sends an attempt (a retry, a hedge, or a retrying client's first try), now. */
  attempt(): void {
    this.attempts[this.bucketAt(this.clock.now)]!++;
  }

  /** A request fails for good (its client gets the error), now. */
  fail(): void {
    this.failures[this.bucketAt(this.clock.now)]!++;
  }

  /** Records a completion with its latency, now (the time is read from the clock: see time-weighted.ts). */
  complete(latency: number): void {
    const bucket = this.bucketAt(this.clock.now);
    this.completions[bucket]!++;
    this.latencySums[bucket]! += latency;
  }

  /** The number in the system changes to `level`, now. */
  setLevel(level: number): void {
    const now = this.clock.now;
    if (now < this.currentEnd && this.lastTime >= this.currentEnd - this.width) {
      // Fast path, nearly every call: the last update and now fall in the same bucket.
      this.areas[this.currentBucket]! += this.level * (now - this.lastTime);
      this.lastTime = now;
    } else {
      this.accumulate(now);
    }
    this.level = level;
  }

  /** The time-weighted mean level over [start, end]: the buckets' areas summed (merging keeps sums). */
  meanLevel(end: number): number {
    this.accumulate(end);
    if (end <= this.origin) return this.level;
    let area = 0;
    for (let i = 0; i < this.maxBuckets; i++) area += this.areas[i]!;
    return area / (end - this.origin);
  }

  /** The buckets covering [start, end], as arrays for the result. */
  finish(end: number): {
    time: number[];
    bucketWidth: number;
    throughput: number[];
    latencyMean: number[];
    inSystem: number[];
    attempts: number[];
    failed: number[];
  } {
    this.accumulate(end);
    const used = Math.min(
      this.maxBuckets,
      Math.max(1, Math.ceil((end - this.origin) / this.width - EDGE_SLACK)),
    );
    const time: number[] = [];
    const throughput: number[] = [];
    const latencyMean: number[] = [];
    const inSystem: number[] = [];
    const attempts: number[] = [];
    const failed: number[] = [];
    for (let i = 0; i < used; i++) {
      const bucketStart = i * this.width;
      const span = Math.min(this.width, end - this.origin - bucketStart);
      const n = this.completions[i]!;
      time.push(bucketStart);
      throughput.push(span > 0 ? n / span : 0);
      latencyMean.push(n > 0 ? this.latencySums[i]! / n : 0);
      inSystem.push(span > 0 ? this.areas[i]! / span : this.level);
      attempts.push(span > 0 ? this.attempts[i]! / span : 0);
      failed.push(span > 0 ? this.failures[i]! / span : 0);
    }
    return { time, bucketWidth: this.width, throughput, latencyMean, inSystem, attempts, failed };
  }

  private bucketAt(now: number): number {
    if (now < this.currentEnd && now >= this.currentEnd - this.width) return this.currentBucket;
    let bucket = bucketIndex(now, this.origin, this.width, this.maxBuckets);
    while (bucket >= this.maxBuckets) {
      this.mergePairs();
      bucket = bucketIndex(now, this.origin, this.width, this.maxBuckets);
    }
    bucket = Math.max(bucket, 0);
    this.currentBucket = bucket;
    this.currentEnd = this.origin + (bucket + 1) * this.width;
    return bucket;
  }

  /** Adds the area under the level from the last update to `now`, split across buckets. */
  private accumulate(now: number): void {
    if (now <= this.lastTime) return;
    const endBucket = this.bucketAt(now); // first, since it may merge and widen the buckets
    let t = this.lastTime;
    let bucket = bucketIndex(t, this.origin, this.width, this.maxBuckets);
    while (bucket < endBucket) {
      const boundary = this.origin + (bucket + 1) * this.width;
      this.areas[bucket]! += this.level * (boundary - t);
      t = boundary;
      bucket++;
    }
    this.areas[endBucket]! += this.level * (now - t);
    this.lastTime = now;
  }

  private mergePairs(): void {
    const half = this.maxBuckets >> 1;
    for (let i = 0; i < half; i++) {
      this.completions[i] = this.completions[2 * i]! + this.completions[2 * i + 1]!;
      this.latencySums[i] = this.latencySums[2 * i]! + this.latencySums[2 * i + 1]!;
      this.areas[i] = this.areas[2 * i]! + this.areas[2 * i + 1]!;
      this.attempts[i] = this.attempts[2 * i]! + this.attempts[2 * i + 1]!;
      this.failures[i] = this.failures[2 * i]! + this.failures[2 * i + 1]!;
    }
    this.completions.fill(0, half);
    this.latencySums.fill(0, half);
    this.areas.fill(0, half);
    this.attempts.fill(0, half);
    this.failures.fill(0, half);
    this.width *= 2;
    this.currentEnd = Number.NEGATIVE_INFINITY; // the cached bucket is stale after a merge
  }
}
