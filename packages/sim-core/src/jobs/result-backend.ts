/**
 * A result backend: a store that serves reads (polls) and writes (workers storing results) one
 * queue, `servers` at a time, so a slow or busy backend slows both. Built on the station: it only
 * chooses how long each operation takes. A write goes to the component the backend's name stands for,
 * so with outages a write while it is down fails as a read does (the worker's task then fails).
 */
import type { Component, ComponentContext } from "../component/component";
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import { MultiServerStation } from "../stations/multi-server-station";
import type { StationStats } from "../stations/station-stats";
import { CompiledStep, STEP_CALL } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { ResultBackendComponent } from "./result-backend-schema";

export interface ResultBackendStats extends StationStats {
  reads: number;
  writes: number;
}

export class ResultBackend implements Component<ResultBackendStats> {
  readonly routesCalls = false;
  readonly hosts = 0;
  /** The call a worker makes to store a result, built once the run's components exist. */
  private write: CompiledStep | null = null;
  private readonly writeTime: Sampler;
  private readonly readStep: CompiledStep;
  private readonly store: MultiServerStation;
  private readonly context: ComponentContext;
  private reads = 0;
  private writes = 0;

  constructor(
    readonly name: string,
    spec: ResultBackendComponent,
    context: ComponentContext,
  ) {
    this.context = context;
    this.store = new MultiServerStation(name, context, spec.servers, spec.capacity, "fifo");
    this.writeTime = compile(spec.write);
    this.readStep = new CompiledStep(STEP_CALL, compile(spec.read), this, null);
  }

  /** The call a worker makes to store a result: to this backend as its name finds it (through its outages). */
  get writeStep(): CompiledStep {
    this.write ??= new CompiledStep(
      STEP_CALL,
      this.writeTime,
      this.context.components.get(this.name) ?? this,
      null,
    );
    return this.write;
  }

  arrive(request: Request, step: CompiledStep): void {
    const write = step === this.write;
    if (this.context.flow.measuring) {
      if (write) this.writes++;
      else this.reads++;
    }
    this.store.arrive(request, write ? this.write! : this.readStep);
  }

  startMeasurement(now: number): void {
    this.store.startMeasurement(now);
    this.reads = 0;
    this.writes = 0;
  }

  stats(now: number): ResultBackendStats {
    return { ...this.store.stats(now), reads: this.reads, writes: this.writes };
  }
}
