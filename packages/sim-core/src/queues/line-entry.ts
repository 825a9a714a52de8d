/**
 * A place in a waiting line. Entries are recycled by their line, so joining allocates nothing
 * once the line has grown. A waiter that leaves early (reneges) only marks its entry dead: the
 * entry stays where it is until the discipline reaches it, which keeps every discipline's
 * removal O(1) or O(log n) instead of a search.
 */
import type { Request } from "../workload/request";

export class LineEntry {
  request: Request | null = null;
  /** Join order, unique within the line: the tie-breaker of every discipline. */
  ticket = 0;
  /** Higher is served first (priority lines). */
  priority = 0;
  /** Absolute simulated time by which the waiter wants service (deadline lines). */
  deadline = 0;
  joinedAt = 0;
  /** Still waiting: false once it has been served or has reneged. */
  live = false;
  /** Bumped each time the entry is recycled, so a renege timer set for an earlier use is ignored. */
  generation = 0;
}
