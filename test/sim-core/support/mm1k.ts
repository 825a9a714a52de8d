/** M/M/1/K (K places in all, in service included): P(full) = (1 − ρ)ρ^K / (1 − ρ^{K+1}), ρ ≠ 1. */
export function mm1kBlocking(rho: number, k: number): number {
  return ((1 - rho) * rho ** k) / (1 - rho ** (k + 1));
}
