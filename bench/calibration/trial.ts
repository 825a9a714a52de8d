/**
 * One trial of a case, run as its own process — inside a private network namespace when the
 * machine allows one (`unshare --net`), so its loopback, ports, TCP counters and sysctls are its
 * own and nothing it sets reaches the shared machine. Prints one JSON line: the trial's result.
 *
 *   node --import tsx bench/calibration/trial.ts <case module> <trial name> '<params JSON>'
 *
 * Params may carry `sysctls` ({ "net.ipv4.tcp_abort_on_overflow": 1, … }): set here inside a
 * private namespace; on the shared network they are only read, and the trial reports the values
 * it actually ran with.
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
const params = JSON.parse(json) as { sysctls?: Record<string, number> };
const privateNetwork = process.env.CALIBRATION_PRIVATE_NETWORK === "1";

if (privateNetwork) {
  await run("ip", ["link", "set", "lo", "up"], 10);
  for (const [key, value] of Object.entries(params.sysctls ?? {}))
    writeFileSync(`/proc/sys/${key.replaceAll(".", "/")}`, String(value));
}

const context: TrialContext = { privateNetwork, sysctls: readSysctls() };
const loadBefore = loadAverage();
const module = (await import(modulePath)) as TrialModule;
const trial = module.trials[name];
if (trial === undefined) throw new Error(`${modulePath} has no trial named ${name}`);
const result = await trial(params as never, context);
process.stdout.write(`${JSON.stringify({ ...result, context, load: [loadBefore, loadAverage()] })}\n`);
stopAll();
process.exit(0);
