/**
 * A result backend: a store that serves reads (polls) and writes (workers storing results) one
 * queue, `servers` at a time, so a slow or busy backend slows both. Built on the station: it only
 * chooses how long each operation takes.
 */
import type { Component, ComponentContext } from "../component/component";
import { compile } from "../distributions/compile";
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
  /** The call a worker makes to store a result. */
  readonly writeStep: CompiledStep;
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
    this.writeStep = new CompiledStep(STEP_CALL, compile(spec.write), this, null);
    this.readStep = new CompiledStep(STEP_CALL, compile(spec.read), this, null);
  }

  arrive(request: Request, step: CompiledStep): void {
    const write = step === this.writeStep;
    if (this.context.flow.measuring) {
      if (write) this.writes++;
      else this.reads++;
    }
    this.store.arrive(request, write ? this.writeStep : this.readStep);
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
