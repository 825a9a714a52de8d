/**
 * Hash: the request's key (else its client) modulo the number of backends, so the same key
 * always reaches the same backend while the set is unchanged (NGINX `hash` without
 * `consistent`, HAProxy `balance hdr`/`source` with map-based hashing). A backend that is not
 * usable is replaced by a second hash over the usable ones. Adding a backend changes N and so
 * moves most keys: (N − 1)/N of them. A request with no key or client goes to a random backend.
 */
import type { Rng } from "../random/rng";
import type { Request } from "../workload/request";
import type { BackendSet } from "./backend-set";
import { type Chooser, mix32, routingKey } from "./chooser";

export class ModuloHash implements Chooser {
  choose(set: BackendSet, request: Request, rng: Rng): number {
    if (set.size === 0) return -1;
    const key = routingKey(request);
    if (key < 0) return set.list[Math.floor(rng.nextDouble() * set.size)]!;
    const h = mix32(key);
    const b = h % set.count;
    if (set.usable(b)) return b;
    return set.list[mix32(h ^ 0x9e3779b9) % set.size]!;
  }
}
