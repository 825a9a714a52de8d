import { readFileSync } from "node:fs";
import { sweep } from "./packages/sim-core/src/run/sweep";
const ex = (n: string) => JSON.parse(readFileSync(`examples/servers/${n}.json`, "utf8"));
const base = ex("affinity");
for (const variant of [
  { mig: "300us", threads: 64, rate: 1950, cpu: "1ms", io: "4ms" },
  { mig: "300us", threads: 64, rate: 2200, cpu: "1ms", io: "4ms" },
  { mig: "300us", threads: 32, rate: 2200, cpu: "1ms", io: "4ms" },
]) {
  base.components.web.migration = variant.mig; base.components.web.architecture.threads = variant.threads; base.workload.arrival.rate = variant.rate;
  base.workload.requests[0].steps = [{ cpu: { exp: variant.cpu } }, { io: { exp: variant.io } }, { cpu: { exp: variant.cpu } }];
  const s = sweep(base, "components.web.affinity", ["floating", "pinned"]);
  for (const row of s.rows) {
    const w = row.result.components.web as any;
    console.log(JSON.stringify(variant), row.value, row.result.throughput, w.cpu.useful, w.cpu.switching, w.migrations, w.contextSwitches, row.result.latency.p50, row.result.requests.failed.rejected);
  }
}
