/**
 * Mean waits in an M/G/1 queue with non-preemptive priority classes (Cobham 1954): class k
 * (in order of decreasing priority) waits Wq_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), where
 * W0 = Σ λ_i E[S_i²]/2 is the mean residual work found in service and σ_k the load of
 * classes 1…k.
 */
export function nonPreemptivePriorityWaits(
  classes: { lambda: number; meanService: number; secondMoment: number }[],
): number[] {
  const w0 = classes.reduce((sum, c) => sum + (c.lambda * c.secondMoment) / 2, 0);
  let sigma = 0;
  return classes.map((c) => {
    const before = sigma;
    sigma += c.lambda * c.meanService;
    return w0 / ((1 - before) * (1 - sigma));
  });
}
