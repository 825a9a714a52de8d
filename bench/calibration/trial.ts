/**
 * One trial of a case, run as its own process — inside a private network namespace when the
 * machine allows one (`unshare --net`), so its loopback, ports, TCP counters and sysctls are its
 * own and nothing it sets reaches the shared machine. Prints one JSON line: the trial's result.
 *
 *   node --import tsx bench/calibration/trial.ts <case module> <trial name> '<params JSON>'
 *
 * Params may carry `sysctls` ({ "net.ipv4.tcp_abort_on_overflow": 1, … }): set here inside a
 * private namespace; on the shared network they are only read, and the trial reports the values
 * it actually ran with. And `priority`: the nice value of the trial's autogroup. The harness
 * starts each trial in a session of its own, and Linux shares CPU between sessions' autogroups
 * first (sched_autogroup_enabled), so on a machine busy with other work a CPU-bound trial would
 * get a fraction of a core; a lower nice value for its autogroup (sched(7), "The autogroup
 * feature") gives it most of the cores for the few seconds it runs.
 */
import { writeFileSync } from "node:fs";
import { loadAverage, readSysctls } from "./machine";
import { run, stopAll } from "./processes";
import type { TrialContext, TrialModule } from "./trial-context";

const [modulePath, name, json] = process.argv.slice(2);
if (!modulePath || !name || !json) {
  console.error("usage: trial.ts <case module> <trial name> '<params JSON>'");
  process.exit(2);
}
const params = JSON.parse(json) as { sysctls?: Record<string, number>; priority?: number };
const privateNetwork = process.env.CALIBRATION_PRIVATE_NETWORK === "1";

if (privateNetwork) {
  await run("ip", ["link", "set", "lo", "up"], 10);
  for (const [key, value] of Object.entries(params.sysctls ?? {}))
    writeFileSync(`/proc/sys/${key.replaceAll(".", "/")}`, String(value));
}

if (params.priority !== undefined) writeFileSync("/proc/self/autogroup", String(params.priority));

const context: TrialContext = { privateNetwork, sysctls: readSysctls() };
const loadBefore = loadAverage();
const module = (await import(modulePath)) as TrialModule;
const trial = module.trials[name];
if (trial === undefined) throw new Error(`${modulePath} has no trial named ${name}`);
const result = await trial(params as never, context);
process.stdout.write(`${JSON.stringify({ ...result, context, load: [loadBefore, loadAverage()] })}\n`);
stopAll();
process.exit(0);
