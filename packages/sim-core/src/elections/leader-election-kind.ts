/** The leader-election kind: candidates competing for a lease, with crashes and pauses; calls go to the leader. */
import type { ComponentKind } from "../component/component-kind";
import { LeaderElection } from "./leader-election";
import { type LeaderElectionComponent, leaderElectionSchema } from "./leader-election-schema";
import type { LeaderElectionStats } from "./leader-election-stats";

export const leaderElectionKind: ComponentKind<LeaderElectionComponent, LeaderElectionStats> = {
  type: "leader-election",
  schema: leaderElectionSchema,
  create: (name, spec, context) => new LeaderElection(name, spec, context),
  hosts: { steps: [], use: 'a leader election runs no steps: call it with a "hold", served by the leader.' },
  call: () => ({ needs: "hold" }),
  names: () => [],
};
