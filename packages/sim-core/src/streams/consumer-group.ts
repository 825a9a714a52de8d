/**
 * A consumer group: partition p belongs to consumer p mod consumers, so consumers beyond the number of
 * partitions get none and idle. Each consumer handles one record at a time, taking its partitions in
 * turn, and a partition's records are handled in order (the next waits until the one before is done).
 * A change in the number of consumers stops the whole group for `rebalance` seconds (the classic eager
 * protocol), then the partitions are shared out again. Lag is the records appended and not yet handled.
 * While its stream is down (an outage) the consumers cannot fetch, and while the group itself is down
 * it reads nothing: records being handled finish, the rest wait in the log, and the lag they build is
 * worked off once both are up.
 */
import type { Component, ComponentContext } from "../component/component";
import type { ChildOutcome, ChildWatcher } from "../component/request-flow";
import { compile } from "../distributions/compile";
import { outageOf, unwrapped } from "../failures/failing-component";
import type { OutageListener } from "../failures/outage-state";
import { RingBuffer } from "../queues/ring-buffer";
import { round } from "../run/round";
import { TimeSeries } from "../stats/time-series";
import { TimeWeighted } from "../stats/time-weighted";
import { CompiledStep, hostedSteps, type PublishPlan, STEP_CALL } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { ConsumerGroupComponent } from "./consumer-group-schema";
import { Stream, type StreamReader, type StreamRecord } from "./stream";

const STEP_DONE = 0;
// Event kinds: CHANGE + i starts the rebalance of change i; REBALANCED + n ends one, with n consumers.
const CHANGE = 1;
const REBALANCED = 1 << 20;
const ZERO = compile({ kind: "constant", value: 0 });
const SERIES_BUCKETS = 120;

export interface ConsumerGroupStats {
  consumers: number;
  /** Consumers with no partition: more consumers than partitions do nothing. */
  idleConsumers: number;
  consumed: number;
  expired: number;
  rebalances: number;
  /** Records appended and not yet handled, all partitions (time-weighted), and the peak. */
  lag: { mean: number; max: number };
  /**
   * Each partition's lag: time-weighted mean, peak, the lag at the end of the run, and its growth, the
   * change from the start of measurement to the end per measured second (records/s): a partition whose
   * consumer cannot keep up grows at its arrival rate minus what the consumer gives it, one that keeps
   * up has a growth near 0.
   */
  partitionLag: PartitionLag[];
  utilization: number;
  queueLength: { mean: number; max: number };
  inSystem: { mean: number; max: number };
  served: number;
  rejected: number;
  series: { time: number[]; lag: number[] };
}

export interface PartitionLag {
  mean: number;
  max: number;
  end: number;
  growth: number;
}

interface Handling {
  consumer: number;
  record: StreamRecord;
}

