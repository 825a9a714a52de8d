// Queueing theory for the hockey stick: the M/M/c mean response time via the Erlang C formula.

/**
 * Probability that an arrival waits in an M/M/c queue with offered load a = λ/μ (Erlang C),
 * computed through the numerically stable Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / servers;
  return b / (1 - rho + rho * b);
}

/** Mean time in an M/M/c system: W = S + C(c, a)·S / (c − a); Infinity at or past saturation. */
export function mmcMeanResponse(servers: number, arrivalRate: number, meanService: number): number {
  const offeredLoad = arrivalRate * meanService;
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  return meanService + (erlangC(servers, offeredLoad) * meanService) / (servers - offeredLoad);
}
