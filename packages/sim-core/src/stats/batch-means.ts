/**
 * Batch means for a 95% confidence interval of a mean from one correlated run: values are
 * grouped in completion order into equal batches whose means are nearly independent, and
 * the interval is mean ± t_{0.975,k−1}·s/√k over the k batch means.
 *
 * The run length is not known in advance, so batches start at one value each; whenever
 * 2·target batches are full, neighbours are merged pairwise and the batch size doubles.
 * At the end there are between `target` and 2·target full batches (the last, partial batch is
 * dropped), using O(target) memory.
 */
import { studentT975 } from "./student-t";

export class BatchMeans {
  private readonly target: number;
  private readonly sums: Float64Array;
  private full = 0;
  private batchSize = 1;
  private currentSum = 0;
  private currentCount = 0;

  constructor(targetBatches = 30) {
    this.target = targetBatches;
    this.sums = new Float64Array(2 * targetBatches);
  }

  add(x: number): void {
    this.currentSum += x;
    if (++this.currentCount < this.batchSize) return;
    this.sums[this.full++] = this.currentSum;
    this.currentSum = 0;
    this.currentCount = 0;
    if (this.full === this.sums.length) {
      for (let i = 0; i < this.target; i++) this.sums[i] = this.sums[2 * i]! + this.sums[2 * i + 1]!;
      this.full = this.target;
      this.batchSize *= 2;
    }
  }

  /** The number of full batches. */
  get batches(): number {
    return this.full;
  }

  /** The half-width of the 95% interval; 0 with fewer than two batches. */
  halfWidth95(): number {
    const k = this.full;
    if (k < 2) return 0;
    let mean = 0;
    for (let i = 0; i < k; i++) mean += this.sums[i]! / this.batchSize;
    mean /= k;
    let squares = 0;
    for (let i = 0; i < k; i++) {
      const d = this.sums[i]! / this.batchSize - mean;
      squares += d * d;
    }
    return (studentT975(k - 1) * Math.sqrt(squares / (k - 1))) / Math.sqrt(k);
  }

  reset(): void {
    this.full = 0;
    this.batchSize = 1;
    this.currentSum = 0;
    this.currentCount = 0;
  }
}
