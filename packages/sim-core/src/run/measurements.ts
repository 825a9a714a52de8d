/**
 * Everything the result reports about requests, gathered as the run goes: counters, latency
 * and wait histograms, running moments, batch means for the CI, per-class figures, the number
 * in the system (time-weighted) and the chart series. Reset once, when warm-up ends.
 */
import type { FailureReason } from "../component/request-flow";
import type { Clock } from "../kernel/clock";
import { BatchMeans } from "../stats/batch-means";
import { LogHistogram } from "../stats/log-histogram";
import { RunningMoments } from "../stats/running-moments";
import { TimeSeries } from "../stats/time-series";
import type { Request } from "../workload/request";

/** Buckets in the chart series (even, so pairs merge cleanly). */
export const SERIES_BUCKETS = 120;
/** Batches for the confidence interval: 30 or more keeps t close to normal (Law & Kelton). */
const CI_BATCHES = 30;

export class Measurements {
  arrived = 0;
  completed = 0;
  rejected = 0;
  reset = 0;
  timeout = 0;
  /** Refused by a limiter (HTTP 429). */
  limited = 0;
  /** Completed requests that waited in a line at some point. */
  waitedCount = 0;
  readonly latency = new LogHistogram();
  readonly wait = new LogHistogram();
  readonly latencyMoments = new RunningMoments();
  /** Sums, not running means: a division per completion saved where only the mean is reported. */
  waitSum = 0;
  readonly batches = new BatchMeans(CI_BATCHES);
  readonly classArrived: Float64Array;
  readonly classCompleted: Float64Array;
  readonly classLatencySum: Float64Array;
  readonly classWaitSum: Float64Array;
  /** Attempts sent by clients that retry, per class (a class sent once has one attempt per arrival). */
  readonly classAttempts: Float64Array;
  /** Second copies sent by hedging clients, those that answered first, and attempts answered after their request was over. */
  readonly classHedges: Float64Array;
  readonly classHedgesWon: Float64Array;
  readonly classWasted: Float64Array;
  /** Requests a circuit breaker failed at once. */
  readonly classShortCircuited: Float64Array;
  /**
   * Requests in the system from the clients' view (sent, not yet completed/failed/timed out), and
   * their peak. Its time average comes from the series, which integrates the same level bucket by
   * bucket: one integration per change instead of two.
   */
  present = 0;
  presentMax = 0;
  readonly series: TimeSeries;
  startTime = 0;
  private readonly clock: Clock;

  constructor(classes: number, seriesBucketWidth: number, clock: Clock) {
    this.clock = clock;
    this.classArrived = new Float64Array(classes);
    this.classCompleted = new Float64Array(classes);
    this.classLatencySum = new Float64Array(classes);
    this.classWaitSum = new Float64Array(classes);
    this.classAttempts = new Float64Array(classes);
    this.classHedges = new Float64Array(classes);
    this.classHedgesWon = new Float64Array(classes);
    this.classWasted = new Float64Array(classes);
    this.classShortCircuited = new Float64Array(classes);
    this.series = new TimeSeries(SERIES_BUCKETS, seriesBucketWidth / SERIES_BUCKETS, clock);
  }

  start(now: number): void {
    this.startTime = now;
    this.arrived = 0;
    this.completed = 0;
    this.rejected = 0;
    this.reset = 0;
    this.timeout = 0;
    this.limited = 0;
    this.waitedCount = 0;
    this.latency.reset();
    this.wait.reset();
    this.latencyMoments.reset();
    this.waitSum = 0;
    this.batches.reset();
    this.classArrived.fill(0);
    this.classCompleted.fill(0);
    this.classLatencySum.fill(0);
    this.classWaitSum.fill(0);
    this.classAttempts.fill(0);
    this.classHedges.fill(0);
    this.classHedgesWon.fill(0);
    this.classWasted.fill(0);
    this.classShortCircuited.fill(0);
    this.presentMax = this.present;
    this.series.start(now, this.present);
  }

  /** The number in the system changes by `delta` (always tracked, measured or not). */
  changeInSystem(delta: number): void {
    const present = this.present + delta;
    this.present = present;
    if (present > this.presentMax) this.presentMax = present;
    this.series.setLevel(present);
  }

  /** A client sends a request; `sentOnce` when no retrying client stands behind it (its arrival is its one attempt). */
  recordArrival(classIndex: number, sentOnce: boolean): void {
    this.arrived++;
    this.classArrived[classIndex]!++;
    if (sentOnce) this.series.attempt();
  }

  /** Records a request completed now. Takes the request, not its times: see stats/time-weighted.ts on boxing. */
  recordCompletion(request: Request): void {
    const latency = this.clock.now - request.arrivalTime;
    const wait = request.wait;
    const classIndex = request.classIndex;
    this.completed++;
    if (request.waited) this.waitedCount++;
    this.latency.record(latency);
    this.wait.record(wait);
    this.latencyMoments.add(latency);
    this.waitSum += wait;
    this.batches.add(latency);
    this.classCompleted[classIndex]!++;
    this.classLatencySum[classIndex]! += latency;
    this.classWaitSum[classIndex]! += wait;
    this.series.complete(latency);
  }

  /** A retrying or hedging client sends an attempt of a request of this class. */
  recordAttempt(classIndex: number): void {
    this.classAttempts[classIndex]!++;
    this.series.attempt();
  }

  /** A request fails for good, for this reason. */
  recordFailure(reason: FailureReason): void {
    this[reason]++;
    this.series.fail();
  }
}
