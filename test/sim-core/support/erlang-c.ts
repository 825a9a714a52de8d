/**
 * Erlang C: M/M/c with arrival rate λ and service rate μ (a = λ/μ, ρ = a/c < 1).
 * P(wait) = C(c, a) = B / (1 − ρ(1 − B)) with B = Erlang B; Wq = C/(cμ − λ); W = Wq + 1/μ;
 * L = λW (Kleinrock, Queueing Systems vol. 1, §3.5).
 * Kept apart from apps/docs/src/widgets/erlang-c.ts on purpose: an independent oracle, which test/docs/widgets/erlang-c.test.ts holds the widget's formula to.
 */
import { erlangB } from "./erlang-b";

export interface MmcTheory {
  pWait: number;
  wq: number;
  w: number;
  l: number;
  lq: number;
  utilization: number;
}

export function erlangC(servers: number, lambda: number, mu: number): MmcTheory {
  const a = lambda / mu;
  const rho = a / servers;
  const b = erlangB(servers, a);
  const pWait = b / (1 - rho * (1 - b));
  const wq = pWait / (servers * mu - lambda);
  const w = wq + 1 / mu;
  return { pWait, wq, w, l: lambda * w, lq: lambda * wq, utilization: rho };
}
