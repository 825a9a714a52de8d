/** Leader election with leases (Kubernetes client-go's leaderelection) as a scenario writes it. */
import { z } from "zod";
import { type PauseSpec, pausesSchema } from "../locks/pauses";
import { distributionSchema } from "../scenario/distribution";
import { durationSchema } from "../scenario/duration";
import type { Distribution } from "../scenario/model";
import { positiveDurationSchema } from "../scenario/positive-duration";

/** A crash of the leader (whoever leads then) at `at`, or at random intervals of `every`; it restarts after `for`. */
export type CrashSpec = { at: number; for?: Distribution } | { every: Distribution; for?: Distribution };

export interface LeaderElectionComponent {
  type: "leader-election";
  candidates: number;
  leaseDuration: number;
  renewDeadline: number;
  retryPeriod: number;
  jitter: number;
  crashes: CrashSpec[];
  pauses?: PauseSpec;
}

// client-go leaderelection defaults as Kubernetes components set them (kube-controller-manager,
// kube-scheduler: --leader-elect-lease-duration 15s, -renew-deadline 10s, -retry-period 2s) and
// client-go's JitterFactor of 1.2 on the acquire loop.
const LEASE_DURATION = 15;
const RENEW_DEADLINE = 10;
const RETRY_PERIOD = 2;
const JITTER = 1.2;

const crashSchema = z.union([
  z.strictObject({
    at: durationSchema.describe("When the leader crashes (measured from the start of the run)."),
    for: distributionSchema
      .optional()
      .describe("How long it stays down before it restarts. Default: for good."),
  }),
  z.strictObject({
    every: distributionSchema.describe('Time between crashes of the leader, e.g. { "exp": "120s" }.'),
    for: distributionSchema
      .optional()
      .describe("How long it stays down before it restarts. Default: for good."),
  }),
]);

export const leaderElectionSchema = z
  .strictObject({
    type: z.literal("leader-election"),
    candidates: z
      .int()
      .positive()
      .max(1000)
      .default(3)
      .describe("Processes competing for the lease (at most 1000). Default 3."),
    leaseDuration: positiveDurationSchema
      .optional()
      .describe(
        "How long followers wait after they last saw the lease change before taking it. Default 15s.",
      ),
    renewDeadline: positiveDurationSchema
      .optional()
      .describe("The leader steps down when it has not renewed for this long. Default 10s."),
    retryPeriod: positiveDurationSchema
      .optional()
      .describe("Time between a candidate's tries to acquire or renew the lease. Default 2s."),
    jitter: z
      .number()
      .nonnegative()
      .default(JITTER)
      .describe(
        "A follower waits retryPeriod × (1 + jitter × u), u uniform in [0, 1), between tries. Default 1.2 (client-go).",
      ),
    crashes: z
      .array(crashSchema)
      .default([])
      .describe(
        'Crashes of the leader: { "at": "60s", "for": "30s" } or { "every": { "exp": "120s" }, "for": "30s" }.',
      ),
    pauses: pausesSchema
      .optional()
      .describe(
        "Pauses of each candidate (GC, stalls): a paused leader neither renews nor acts, and on waking acts until its next try shows it lost the lease.",
      ),
  })
  .transform((s): LeaderElectionComponent => {
    const election: LeaderElectionComponent = {
      type: "leader-election",
      candidates: s.candidates,
      leaseDuration: s.leaseDuration ?? LEASE_DURATION,
      renewDeadline: s.renewDeadline ?? RENEW_DEADLINE,
      retryPeriod: s.retryPeriod ?? RETRY_PERIOD,
      jitter: s.jitter,
      crashes: s.crashes.map((c): CrashSpec => {
        const crash: CrashSpec = "at" in c ? { at: c.at } : { every: c.every };
        if (c.for !== undefined) crash.for = c.for;
        return crash;
      }),
    };
    if (s.pauses !== undefined) election.pauses = s.pauses;
    return election;
  })
  .describe(
    'Leader election with leases (client-go): { "type": "leader-election", "candidates": 3, "crashes": [ { "at": "60s", "for": "30s" } ] }. A call with a `hold` is served by the leader, and refused while there is none.',
  );
