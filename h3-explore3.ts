import { simulate } from "./packages/sim-core/src/run/simulate";
const S = (o: any) => simulate({ version: 1, seed: 1, ...o });
for (const affinity of ["floating", "pinned"]) {
  const r = S({ run: { duration: "20s", warmup: "2s" }, workload: { arrival: { process: "poisson", rate: 1300 }, requests: [{ name: "r", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: "8ms" } }, { cpu: { exp: "2ms" } }] }] }, entry: "web", components: { web: { type: "server", cores: 4, migration: "200us", affinity, architecture: { kind: "thread-pool", threads: 16, queue: 100 } } } });
  const w = r.components.web as any;
  console.log(affinity, r.throughput, w.cpu.useful, w.cpu.switching, w.migrations, w.contextSwitches, r.latency.p50);
}
for (const cs of ["3us", "200us"]) for (const threads of [5, 10, 20, 40, 100, 400, 1000]) {
  const t0 = Date.now();
  const r = S({ run: { duration: "20s", warmup: "2s" }, workload: { arrival: { process: "poisson", rate: 400 }, requests: [{ name: "r", steps: [{ cpu: { exp: "10ms" } }, { io: { exp: "90ms" } }] }] }, entry: "web", components: { web: { type: "server", cores: 2, contextSwitch: cs, architecture: { kind: "thread-pool", threads, queue: 0 } } } });
  const w = r.components.web as any;
  console.log("thrash", cs, threads, r.throughput, JSON.stringify(r.requests.failed), w.cpu.useful, w.cpu.switching, w.contextSwitches, w.migrations, r.latency.p50, Date.now() - t0, "ms");
}
for (const onOverflow of ["drop"]) {
  const r = S({ run: { duration: "100s", warmup: "0s" }, workload: { arrival: { process: "onoff", rate: 1000, on: "2s", off: "38s" }, requests: [{ name: "r", steps: [{ cpu: "10ms" }] }] }, entry: "web", components: { web: { type: "server", cores: 2, architecture: { kind: "prefork", workers: 2 }, acceptBacklog: 64, onOverflow } } });
  const w = r.components.web as any;
  console.log(onOverflow, r.throughput, JSON.stringify(r.requests.failed), JSON.stringify(r.latency), JSON.stringify(w.acceptQueue));
}
