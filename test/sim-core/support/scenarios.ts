/** Builders for normalized scenarios in tests: the engine's input without the parser in between. */
import type { Arrival, Component, Distribution, RequestClass, RunLength, Scenario } from "@syslab/sim-core";

export const exp = (mean: number): Distribution => ({ kind: "exp", mean });
export const constant = (value: number): Distribution => ({ kind: "constant", value });

export interface StationOptions {
  servers?: number;
  discipline?: "fcfs" | "lifo" | "priority" | "ps";
  capacity?: number;
}

export function station(options: StationOptions = {}): Component {
  return {
    type: "station",
    servers: options.servers ?? 1,
    discipline: options.discipline ?? "fcfs",
    ...(options.capacity === undefined ? {} : { capacity: options.capacity }),
  };
}

export function serviceClass(service: Distribution, extra: Partial<RequestClass> = {}): RequestClass {
  return { name: "job", weight: 1, priority: 0, steps: [{ kind: "service", duration: service }], ...extra };
}

/** A single-station open queue: Poisson arrivals at `rate`, one class served by `service`. */
export function openStation(init: {
  rate: number;
  service?: Distribution;
  classes?: RequestClass[];
  station?: StationOptions;
  requests?: number;
  warmup?: number;
  seed?: number;
  arrival?: Arrival;
}): Scenario {
  const length: RunLength = { kind: "requests", count: init.requests ?? 100_000 };
  return {
    version: 1,
    seed: init.seed ?? 1,
    run: { length, warmup: { kind: "requests", count: init.warmup ?? 5_000 }, limits: {} },
    workload: {
      arrival: init.arrival ?? { process: "poisson", rate: init.rate },
      requests: init.classes ?? [serviceClass(init.service ?? exp(1))],
    },
    entry: "q",
    components: { q: station(init.station) },
  };
}
