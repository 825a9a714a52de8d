/**
 * Pollaczek–Khinchine: the mean wait in M/G/1 is Wq = λE[S²] / (2(1 − ρ)), with
 * E[S²] = Var(S) + E[S]² = E[S]²(1 + scv); W = Wq + E[S].
 */
export function pollaczekKhinchineWait(lambda: number, meanService: number, scv: number): number {
  const rho = lambda * meanService;
  const secondMoment = meanService * meanService * (1 + scv);
  return (lambda * secondMoment) / (2 * (1 - rho));
}
