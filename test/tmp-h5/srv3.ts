import { simulate } from "../../packages/sim-core/src/index";
const archs: Record<string, unknown> = {
  "event-loop": { kind: "event-loop", workers: 2 },
  "thread-pool": { kind: "thread-pool", threads: 50, queue: 100 },
  prefork: { kind: "prefork", workers: 5 },
  gil: { kind: "thread-pool", threads: 50, queue: 100, gil: true },
};
const base = (arch: unknown, rate: number) => ({
  version: 1, seed: 5, run: { requests: 2000, warmup: 200 },
  workload: { arrival: { process: "poisson", rate }, requests: [{ name: "r", timeout: "5s", steps: [{ cpu: { exp: "1ms" } }, { io: { exp: "20ms" } }] }] },
  entry: "web",
  components: { web: { type: "server", cores: 2, architecture: arch } },
});
const T0 = performance.now();
for (const rate of [100, 200, 400, 800, 1200, 1600, 2000]) {
  for (const [name, a] of Object.entries(archs)) {
    const t0 = performance.now();
    try {
      const r = simulate(base(a, rate));
      const w = r.components.web as any;
      console.log(rate, name.padEnd(12), r.throughput.toFixed(0), (r.latency.p99*1000).toFixed(0), (w.peakMemory/1e6).toFixed(1)+"MB", JSON.stringify(r.requests.failed), r.simulated.events, (performance.now()-t0).toFixed(0), "ms");
    } catch (e) { console.log(rate, name, e.message, e.problems); }
  }
}
console.log("total", performance.now()-T0);