export class ConsumerGroup
  implements Component<ConsumerGroupStats>, StreamReader, ChildWatcher, OutageListener
{
  readonly routesCalls = false;
  readonly hosts = hostedSteps(["service", "cpu"]);
  /** The stream named, or null until the scenario's only stream is looked up. */
  private named: string | null;
  private stream: Stream | null = null;
  private queues: RingBuffer<StreamRecord>[] = [];
  private partitionBusy: boolean[] = [];
  private consumerBusy: boolean[];
  private turn: number[];
  private consumers: number;
  private paused = false;
  /** The group is down (its own outage). */
  private down = false;
  /** Its stream is down: nothing can be fetched. */
  private streamDown = false;
  private starting: Handling | null = null;
  private readonly calls = new Map<PublishPlan, CompiledStep>();
  private lag: TimeWeighted;
  private partitionLag: TimeWeighted[] = [];
  /** Each partition's lag when measurement started, and when that was: the base of its growth. */
  private partitionLagAtStart: number[] = [];
  private measuredFrom = 0;
  private readonly busy: TimeWeighted;
  private readonly series: TimeSeries;
  private consumed = 0;
  private expired = 0;
  private rebalances = 0;

  constructor(
    readonly name: string,
    private readonly spec: ConsumerGroupComponent,
    private readonly context: ComponentContext,
  ) {
    this.named = spec.stream ?? null;
    this.consumers = spec.consumers;
    const most = Math.max(spec.consumers, ...spec.changes.map((c) => c.consumers));
    this.consumerBusy = new Array(most).fill(false);
    this.turn = new Array(most).fill(0);
    this.lag = new TimeWeighted(context.sim);
    this.busy = new TimeWeighted(context.sim);
    this.series = new TimeSeries(SERIES_BUCKETS, 1 / SERIES_BUCKETS, context.sim);
    spec.changes.forEach((change, i) => {
      context.sim.scheduleAt(change.at, this, CHANGE + i, null);
    });
  }

  /** Its stream's name: the one named, or else the scenario's only stream ("" when there is none or several). */
  get streamName(): string {
    if (this.named === null) {
      const streams = [...this.context.components.values()].filter((c) => unwrapped(c) instanceof Stream);
      this.named = streams.length === 1 ? streams[0]!.name : "";
    }
    return this.named;
  }

  private setUp(): Stream {
    const found = this.context.components.get(this.streamName);
    const stream = unwrapped(found);
    this.stream = stream instanceof Stream ? stream : null;
    const outage = outageOf(found);
    if (outage !== null) {
      this.streamDown = outage.down;
      outage.listen({
        onOutageChange: (down) => {
          this.streamDown = down;
          this.resume();
        },
      });
    }
    const partitions = this.stream?.partitions ?? 0;
    for (let p = 0; p < partitions; p++) {
      this.queues.push(new RingBuffer());
      this.partitionBusy.push(false);
      this.partitionLag.push(new TimeWeighted(this.context.sim));
    }
    return this.stream!;
  }

  append(record: StreamRecord): void {
    if (this.stream === null) this.setUp();
    this.queues[record.partition]!.push(record);
    this.changeLag(record.partition, 1);
    this.tryStart(record.partition % this.consumers);
  }

  private changeLag(partition: number, delta: number): void {
    this.lag.add(delta);
    this.partitionLag[partition]!.add(delta);
    this.series.setLevel(this.lag.value);
  }

  /** The consumer takes the next record of its partitions, in turn, if it is free and the group is not paused. */
  private tryStart(consumer: number): void {
    if (
      this.paused ||
      this.down ||
      this.streamDown ||
      consumer >= this.consumers ||
      this.consumerBusy[consumer]
    )
      return;
    const partitions = this.queues.length;
    const stream = this.stream!;
    // Its partitions are consumer, consumer + consumers, …: try each once, starting after the last it served.
    const owned = Math.ceil((partitions - consumer) / this.consumers);
    for (let i = 0; i < owned; i++) {
      const k = (this.turn[consumer]! + i) % owned;
      const partition = consumer + k * this.consumers;
      if (this.partitionBusy[partition]) continue;
      const queue = this.queues[partition]!;
      let record = queue.shift();
      while (record !== undefined && this.context.sim.now - record.appendedAt > stream.retention) {
        this.changeLag(partition, -1); // deleted by retention before anyone read it
        if (this.context.flow.measuring) this.expired++;
        record = queue.shift();
      }
      if (record === undefined) continue;
      this.turn[consumer] = (k + 1) % owned;
      this.consumerBusy[consumer] = true;
      this.partitionBusy[partition] = true;
      this.busy.add(1);
      this.starting = { consumer, record };
      this.context.flow.spawn(record.publisher, this.callFor(record.plan), this);
      return;
    }
  }

  private callFor(plan: PublishPlan): CompiledStep {
    let call = this.calls.get(plan);
    if (call === undefined) {
      call = new CompiledStep(STEP_CALL, ZERO, this, plan.steps);
      this.calls.set(plan, call);
    }
    return call;
  }

  begin(request: Request): void {
    if (this.starting === null) {
      this.context.flow.reject(request);
      return;
    }
    request.visit = this.starting;
    this.starting = null;
    this.context.flow.done(request);
  }

  arrive(request: Request, step: CompiledStep): void {
    this.context.sim.schedule(step.duration.sample(this.context.rng), this, STEP_DONE, request);
  }

  onChildEnd(_child: Request, _outcome: ChildOutcome): void {}

  leave(_request: Request, visit: unknown): void {
    const { consumer, record } = visit as Handling;
    const partition = record.partition;
    this.consumerBusy[consumer] = false;
    this.partitionBusy[partition] = false;
    this.busy.add(-1);
    this.changeLag(partition, -1);
    if (this.context.flow.measuring) this.consumed++;
    if (this.paused) return; // the rebalance's end starts every consumer again
    this.tryStart(consumer);
    // The partition may now belong to a consumer that was waiting for it to be free.
    this.tryStart(partition % this.consumers);
  }

  onEvent(kind: number, payload: unknown): void {
    if (kind === STEP_DONE) {
      this.context.flow.done(payload as Request);
      return;
    }
    if (kind >= REBALANCED) {
      // The rebalance is over: the partitions are shared out among the new number of consumers.
      this.consumers = kind - REBALANCED;
      this.paused = false;
      this.resume();
      return;
    }
    const change = this.spec.changes[kind - CHANGE]!;
    this.paused = true;
    if (this.context.flow.measuring) this.rebalances++;
    this.context.sim.schedule(this.spec.rebalance, this, REBALANCED + change.consumers, null);
  }

  /** The group's own outage starts or ends. */
  onOutageChange(down: boolean): void {
    this.down = down;
    this.resume();
  }

  /** Every free consumer takes its next record (tryStart does nothing while paused or down). */
  private resume(): void {
    for (let c = 0; c < this.consumers; c++) this.tryStart(c);
  }

  startMeasurement(now: number): void {
    if (this.stream === null) this.setUp();
    this.lag.reset(now);
    for (const lag of this.partitionLag) lag.reset(now);
    this.partitionLagAtStart = this.partitionLag.map((lag) => lag.value);
    this.measuredFrom = now;
    this.busy.reset(now);
    this.series.start(now, this.lag.value);
    this.consumed = 0;
    this.expired = 0;
    this.rebalances = 0;
  }

  private partitionFigures(lag: TimeWeighted, partition: number, now: number): PartitionLag {
    const measured = now - this.measuredFrom;
    const change = lag.value - (this.partitionLagAtStart[partition] ?? 0);
    return {
      mean: round(lag.mean(now)),
      max: lag.max,
      end: lag.value,
      growth: round(measured > 0 ? change / measured : 0),
    };
  }

  stats(now: number): ConsumerGroupStats {
    if (this.stream === null) this.setUp();
    const series = this.series.finish(now);
    const lag = { mean: round(this.lag.mean(now)), max: this.lag.max };
    return {
      consumers: this.consumers,
      idleConsumers: Math.max(0, this.consumers - this.queues.length),
      consumed: this.consumed,
      expired: this.expired,
      rebalances: this.rebalances,
      lag,
      partitionLag: this.partitionLag.map((p, i) => this.partitionFigures(p, i, now)),
      utilization: round(this.consumers > 0 ? this.busy.mean(now) / this.consumers : 0),
      queueLength: lag,
      inSystem: lag,
      served: this.consumed,
      rejected: this.expired,
      series: { time: series.time.map(round), lag: series.inSystem.map(round) },
    };
  }
}
