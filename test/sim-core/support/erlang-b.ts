/** Erlang B: the blocking probability of M/M/c/c with offered load a = λ/μ (the stable recursion B(k) = aB(k−1)/(k + aB(k−1))). */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}
