import { simulate } from "../../packages/sim-core/src/index";
const s = {
  version: 1, seed: 4, run: { requests: 2000, warmup: 200 },
  workload: { clients: { users: 300, think: "10ms" }, requests: [{ name: "q", steps: [{ call: "bouncer", hold: { exp: "4ms" } }] }] },
  entry: "app",
  components: { app: { type: "server", cores: 8, architecture: { kind: "event-loop", workers: 8, connections: 10000 } }, bouncer: { type: "pool", mode: "transaction", size: 16, clientConnections: 1000, target: "db" }, db: { type: "server", cores: 4, architecture: { kind: "thread-pool", threads: 100, queue: 0 } } },
};
try { const r = simulate(s); console.log(r.throughput, r.latency.p99, JSON.stringify(r.components.db).slice(0,300)); } catch (e: any) { console.log(e.message, JSON.stringify(e.problems)); }
