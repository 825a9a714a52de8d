/** The contract between the harness and a case's trials: what a trial is told and what it returns. */

export interface TrialContext {
  /** The trial runs in its own network namespace (its sysctls were set as asked). */
  privateNetwork: boolean;
  /** The TCP sysctls as the trial ran with them. */
  sysctls: Record<string, number | null>;
}

/** A trial's result as the harness receives it: whatever the trial returned, plus where it ran. */
export type TrialResult<T> = T & {
  context: TrialContext;
  /** The 1-minute load average when the trial started and when it ended. */
  load: [number, number];
};

export type Trial = (params: never, context: TrialContext) => Promise<Record<string, unknown>>;

export interface TrialModule {
  trials: Record<string, Trial>;
}
