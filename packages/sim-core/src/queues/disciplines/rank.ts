/** The orders of ranked lines; ties go to the earlier join, so equal ranks are served FIFO. */
import type { Ranked } from "./line-order";

/** Highest priority first. */
export const byPriority = (a: Ranked, b: Ranked): boolean =>
  a.priority > b.priority || (a.priority === b.priority && a.ticket < b.ticket);

/** Earliest deadline first. */
export const byDeadline = (a: Ranked, b: Ranked): boolean =>
  a.deadline < b.deadline || (a.deadline === b.deadline && a.ticket < b.ticket);
