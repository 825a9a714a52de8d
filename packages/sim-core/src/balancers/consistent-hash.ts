/**
 * Consistent hashing on a ring (Karger et al. 1997; Envoy's ring_hash, NGINX `hash … consistent`
 * with ketama points): each backend owns `virtualNodes` × weight points on a 32-bit ring, placed
 * by hashing its name, and a key goes to the owner of the first point at or after the key's hash,
 * skipping backends that are not usable. Adding the N-th backend moves only the keys its points
 * take over, about 1/N of them. With a bounded load `c` (Mirrokni, Thorup & Zadimoghaddam 2018)
 * a backend already holding ⌈c × (in flight + 1) / usable⌉ requests is passed over for the next
 * on the ring, so a hot key cannot overload one backend beyond c × the mean.
 */
import type { Rng } from "../random/rng";
import type { Request } from "../workload/request";
import type { BackendSet } from "./backend-set";
import { type Chooser, mix32, routingKey } from "./chooser";

/** FNV-1a over a string, then mixed: where a backend's virtual node sits on the ring. */
function pointOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

export class ConsistentHash implements Chooser {
  /** Ring points, ascending, and the backend owning each. */
  private readonly points: Float64Array;
  private readonly owners: Int32Array;

  constructor(
    names: readonly string[],
    weights: readonly number[],
    virtualNodes: number,
    /** c of bounded loads; Infinity when unbounded. */
    private readonly bound: number,
  ) {
    const ring: { point: number; owner: number }[] = [];
    names.forEach((name, owner) => {
      const replicas = Math.max(1, Math.round(virtualNodes * weights[owner]!));
      for (let r = 0; r < replicas; r++) ring.push({ point: pointOf(`${name}#${r}`), owner });
    });
    // Ties (equal points) break by owner so the ring does not depend on the list's order.
    ring.sort((a, b) => a.point - b.point || a.owner - b.owner);
    this.points = Float64Array.from(ring, (p) => p.point);
    this.owners = Int32Array.from(ring, (p) => p.owner);
  }

  choose(set: BackendSet, request: Request, rng: Rng): number {
    if (set.size === 0) return -1;
    const key = routingKey(request);
    const h = key < 0 ? Math.floor(rng.nextDouble() * 4294967296) : mix32(key);
    const n = this.points.length;
    let at = this.firstAtOrAfter(h);
    const capacity =
      this.bound === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : Math.ceil((this.bound * (set.totalInFlight + 1)) / set.size);
    let fallback = -1;
    for (let step = 0; step < n; step++, at = at + 1 === n ? 0 : at + 1) {
      const b = this.owners[at]!;
      if (!set.usable(b)) continue;
      if (set.inFlight[b]! < capacity) return b;
      if (fallback < 0) fallback = b;
    }
    return fallback;
  }

  private firstAtOrAfter(h: number): number {
    let low = 0;
    let high = this.points.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.points[mid]! < h) low = mid + 1;
      else high = mid;
    }
    return low === this.points.length ? 0 : low;
  }
}
