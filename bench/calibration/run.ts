/**
 * `npm run calibrate`: real servers on this machine against their syslab twins. Each case starts
 * a small real server, drives it, runs the same configuration in syslab, and prints both side by
 * side with their ratio; the whole run is written to the docs' data file (committed), from which
 * the "Predicted vs measured" page draws every figure and chart.
 *
 *   npm run calibrate                          every case (about 8 minutes on 2 cores)
 *   npm run calibrate -- accept-queue gil      only these cases (the data file keeps the others)
 *   npm run calibrate -- --repeats 2           fewer repeats of the noisy cases
 *   npm run calibrate -- --resimulate          keep the measured figures, simulate the twins again
 *                                              with this engine (after a version that moves results)
 *
 * Every process it starts is stopped when it ends, fails or is interrupted (processes.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINE_VERSION } from "@syslab/sim-core";
import type { CaseResult } from "./case-result";
import { CALIBRATION_CASES } from "./cases";
import { describeMachine, loadAverage, type Machine } from "./machine";
import { printCase } from "./print-case";
import { resimulateCase } from "./resimulate";
import { privateNetworkAvailable } from "./run-trial";

const RUN_FILE = join(import.meta.dirname, "../../apps/docs/src/calibration/calibration-run.json");

interface CalibrationRun {
  engine: string;
  measuredAt: string;
  machine: Machine;
  privateNetwork: boolean;
  /** 1-minute load average when the run began and ended. */
  load: [number, number];
  seconds: number;
  cases: Record<string, CaseResult>;
}

/** Writes the run laid out as the repository's formatter lays out JSON, so the committed file passes `npm run lint`. */
function writeRun(run: CalibrationRun): void {
  writeFileSync(RUN_FILE, `${JSON.stringify(run)}\n`);
  execFileSync(join(import.meta.dirname, "../../node_modules/.bin/biome"), ["format", "--write", RUN_FILE], {
    stdio: "ignore",
  });
}

const args = process.argv.slice(2);
if (args.includes("--resimulate")) {
  const committed = JSON.parse(readFileSync(RUN_FILE, "utf8")) as CalibrationRun;
  const cases = Object.fromEntries(
    Object.entries(committed.cases).map(([name, c]) => [name, resimulateCase(c)]),
  );
  for (const c of Object.values(cases)) printCase(c);
  writeRun({ ...committed, engine: ENGINE_VERSION, cases });
  console.log(`\nsimulated again with engine ${ENGINE_VERSION}; measured figures kept; wrote ${RUN_FILE}`);
  process.exit(0);
}
let repeats = 4;
const wanted: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--repeats") repeats = Number(args[++i]);
  else wanted.push(args[i]!);
}
const unknown = wanted.filter((name) => !(name in CALIBRATION_CASES));
if (unknown.length > 0 || !(repeats >= 1)) {
  console.error(
    `usage: npm run calibrate -- [--repeats n] [${Object.keys(CALIBRATION_CASES).join(" | ")} …]`,
  );
  process.exit(2);
}

const began = Date.now();
const loadBefore = loadAverage();
const machine = describeMachine();
const isolated = privateNetworkAvailable();
console.log(
  `${machine.cpu}, ${machine.cores} cores, Linux ${machine.kernel} (HZ ${machine.hz ?? "?"}), load ${loadBefore}; ` +
    (isolated
      ? "each trial in its own network namespace"
      : "no private network namespace: trials share the host's"),
);
console.log(
  Object.entries(machine.sysctls)
    .map(([k, v]) => `${k.replace(/^net\.(ipv4|core)\./, "")}=${v}`)
    .join(" "),
);

const previous: CalibrationRun | null = existsSync(RUN_FILE)
  ? (JSON.parse(readFileSync(RUN_FILE, "utf8")) as CalibrationRun)
  : null;
const cases: Record<string, CaseResult> = wanted.length > 0 && previous ? { ...previous.cases } : {};
for (const [name, measure] of Object.entries(CALIBRATION_CASES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const result = await measure({ repeats });
  cases[name] = result;
  printCase(result);
}

const run: CalibrationRun = {
  engine: ENGINE_VERSION,
  measuredAt: new Date().toISOString(),
  machine,
  privateNetwork: isolated,
  load: [loadBefore, loadAverage()],
  seconds: Math.round((Date.now() - began) / 1000),
  cases,
};
writeRun(run);
console.log(`\n${run.seconds} s; load ${run.load[0]} → ${run.load[1]}; wrote ${RUN_FILE}`);
process.exit(0);
