import { simulate } from "./packages/sim-core/src/run/simulate";
const S = (o: any) => simulate({ version: 1, seed: 1, ...o });
const show = (label: string, r: any, comp = "web") => {
  const w = r.components[comp];
  console.log(label, "thr", r.throughput, "arr", r.requests.arrived, "done", r.requests.completed, JSON.stringify(r.requests.failed),
    "lat", r.latency.p50, r.latency.p90, r.latency.p99, r.latency.p999, r.latency.max,
    "cpu", w.cpu?.useful, w.cpu?.switching, "cs", w.contextSwitches, "mig", w.migrations, "mem", (w.peakMemory / 1048576)?.toFixed?.(1), "waste", w.wastedCpu, "aq", JSON.stringify(w.acceptQueue));
  return r;
};
show("notes200", S({ run: { duration: "120s", warmup: "30s" }, workload: { arrival: { process: "poisson", rate: 100 }, requests: [{ name: "r", timeout: "30s", steps: [{ cpu: "1.8s" }] }] }, entry: "web", components: { web: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 200, queue: 100 } } } }));
// F accept queue
for (const onOverflow of ["drop", "reset"]) {
  const t = Date.now();
  show("accept " + onOverflow, S({ run: { duration: "100s", warmup: "0s" }, workload: { arrival: { process: "onoff", rate: 600, on: "1s", off: "19s" }, requests: [{ name: "r", steps: [{ cpu: "10ms" }] }] }, entry: "web", components: { web: { type: "server", cores: 2, architecture: { kind: "prefork", workers: 2 }, acceptBacklog: 64, onOverflow } } }));
  console.log(Date.now() - t, "ms");
}
// G pool
const poolSc = (pool: any) => ({ run: { duration: "30s", warmup: "5s" }, workload: { arrival: { process: "poisson", rate: 300 }, requests: [{ name: "r", steps: [{ cpu: "2ms" }, { call: "pool", hold: { exp: "20ms" } }, { cpu: "1ms" }] }] }, entry: "web",
  components: { web: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads: 200, queue: 100 } }, pool, db: { type: "station", servers: 4, capacity: 100 } } });
show("pool small", S(poolSc({ type: "pool", size: 4, queue: 10, acquireTimeout: "1s", target: "db" })), "pool");
show("pool ok", S(poolSc({ type: "pool", size: 8, queue: 100, acquireTimeout: "1s", target: "db" })), "pool");
// direct to db: 1000 clients
const pg = (viaBouncer: boolean) => ({ run: { duration: "30s", warmup: "5s" }, workload: { arrival: { process: "poisson", rate: 400 }, requests: [{ name: "r", steps: [{ cpu: "1ms" }, { call: viaBouncer ? "bouncer" : "db", hold: { exp: "10ms" } }, { io: "200ms" }] }] }, entry: "web",
  components: { web: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads: 1000, queue: 100 } }, bouncer: { type: "pool", mode: "transaction", clientConnections: 1000, size: 20, target: "db" }, db: { type: "station", servers: 8, capacity: 50 } } });
const a = show("pg direct", S(pg(false)), "db"); console.log(JSON.stringify(a.components.db));
const b = show("pg bouncer", S(pg(true)), "db"); console.log(JSON.stringify(b.components.db), JSON.stringify(b.components.bouncer));
// H affinity
for (const affinity of ["floating", "pinned"]) {
  show("aff " + affinity, S({ run: { duration: "30s", warmup: "5s" }, workload: { arrival: { process: "poisson", rate: 400 }, requests: [{ name: "r", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: "8ms" } }, { cpu: { exp: "2ms" } }] }] }, entry: "web", components: { web: { type: "server", cores: 4, migration: "200us", affinity, architecture: { kind: "thread-pool", threads: 16, queue: 1000 } } } }));
}
