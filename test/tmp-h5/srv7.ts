import { simulate } from "../../packages/sim-core/src/index";
const db = (threads: number) => ({ type: "server", cores: 4, contextSwitch: "50us", architecture: { kind: "thread-pool", threads, queue: 0 } });
const mk = (path: string, n: number) => ({
  version: 1, seed: 4, run: { requests: 3000, warmup: 300 },
  workload: { clients: { users: 400, think: "400ms" }, requests: [{ name: "query", steps: [path === "direct" ? { call: "db", steps: [{ cpu: { exp: "4ms" } }] } : { call: "bouncer", hold: { exp: "4ms" } }] }] },
  entry: "app",
  components: path === "direct" ? { app: { type: "server", cores: 8, architecture: { kind: "event-loop", workers: 8, connections: 10000 } }, db: db(n) }
   : { app: { type: "server", cores: 8, architecture: { kind: "event-loop", workers: 8, connections: 10000 } }, bouncer: { type: "pool", mode: "transaction", size: n, clientConnections: 1000, target: "db" }, db: db(1000) },
});
for (const n of [4, 8, 16, 32, 64, 128, 256, 400]) for (const p of ["direct", "pooled"]) {
  const t0 = performance.now();
  try { const r = simulate(mk(p, n)); console.log(n, p, r.throughput.toFixed(0), (r.latency.mean*1000).toFixed(1), (r.latency.p99*1000).toFixed(0), JSON.stringify(r.requests.failed), (r.components.db as any).cpu.switching.toFixed(3), (performance.now()-t0).toFixed(0)+"ms"); } catch (e: any) { console.log(e.message, JSON.stringify(e.problems)); }
}
