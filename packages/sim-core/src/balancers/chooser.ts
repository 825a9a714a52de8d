/**
 * What every balancing algorithm implements (Envoy's chooseHost): pick one of the usable backends
 * for a request, or −1 when there is none. Choosers are small and hold only their own state
 * (a cursor, current weights, a ring); health lives in the backend set.
 */
import type { Rng } from "../random/rng";
import type { Request } from "../workload/request";
import type { BackendSet } from "./backend-set";

export interface Chooser {
  choose(set: BackendSet, request: Request, rng: Rng): number;
}

/** The identity a hash balancer routes on: the request's key, else its client, else none (−1). */
export function routingKey(request: Request): number {
  if (request.key >= 0) return request.key;
  return request.client >= 0 ? request.client : request.user;
}

/** The murmur3 32-bit finalizer: spreads every input bit over the output (unsigned). */
export function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
