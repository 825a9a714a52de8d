import { simulate } from "../../packages/sim-core/src/index";
const archs: Record<string, unknown> = {
  "thread-pool": { kind: "thread-pool", threads: 8, queue: 16 },
  prefork: { kind: "prefork", workers: 8 },
};
const base = (arch: unknown, rate: number, onOverflow: string) => ({
  version: 1, seed: 9, run: { requests: 2000, warmup: 200 },
  workload: { arrival: { process: "poisson", rate }, requests: [{ name: "r", timeout: "2s", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: "38ms" } }] }] },
  entry: "web",
  components: { web: { type: "server", cores: 2, acceptBacklog: 32, onOverflow, architecture: arch } },
});
const T0 = performance.now();
for (const rate of [100, 200, 300, 400, 600]) {
  for (const [name, a] of Object.entries(archs)) for (const of of ["drop", "reset"]) {
    const t0 = performance.now();
    try {
      const r = simulate(base(a, rate, of));
      const w = r.components.web as any;
      console.log(rate, name.padEnd(12), of, r.throughput.toFixed(0), (r.latency.p99*1000).toFixed(0), JSON.stringify(r.requests.failed), JSON.stringify(w.acceptQueue), r.simulated.events, (performance.now()-t0).toFixed(0), "ms");
    } catch (e) { console.log(rate, name, e.message, e.problems); }
  }
}
console.log("total", performance.now()-T0);
