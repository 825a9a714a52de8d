/**
 * Process pauses: stop-the-world garbage collections, a VM descheduled, a process stalled on a
 * swapped-out page. They strike at a rate (a Poisson process) and last a drawn time; a paused
 * process runs nothing — it neither works nor renews a lease — and on waking it carries on as if
 * no time had passed (Kleppmann, "How to do distributed locking", 2016).
 */
import { z } from "zod";
import { compile } from "../distributions/compile";
import { ExponentialSampler } from "../distributions/exponential";
import type { Sampler } from "../distributions/sampler";
import { distributionSchema } from "../scenario/distribution";
import type { Distribution } from "../scenario/model";

export interface PauseSpec {
  rate: number; // pauses per second of running time
  for: Distribution;
}

export const pausesSchema = z
  .strictObject({
    rate: z.number().positive().describe("Pauses per second of running time (a Poisson process)."),
    for: distributionSchema.describe('How long each pause lasts: a distribution, e.g. { "exp": "5s" }.'),
  })
  .describe('Process pauses (GC, stalls): { "rate": 0.1, "for": { "uniform": ["1s", "20s"] } }.');

/** The pause process compiled: the running time until the next pause, and each pause's length. */
export class Pauses {
  readonly gap: Sampler;
  readonly length: Sampler;

  constructor(spec: PauseSpec) {
    this.gap = new ExponentialSampler(1 / spec.rate);
    this.length = compile(spec.for);
  }
}
