import { simulate } from "../../packages/sim-core/src/index";
const base = (threads: number, cpu: string, io: string | null, cs: string) => ({
  version: 1, seed: 3, run: { requests: 2000, warmup: 200 },
  workload: { clients: { users: 100, think: 0 }, requests: [{ name: "r", steps: io ? [{ cpu: { exp: cpu } }, { io: { exp: io } }] : [{ cpu: { exp: cpu } }] }] },
  entry: "web",
  components: { web: { type: "server", cores: 2, contextSwitch: cs, architecture: { kind: "thread-pool", threads, queue: 1000 } } },
});
for (const cs of ["3us", "100us"]) {
const T0 = performance.now();
for (const t of [1, 2, 4, 6, 8, 10, 12, 16, 24, 32, 48, 64]) {
  const t0 = performance.now();
  try {
    const a = simulate(base(t, "2ms", "8ms", cs));
    const b = simulate(base(t, "10ms", null, cs));
    console.log(cs, t, a.throughput.toFixed(1), b.throughput.toFixed(1), (a.latency.p99*1000).toFixed(1), a.components.web.cpu.switching.toFixed(3), a.simulated.events, (performance.now()-t0).toFixed(0), "ms");
  } catch (e) { console.log(t, e.message, e.problems); }
}
console.log("total", performance.now()-T0);
}
