import { readFileSync } from "node:fs";
import { sweep } from "./packages/sim-core/src/run/sweep";
import { simulate } from "./packages/sim-core/src/run/simulate";
const ex = (n: string) => JSON.parse(readFileSync(`examples/servers/${n}.json`, "utf8"));
const line = (label: string, r: any) => {
  const w = r.components.web as any;
  console.log(label, "thr", r.throughput, JSON.stringify(r.requests.failed), "lat", r.latency.p50, r.latency.p90, r.latency.p99, r.latency.max, "cpu", w.cpu.useful, w.cpu.switching, "cs", w.contextSwitches, "mig", w.migrations, "memMB", (w.peakMemory / 1048576).toFixed(1), "waste", w.wastedCpu, "ret", JSON.stringify(w.acceptQueue.retransmitted), JSON.stringify(r.requests.byClass));
};
const sw = (name: string, path: string, values: (number | string)[]) => {
  const t = Date.now();
  for (const row of sweep(ex(name), path, values).rows) line(`${name} ${row.value}`, row.result);
  console.log("  ", Date.now() - t, "ms");
};
//sw("cpu-bound-saturation", "components.web.architecture.threads", [2, 8, 32, 256]);
//sw("io-wait-thread-count", "components.web.architecture.threads", [1, 2, 5, 10, 20, 40, 100]);
//sw("thrashing", "components.web.architecture.threads", [5, 10, 20, 40, 100, 400, 1000, 2000]);
sw("cpu-heavy-breaks", "components.web.architecture.threads", [2, 200]);
//sw("event-loop-slow-io", "components.web.architecture.workers", [1]);
//sw("thread-pool-slow-io", "components.web.architecture.threads", [200, 4096]);
sw("event-loop-head-of-line", "workload.requests.1.steps.0.cpu", ["1ms", "300ms"]);
sw("gil-threads", "components.web.architecture.gil", [false, true] as any);
sw("gil-prefork", "components.web.architecture.workers", [4]);
sw("accept-queue-overflow", "components.web.onOverflow", ["drop", "reset"]);
sw("affinity", "components.web.affinity", ["floating", "pinned"]);
