/**
 * Every component kind, by descriptor: the only place kinds are enumerated. A new kind is a
 * folder exporting one descriptor (component/component-kind.ts) and one line here; the scenario
 * schema, its JSON Schema, the reference checks, the factory, the docs reference and the result
 * types all read this list.
 */
import { leaderElectionKind } from "./elections/leader-election-kind";
import { lockServiceKind } from "./locks/lock-service-kind";
import { poolKind } from "./pools/pool-kind";
import { serverKind } from "./servers/server-kind";
import { stationKind } from "./stations/station-kind";
import { storageKind } from "./storage/storage-kind";

export const componentKinds = [
  stationKind,
  serverKind,
  poolKind,
  lockServiceKind,
  storageKind,
  leaderElectionKind,
] as const;
