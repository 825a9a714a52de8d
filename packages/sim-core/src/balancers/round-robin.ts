/** Round robin: each usable backend in turn, weights ignored (NGINX's and HAProxy's default, unweighted). */
import type { BackendSet } from "./backend-set";
import type { Chooser } from "./chooser";

export class RoundRobin implements Chooser {
  private cursor = 0;

  choose(set: BackendSet): number {
    if (set.size === 0) return -1;
    if (this.cursor >= set.size) this.cursor = 0;
    return set.list[this.cursor++]!;
  }
}
