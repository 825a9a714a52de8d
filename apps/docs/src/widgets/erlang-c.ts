// Queueing theory for the hockey stick: mean response time of an M/G/c queue.

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

/**
 * Mean time in system: W = S + Wq, with Wq = C(c, a)·S / (c − a) · (1 + scv) / 2, where scv is the
 * squared coefficient of variation of the service time. Exact for M/M/c (scv = 1) and, through the
 * Pollaczek–Khinchine formula, for M/G/1; for M/G/c it is the Allen–Cunneen approximation.
 * Infinity at or past saturation.
 */
export function meanResponse(servers: number, arrivalRate: number, meanService: number, scv = 1): number {
  const offeredLoad = arrivalRate * meanService;
  if (offeredLoad >= servers) return Number.POSITIVE_INFINITY;
  const wait = (erlangC(servers, offeredLoad) * meanService) / (servers - offeredLoad);
  return meanService + (wait * (1 + scv)) / 2;
}
