import { simulate } from "../../packages/sim-core/src/index";
const db = (maxConn: number) => ({ type: "server", cores: 4, contextSwitch: "50us", architecture: { kind: "thread-pool", threads: maxConn, queue: 0 } });
const direct = (maxConn: number) => ({
  version: 1, seed: 4, run: { requests: 2000, warmup: 200 },
  workload: { clients: { users: 300, think: "10ms" }, requests: [{ name: "q", steps: [{ call: "db", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: "2ms" } }] }] }] },
  entry: "app",
  components: { app: { type: "server", cores: 8, architecture: { kind: "event-loop", workers: 8, connections: 10000 } }, db: db(maxConn) },
});
const pooled = (size: number) => ({
  version: 1, seed: 4, run: { requests: 2000, warmup: 200 },
  workload: { clients: { users: 300, think: "10ms" }, requests: [{ name: "q", steps: [{ call: "bouncer", steps: [{ cpu: { exp: "2ms" } }, { io: { exp: "2ms" } }] }] }] },
  entry: "app",
  components: { app: { type: "server", cores: 8, architecture: { kind: "event-loop", workers: 8, connections: 10000 } }, bouncer: { type: "pool", mode: "transaction", size, clientConnections: 1000, target: "db" }, db: db(1000) },
});
for (const n of [4, 8, 16, 50, 100, 300]) {
  for (const [name, f] of [["direct", direct], ["pooled", pooled]] as const) {
    const t0 = performance.now();
    try {
      const r = simulate(f(n));
      console.log(n, name, r.throughput.toFixed(0), (r.latency.p99*1000).toFixed(0), JSON.stringify(r.requests.failed), JSON.stringify((r.components.db as any).cpu?.switching), r.simulated.events, (performance.now()-t0).toFixed(0), "ms");
    } catch (e: any) { console.log(n, name, e.message, JSON.stringify(e.problems)); }
  }
}
