/** Random: a usable backend drawn in proportion to its weight (uniformly when all weigh the same). */
import type { Rng } from "../random/rng";
import type { Request } from "../workload/request";
import type { BackendSet } from "./backend-set";
import type { Chooser } from "./chooser";

export class RandomChoice implements Chooser {
  choose(set: BackendSet, _request: Request, rng: Rng): number {
    if (set.size === 0) return -1;
    if (set.uniform) return set.list[Math.floor(rng.nextDouble() * set.size)]!;
    let total = 0;
    for (let k = 0; k < set.size; k++) total += set.weight(set.list[k]!);
    let u = rng.nextDouble() * total;
    for (let k = 0; k < set.size; k++) {
      const b = set.list[k]!;
      u -= set.weight(b);
      if (u < 0) return b;
    }
    return set.list[set.size - 1]!;
  }
}
