/**
 * Every component kind, by descriptor: the only place kinds are enumerated. A new kind is a
 * folder exporting one descriptor (component/component-kind.ts) and one line here; the scenario
 * schema, its JSON Schema, the reference checks, the factory, the docs reference and the result
 * types all read this list. Every kind gets `outages` here (failures/failing-kind.ts).
 */

import { balancerKind } from "./balancers/balancer-kind";
import { cacheKind } from "./caches/cache-kind";
import { dnsKind } from "./dns/dns-kind";
import { leaderElectionKind } from "./elections/leader-election-kind";
import { failingKinds } from "./failures/failing-kind";
import { brokerKind } from "./jobs/broker-kind";
import { exchangeKind } from "./jobs/exchange-kind";
import { resultBackendKind } from "./jobs/result-backend-kind";
import { workersKind } from "./jobs/workers-kind";
import { limiterKind } from "./limiters/limiter-kind";
import { lockServiceKind } from "./locks/lock-service-kind";
import { poolKind } from "./pools/pool-kind";
import { serverKind } from "./servers/server-kind";
import { stationKind } from "./stations/station-kind";
import { storageKind } from "./storage/storage-kind";
import { consumerGroupKind } from "./streams/consumer-group-kind";
import { streamKind } from "./streams/stream-kind";

export const componentKinds = failingKinds([
  stationKind,
  serverKind,
  poolKind,
  cacheKind,
  brokerKind,
  exchangeKind,
  workersKind,
  resultBackendKind,
  lockServiceKind,
  storageKind,
  leaderElectionKind,
  balancerKind,
  limiterKind,
  streamKind,
  consumerGroupKind,
  dnsKind,
] as const);
