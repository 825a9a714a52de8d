/**
 * Every component kind, by descriptor: the only place kinds are enumerated. A new kind is a
 * folder exporting one descriptor (component/component-kind.ts) and one line here; the scenario
 * schema, its JSON Schema, the reference checks, the factory, the docs reference and the result
 * types all read this list.
 */
import { brokerKind } from "./jobs/broker-kind";
import { resultBackendKind } from "./jobs/result-backend-kind";
import { workersKind } from "./jobs/workers-kind";
import { poolKind } from "./pools/pool-kind";
import { serverKind } from "./servers/server-kind";
import { stationKind } from "./stations/station-kind";
import { consumerGroupKind } from "./streams/consumer-group-kind";
import { streamKind } from "./streams/stream-kind";

export const componentKinds = [
  stationKind,
  serverKind,
  poolKind,
  brokerKind,
  workersKind,
  resultBackendKind,
  streamKind,
  consumerGroupKind,
] as const;
