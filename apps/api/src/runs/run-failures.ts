// How a run that failed for reasons outside the scenario is stored and shown (code run.internal,
// which a re-post retries).

import type { RunErrorBody } from "./run-task";

const hint = "Submit the scenario again; if it fails again, report it with the scenario.";

export const runFailures = {
  /** The executor broke while running the scenario. */
  internal: (): RunErrorBody => ({
    code: "run.internal",
    title: "The run failed unexpectedly",
    message: "The worker running this scenario stopped with an internal error.",
    hint,
  }),
  /** Every worker given the run stopped (crashed, killed, lost its machine) before finishing it. */
  lost: (attempts: number): RunErrorBody => ({
    code: "run.internal",
    title: "The run failed unexpectedly",
    message: `The workers running this scenario stopped ${attempts} times before it finished.`,
    hint,
  }),
};
