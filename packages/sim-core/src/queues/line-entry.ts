/**
 * A place in a line whose waiters may renege. A waiter that leaves early only marks its entry
 * dead: the entry stays where it is until the discipline reaches it, which keeps every
 * discipline's removal O(1) or O(log n) instead of a search, and lets the request itself be
 * reused at once. Entries are recycled by their line, so joining allocates nothing once grown.
 */
import type { Request } from "../workload/request";
import type { Ranked } from "./disciplines/line-order";

export class LineEntry implements Ranked {
  request: Request | null = null;
  ticket = 0;
  priority = 0;
  deadline = 0;
  joinedAt = 0;
  /** Still waiting: false once it has been served or has reneged. */
  live = false;
  /** Bumped each time the entry is recycled, so a renege timer set for an earlier use is ignored. */
  generation = 0;
}
