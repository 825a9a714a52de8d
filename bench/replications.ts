/**
 * `node --import tsx bench/replications.ts`: the speed-up of 10 replications of an M/M/4 queue on
 * the command line's worker threads over one thread. Prints the figures; asserts nothing (the
 * machine may be busy with other work, which only ever makes the parallel figure worse).
 *
 *   node --import tsx bench/replications.ts [threads]     default: one per core
 */
import { availableParallelism } from "node:os";
import { parseScenario, runReplications, runReplicationsWith, type Scenario } from "@syslab/sim-core";
import { ReplicationThreads } from "../apps/cli/src/replications/replication-threads";

const REPLICATIONS = 10;
const threads = Number(process.argv[2] ?? availableParallelism());

const parsed = parseScenario({
  version: 1,
  seed: 42,
  run: { requests: 500_000, warmup: 10_000, replications: REPLICATIONS },
  workload: {
    arrival: { process: "poisson", rate: 3.6 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station", servers: 4 } },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const scenario: Scenario = parsed.scenario;

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

let start = performance.now();
const sequential = runReplications(scenario);
const oneThread = seconds(start);

start = performance.now();
const pool = new ReplicationThreads();
const parallel = await runReplicationsWith(scenario, pool.run, threads);
const manyThreads = seconds(start);
await pool.close();

const same = JSON.stringify(parallel) === JSON.stringify(sequential);
console.log(
  `${REPLICATIONS} replications of M/M/4 at ρ = 0.9, 500,000 requests each (${sequential.replications!.events.toLocaleString("en-US")} events)`,
);
console.log(`  1 thread (in process)      ${oneThread.toFixed(2)} s`);
console.log(`  ${threads} worker threads          ${manyThreads.toFixed(2)} s (thread start-up included)`);
console.log(`  speed-up                   ${(oneThread / manyThreads).toFixed(2)}×`);
console.log(`  same result                ${same ? "yes" : "NO"}`);
