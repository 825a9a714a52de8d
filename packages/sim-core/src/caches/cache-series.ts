/**
 * A cache's figures over time, in buckets laid out as the run's series (stats/time-series.ts):
 * the same number, the same starting width and the same pairwise merging when time runs past the
 * last bucket (a time on the last bucket's right edge stays in it), so bucket i here covers the
 * same span as bucket i of the run's series.
 *
 * The p99 of read time per bucket comes from a small log histogram per bucket (bins a quarter of
 * an octave wide from 1 µs to 16 s: 96 counts per bucket, 92 KB for the series), so it is read to
 * within ±9%: enough to chart a stampede's spike, and no list of samples is kept.
 */
import type { Clock } from "../kernel/clock";
import { bucketIndex } from "../stats/time-series";

const MIN_READ = 1e-6;
const BINS_PER_OCTAVE = 4;
const READ_BINS = 96;

export class CacheSeries {
  private width: number;
  private origin = 0;
  private readonly hits: Float64Array;
  private readonly reads: Float64Array;
  private readonly calls: Float64Array;
  /** READ_BINS counts per bucket: bin 0 below 1 µs, bin b covers [2^((b−1)/4), 2^(b/4)) µs. */
  private readonly readTimes: Float64Array;

  constructor(
    private readonly buckets: number,
    initialWidth: number,
    private readonly clock: Clock,
  ) {
    this.width = initialWidth > 0 ? initialWidth : 1e-3;
    this.hits = new Float64Array(buckets);
    this.reads = new Float64Array(buckets);
    this.calls = new Float64Array(buckets);
    this.readTimes = new Float64Array(buckets * READ_BINS);
  }

  start(now: number): void {
    this.origin = now;
    this.hits.fill(0);
    this.reads.fill(0);
    this.calls.fill(0);
    this.readTimes.fill(0);
  }

  read(hit: boolean): void {
    const bucket = this.bucketAt(this.clock.now);
    this.reads[bucket]!++;
    if (hit) this.hits[bucket]!++;
  }

  /** A read has been answered (or has failed) after `seconds` at the cache. */
  readTime(seconds: number): void {
    const bucket = this.bucketAt(this.clock.now);
    let bin = seconds < MIN_READ ? 0 : Math.floor(Math.log2(seconds / MIN_READ) * BINS_PER_OCTAVE) + 1;
    if (bin >= READ_BINS) bin = READ_BINS - 1;
    this.readTimes[bucket * READ_BINS + bin]!++;
  }

  call(): void {
    this.calls[this.bucketAt(this.clock.now)]!++;
  }

  finish(end: number): { hitRatio: number[]; targetCalls: number[]; readTimeP99: number[] } {
    this.bucketAt(end);
    const used = Math.min(this.buckets, Math.max(1, Math.ceil((end - this.origin) / this.width - 1e-9)));
    const hitRatio: number[] = [];
    const targetCalls: number[] = [];
    const readTimeP99: number[] = [];
    for (let i = 0; i < used; i++) {
      readTimeP99.push(this.quantile(i, 0.99));
      const span = Math.min(this.width, end - this.origin - i * this.width);
      const reads = this.reads[i]!;
      hitRatio.push(reads > 0 ? this.hits[i]! / reads : 0);
      targetCalls.push(span > 0 ? this.calls[i]! / span : 0);
    }
    return { hitRatio, targetCalls, readTimeP99 };
  }

  /** The q-quantile of bucket i's read times, at its bin's geometric midpoint (0 with no reads). */
  private quantile(bucket: number, q: number): number {
    const base = bucket * READ_BINS;
    let total = 0;
    for (let b = 0; b < READ_BINS; b++) total += this.readTimes[base + b]!;
    if (total === 0) return 0;
    const rank = Math.ceil(q * total);
    let seen = 0;
    for (let b = 0; b < READ_BINS; b++) {
      seen += this.readTimes[base + b]!;
      if (seen >= rank) return b === 0 ? 0 : MIN_READ * 2 ** ((b - 0.5) / BINS_PER_OCTAVE);
    }
    return 0;
  }

  private bucketAt(now: number): number {
    let bucket = bucketIndex(now, this.origin, this.width, this.buckets);
    while (bucket >= this.buckets) {
      const half = this.buckets >> 1;
      for (const counts of [this.hits, this.reads, this.calls]) {
        for (let i = 0; i < half; i++) counts[i] = counts[2 * i]! + counts[2 * i + 1]!;
        counts.fill(0, half);
      }
      const times = this.readTimes;
      for (let i = 0; i < half; i++) {
        for (let b = 0; b < READ_BINS; b++) {
          times[i * READ_BINS + b] = times[2 * i * READ_BINS + b]! + times[(2 * i + 1) * READ_BINS + b]!;
        }
      }
      times.fill(0, half * READ_BINS);
      this.width *= 2;
      bucket = bucketIndex(now, this.origin, this.width, this.buckets);
    }
    return bucket < 0 ? 0 : bucket;
  }
}
