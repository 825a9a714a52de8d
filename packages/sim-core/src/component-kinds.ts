/**
 * Every component kind, by descriptor: the only place kinds are enumerated. A new kind is a
 * folder exporting one descriptor (component/component-kind.ts) and one line here; the scenario
 * schema, its JSON Schema, the reference checks, the factory, the docs reference and the result
 * types all read this list. Every kind gets `outages` here (failures/failing-kind.ts).
 */
import { balancerKind } from "./balancers/balancer-kind";
import { dnsKind } from "./dns/dns-kind";
import { failingKinds } from "./failures/failing-kind";
import { limiterKind } from "./limiters/limiter-kind";
import { poolKind } from "./pools/pool-kind";
import { serverKind } from "./servers/server-kind";
import { stationKind } from "./stations/station-kind";

export const componentKinds = failingKinds([
  stationKind,
  serverKind,
  poolKind,
  balancerKind,
  limiterKind,
  dnsKind,
] as const);
