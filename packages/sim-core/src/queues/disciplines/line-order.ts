/** What a discipline offers its line: waiters in, the next one out. */

/** What a discipline ranks by: join order, priority, deadline. */
export interface Ranked {
  /** Join order, unique within the line: the tie-breaker of every discipline. */
  ticket: number;
  priority: number;
  deadline: number;
}

export interface LineOrder<T extends Ranked> {
  readonly size: number;
  push(item: T): void;
  /** Removes and returns the next item; only called when size > 0. */
  pop(): T;
}
