// Scenarios for the job-system tests: clients publish tasks to a broker that workers consume.
import type { BrokerStats, Result, WorkersStats } from "../../../packages/sim-core/src/result/model";

type Json = Record<string, unknown>;

export interface JobScenario {
  rate: number | { from: number; rate: number }[];
  task: Json;
  wait?: Json;
  broker?: Json;
  workers?: Json;
  duration?: number;
  warmup?: number;
  seed?: number;
  extra?: Json;
  timeout?: number;
}

/** Clients at `rate` publish `task` to broker "jobs", consumed by workers "work"; the entry is the broker. */
export function jobScenario(s: JobScenario): Json {
  const publish: Json = { publish: "jobs", task: s.task };
  if (s.wait !== undefined) publish.wait = s.wait;
  const request: Json = { name: "submit", steps: [publish] };
  if (s.timeout !== undefined) request.timeout = s.timeout;
  return {
    version: 1,
    seed: s.seed ?? 1,
    run: { warmup: s.warmup ?? 0, duration: s.duration ?? 1000 },
    workload: { arrival: { process: "poisson", rate: s.rate }, requests: [request] },
    entry: "jobs",
    components: {
      jobs: { type: "broker", ...s.broker },
      work: { type: "workers", broker: "jobs", ...s.workers },
      ...s.extra,
    },
  };
}

export const broker = (result: Result, name = "jobs"): BrokerStats =>
  result.components[name] as unknown as BrokerStats;
export const workers = (result: Result, name = "work"): WorkersStats =>
  result.components[name] as unknown as WorkersStats;
