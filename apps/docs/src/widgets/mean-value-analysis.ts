// Queueing theory for the lock widget: a closed system of N users (threads) and one queue.

/**
 * Exact mean value analysis (Reiser & Lavenberg, 1980) for N users who each think for a mean of Z
 * (any distribution: a delay station), then queue for one FCFS server with exponential service of
 * mean S: for n = 1…N, R(n) = S·(1 + Q(n − 1)), X(n) = n / (Z + R(n)), Q(n) = X(n)·R(n).
 * Returns the mean response time R, throughput X and mean queue at the server (waiting and in
 * service) Q for N users.
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
