/**
 * Starts a trial (trial.ts) as a child process, in a private network namespace when `unshare
 * --net` works here, and returns its result. A trial that overruns its time is killed with its
 * whole process group.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { start, stop } from "./processes";
import type { TrialResult } from "./trial-context";

const TRIAL = join(import.meta.dirname, "trial.ts");

let privateNetwork: boolean | undefined;

/** Whether trials can have their own network namespace (needs CAP_SYS_ADMIN, e.g. root). */
export function privateNetworkAvailable(): boolean {
  if (privateNetwork === undefined) {
    try {
      execFileSync("unshare", ["--net", "true"], { stdio: "ignore", timeout: 5000 });
      privateNetwork = true;
    } catch {
      privateNetwork = false;
    }
  }
  return privateNetwork;
}

export async function runTrial<T>(
  module: string,
  name: string,
  params: object,
  seconds: number,
): Promise<TrialResult<T>> {
  const node = [process.execPath, "--import", "tsx", TRIAL, module, name, JSON.stringify(params)];
  const isolated = privateNetworkAvailable();
  const [command, ...args] = isolated ? ["unshare", "--net", "--", ...node] : node;
  const trial = start(command!, args, {
    env: { ...process.env, CALIBRATION_PRIVATE_NETWORK: isolated ? "1" : "0" },
  });
  const timer = setTimeout(() => void stop(trial), seconds * 1000);
  const code = await trial.exited;
  clearTimeout(timer);
  await stop(trial);
  const lines = trial.output().trim().split("\n");
  const last = lines.at(-1) ?? "";
  if (code !== 0 || !last.startsWith("{"))
    throw new Error(`trial ${name} of ${module} ended with ${code}: ${trial.output().slice(-3000)}`);
  return JSON.parse(last) as TrialResult<T>;
}
