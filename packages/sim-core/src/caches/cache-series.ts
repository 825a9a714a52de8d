/**
 * A cache's figures over time, in buckets laid out as the run's series (stats/time-series.ts):
 * the same number, the same starting width and the same pairwise merging when time runs past the
 * last bucket, so bucket i here covers the same span as bucket i of the run's series.
 */
import type { Clock } from "../kernel/clock";

export class CacheSeries {
  private width: number;
  private origin = 0;
  private readonly hits: Float64Array;
  private readonly reads: Float64Array;
  private readonly calls: Float64Array;

  constructor(
    private readonly buckets: number,
    initialWidth: number,
    private readonly clock: Clock,
  ) {
    this.width = initialWidth > 0 ? initialWidth : 1e-3;
    this.hits = new Float64Array(buckets);
    this.reads = new Float64Array(buckets);
    this.calls = new Float64Array(buckets);
  }

  start(now: number): void {
    this.origin = now;
    this.hits.fill(0);
    this.reads.fill(0);
    this.calls.fill(0);
  }

  read(hit: boolean): void {
    const bucket = this.bucketAt(this.clock.now);
    this.reads[bucket]!++;
    if (hit) this.hits[bucket]!++;
  }

  call(): void {
    this.calls[this.bucketAt(this.clock.now)]!++;
  }

  finish(end: number): { hitRatio: number[]; targetCalls: number[] } {
    this.bucketAt(end);
    const used = Math.min(this.buckets, Math.max(1, Math.ceil((end - this.origin) / this.width - 1e-9)));
    const hitRatio: number[] = [];
    const targetCalls: number[] = [];
    for (let i = 0; i < used; i++) {
      const span = Math.min(this.width, end - this.origin - i * this.width);
      const reads = this.reads[i]!;
      hitRatio.push(reads > 0 ? this.hits[i]! / reads : 0);
      targetCalls.push(span > 0 ? this.calls[i]! / span : 0);
    }
    return { hitRatio, targetCalls };
  }

  private bucketAt(now: number): number {
    let bucket = Math.floor((now - this.origin) / this.width);
    while (bucket >= this.buckets) {
      const half = this.buckets >> 1;
      for (const counts of [this.hits, this.reads, this.calls]) {
        for (let i = 0; i < half; i++) counts[i] = counts[2 * i]! + counts[2 * i + 1]!;
        counts.fill(0, half);
      }
      this.width *= 2;
      bucket = Math.floor((now - this.origin) / this.width);
    }
    return bucket < 0 ? 0 : bucket;
  }
}
