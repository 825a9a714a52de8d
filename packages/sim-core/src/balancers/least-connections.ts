/**
 * Least connections: the usable backend with the fewest requests in flight from this balancer,
 * per unit of weight (NGINX least_conn, HAProxy leastconn). Ties go round robin: the scan starts
 * one place further each time. Each balancer counts only its own requests, so several in front
 * of the same backends can all pick the same idle one at once (herding).
 */
import type { BackendSet } from "./backend-set";
import type { Chooser } from "./chooser";

export class LeastConnections implements Chooser {
  private start = 0;

  choose(set: BackendSet): number {
    const size = set.size;
    if (size === 0) return -1;
    if (++this.start >= size) this.start = 0;
    let best = -1;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (let k = 0; k < size; k++) {
      let j = this.start + k;
      if (j >= size) j -= size;
      const b = set.list[j]!;
      const load = set.uniform ? set.inFlight[b]! : set.inFlight[b]! / set.weight(b);
      if (load < bestLoad) {
        best = b;
        bestLoad = load;
      }
    }
    return best;
  }
}
