import { simulate } from "../../packages/sim-core/src/index";
const base = (threads: number, io: string) => ({
  version: 1, seed: 3, run: { requests: 3000, warmup: 300 },
  workload: { arrival: { process: "poisson", rate: 1000 }, requests: [{ name: "r", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: io } }] }] },
  entry: "web",
  components: { web: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads, queue: 10000 } } },
});
for (const t of [1, 2, 4, 8, 16, 64, 256]) {
  const t0 = performance.now();
  try {
    const r = simulate(base(t, "8ms"));
    console.log(t, r.throughput.toFixed(1), (r.latency.mean*1000).toFixed(1), JSON.stringify(r.components.web).slice(0, 300), (performance.now()-t0).toFixed(0), "ms");
  } catch (e) { console.log(t, e.message, e.problems); }
}
