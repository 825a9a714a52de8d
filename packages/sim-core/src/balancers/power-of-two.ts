/**
 * Power of d choices (Mitzenmacher 2001; Envoy's least_request, HAProxy's random(2)): sample
 * `choices` distinct usable backends at random and take the one with the fewest requests in
 * flight (per unit of weight); the first sampled wins a tie. Two choices already cut the longest
 * queue from log n / log log n to log log n / log 2.
 */
import type { Rng } from "../random/rng";
import type { Request } from "../workload/request";
import type { BackendSet } from "./backend-set";
import type { Chooser } from "./chooser";

export class PowerOfChoices implements Chooser {
  /** Positions in `list` sampled for the current pick (reused). */
  private readonly picked: Int32Array;

  constructor(private readonly choices: number) {
    this.picked = new Int32Array(choices);
  }

  choose(set: BackendSet, _request: Request, rng: Rng): number {
    const size = set.size;
    if (size === 0) return -1;
    const d = Math.min(this.choices, size);
    let best = -1;
    let bestLoad = Number.POSITIVE_INFINITY;
    for (let n = 0; n < d; n++) {
      // Distinct positions: draw among those not yet taken (d is small, so a scan is cheapest).
      let position = Math.floor(rng.nextDouble() * (size - n));
      for (let m = 0; m < n; m++) if (this.picked[m]! <= position) position++;
      this.insertSorted(position, n);
      const b = set.list[position]!;
      const load = set.uniform ? set.inFlight[b]! : set.inFlight[b]! / set.weight(b);
      if (load < bestLoad) {
        best = b;
        bestLoad = load;
      }
    }
    return best;
  }

  /** Keeps the first `n + 1` picked positions sorted, so skipping taken ones above stays correct. */
  private insertSorted(position: number, n: number): void {
    let m = n;
    while (m > 0 && this.picked[m - 1]! > position) {
      this.picked[m] = this.picked[m - 1]!;
      m--;
    }
    this.picked[m] = position;
  }
}
