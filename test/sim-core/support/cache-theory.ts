/**
 * Cache hit ratios in theory, for independent reads with Zipf (or uniform) popularity: LRU by
 * Che's approximation, and a TTL cache by the renewal argument.
 */

/** Zipf probabilities p_k ∝ (k + 1)^−s over `keys` keys. */
export function zipf(keys: number, s: number): number[] {
  const weights = Array.from({ length: keys }, (_, k) => (k + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/**
 * Che's approximation for LRU under independent reads (Che, Tung and Wang 2002; Fricker, Robert
 * and Roberts 2012): the characteristic time T solves Σ (1 − e^(−p_i T)) = C, and the hit ratio is
 * Σ p_i (1 − e^(−p_i T)). T is found by bisection (the left side rises with T).
 */
export function cheHitRatio(p: number[], capacity: number): number {
  const filled = (t: number) => p.reduce((sum, pi) => sum + (1 - Math.exp(-pi * t)), 0);
  let low = 0;
  let high = 1;
  while (filled(high) < capacity) high *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (low + high) / 2;
    if (filled(mid) < capacity) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return p.reduce((sum, pi) => sum + pi * (1 - Math.exp(-pi * t)), 0);
}

/** A TTL cache, no capacity limit, Poisson reads at λ_i = Λ p_i, timer set at a miss: Σ p_i λ_i τ / (1 + λ_i τ). */
export function ttlHitRatio(p: number[], rate: number, ttl: number): number {
  return p.reduce((sum, pi) => sum + (pi * (rate * pi * ttl)) / (1 + rate * pi * ttl), 0);
}
