import { readFileSync } from "node:fs";
import { simulate } from "./packages/sim-core/src/run/simulate";
const ex = (n: string) => JSON.parse(readFileSync(`examples/servers/${n}.json`, "utf8"));
for (const n of ["pool-queue-full", "postgres-direct", "pgbouncer"]) {
  const t = Date.now();
  const r = simulate(ex(n));
  console.log(n, r.throughput, r.requests.arrived, JSON.stringify(r.requests.failed), JSON.stringify(r.latency), JSON.stringify(r.components), Date.now() - t, "ms");
}
