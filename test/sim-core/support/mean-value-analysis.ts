/**
 * Exact mean value analysis for a closed network of N users with a think time Z (a delay
 * station) and one single-server FCFS queue with exponential service of mean S
 * (Reiser & Lavenberg 1980): for n = 1…N, R(n) = S(1 + Q(n−1)), X(n) = n/(Z + R(n)),
 * Q(n) = X(n)R(n).
 * Kept apart from apps/docs/src/widgets/mean-value-analysis.ts on purpose: an independent oracle, which test/docs/widgets/lock-contention.test.ts holds the widget's copy to.
 */
export function meanValueAnalysis(
  users: number,
  think: number,
  service: number,
): { responseTime: number; throughput: number; queue: number } {
  let queue = 0;
  let responseTime = 0;
  let throughput = 0;
  for (let n = 1; n <= users; n++) {
    responseTime = service * (1 + queue);
    throughput = n / (think + responseTime);
    queue = throughput * responseTime;
  }
  return { responseTime, throughput, queue };
}
