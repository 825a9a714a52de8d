/** Turns a normalized distribution from the scenario into a Sampler. */
import type { Distribution } from "../scenario/model";
import { ConstantSampler } from "./constant";
import { EmpiricalSampler } from "./empirical";
import { ErlangSampler } from "./erlang";
import { ExponentialSampler } from "./exponential";
import { HyperexponentialSampler } from "./hyperexponential";
import { LognormalSampler } from "./lognormal";
import { ParetoSampler } from "./pareto";
import type { Sampler } from "./sampler";
import { TruncatedNormalSampler } from "./truncated-normal";
import { UniformSampler } from "./uniform";

export function compile(distribution: Distribution): Sampler {
  switch (distribution.kind) {
    case "constant":
      return new ConstantSampler(distribution.value);
    case "exp":
      return new ExponentialSampler(distribution.mean);
    case "uniform":
      return new UniformSampler(distribution.min, distribution.max);
    case "normal":
      return new TruncatedNormalSampler(distribution.mean, distribution.sd);
    case "lognormal":
      return new LognormalSampler(distribution.mu, distribution.sigma);
    case "erlang":
      return new ErlangSampler(distribution.k, distribution.mean);
    case "hyperexp":
      return new HyperexponentialSampler(distribution.mean, distribution.scv);
    case "pareto":
      return new ParetoSampler(distribution.scale, distribution.shape);
    case "empirical":
      return new EmpiricalSampler(distribution.values);
  }
}
