/**
 * A partitioned log: each published record is appended to one partition (its request's key mod the
 * partitions, or round robin without a key) and handed to every consumer group reading the stream,
 * each of which keeps its own place in every partition (its offsets).
 */
import type { Component, ComponentContext } from "../component/component";
import { callsWithSteps, unwrapped } from "../failures/failing-component";
import type { PublishPlan } from "../workload/compiled-step";
import { type CompiledStep, STEP_PUBLISH } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { StreamComponent } from "./stream-schema";

/** One record in a partition. */
export interface StreamRecord {
  readonly plan: PublishPlan;
  readonly publisher: Request;
  readonly appendedAt: number;
  readonly partition: number;
}

/** What a stream needs of a consumer group. */
export interface StreamReader {
  readonly streamName: string;
  append(record: StreamRecord): void;
}

export interface StreamStats {
  /** Records appended, in all and per partition. */
  appended: number;
  partitions: number[];
  utilization: number;
  queueLength: { mean: number; max: number };
  inSystem: { mean: number; max: number };
  served: number;
  rejected: number;
}

export class Stream implements Component<StreamStats> {
  readonly routesCalls = true;
  readonly hosts = 0;
  readonly partitions: number;
  readonly retention: number;
  private readers: StreamReader[] | null = null;
  private nextPartition = 0;
  private appended: number[];

  constructor(
    readonly name: string,
    spec: StreamComponent,
    private readonly context: ComponentContext,
  ) {
    this.partitions = spec.partitions;
    this.retention = spec.retention;
    this.appended = new Array(spec.partitions).fill(0);
  }

  arrive(request: Request, step: CompiledStep): void {
    if (callsWithSteps(step, this)) {
      // The scenario's entry: the client's own steps run in a frame here (the engine runs them).
      this.context.flow.enter(request, this, step.steps);
      this.context.flow.done(request);
      return;
    }
    if (step.kind === STEP_PUBLISH) {
      const key = request.key;
      let partition: number;
      if (key >= 0) partition = key % this.partitions;
      else {
        partition = this.nextPartition;
        this.nextPartition = (partition + 1) % this.partitions;
      }
      if (this.context.flow.measuring) this.appended[partition]!++;
      const record: StreamRecord = {
        plan: step.plan!,
        publisher: request,
        appendedAt: this.context.sim.now,
        partition,
      };
      this.readers ??= this.findReaders();
      for (const reader of this.readers) reader.append(record);
    }
    // The producer has its ack once the record is in the log (acks=1): it does not wait for consumers.
    this.context.flow.done(request);
  }

  private findReaders(): StreamReader[] {
    const readers: StreamReader[] = [];
    for (const component of this.context.components.values()) {
      const candidate = unwrapped(component) as Partial<StreamReader>;
      if (candidate.streamName === this.name && typeof candidate.append === "function")
        readers.push(candidate as StreamReader);
    }
    return readers;
  }

  startMeasurement(_now: number): void {
    this.appended.fill(0);
  }

  stats(_now: number): StreamStats {
    const total = this.appended.reduce((a, b) => a + b, 0);
    return {
      appended: total,
      partitions: [...this.appended],
      utilization: 0,
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: 0, max: 0 },
      served: total,
      rejected: 0,
    };
  }
}
