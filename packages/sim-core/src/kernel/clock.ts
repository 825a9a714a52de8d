/** Read access to simulated time, for statistics that update as events happen. */
export interface Clock {
  /** Current simulated time, in seconds. */
  readonly now: number;
}
