/**
 * When a failed task is retried, as Celery computes it (celery.utils.time.get_exponential_backoff_interval):
 * retry n (0, 1, 2, …) waits min(backoffMax, backoff × 2^n), and with full jitter a uniform time
 * between 0 and that (Celery draws whole seconds; here the draw is continuous). Without backoff,
 * every retry waits `countdown` (default_retry_delay).
 */
import type { Rng } from "../random/rng";
import type { TaskRetrySpec } from "../scenario/model";

export function retryDelay(retry: TaskRetrySpec, n: number, rng: Rng): number {
  if (retry.backoff <= 0) return retry.countdown;
  const delay = Math.min(retry.backoffMax, retry.backoff * 2 ** n);
  return retry.jitter ? delay * rng.nextDouble() : delay;
}
