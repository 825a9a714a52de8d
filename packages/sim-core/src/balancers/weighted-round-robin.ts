/**
 * Smooth weighted round robin, as NGINX does it (ngx_http_upstream_get_peer): each pick adds
 * every usable backend's weight to its current weight, takes the highest (the first on a tie)
 * and subtracts the total from it. Weights 5:1:1 give A A B A C A A: the heavy backend's turns
 * are spread out instead of sent in a burst.
 */
import type { BackendSet } from "./backend-set";
import type { Chooser } from "./chooser";

export class WeightedRoundRobin implements Chooser {
  private current: Float64Array | null = null;

  choose(set: BackendSet): number {
    if (set.size === 0) return -1;
    if (this.current === null) this.current = new Float64Array(set.count);
    const current = this.current;
    let best = -1;
    let total = 0;
    for (let k = 0; k < set.size; k++) {
      const b = set.list[k]!;
      const w = set.weight(b);
      current[b]! += w;
      total += w;
      if (best < 0 || current[b]! > current[best]!) best = b;
    }
    current[best]! -= total;
    return best;
  }
}
