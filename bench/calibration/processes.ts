/**
 * Every process the calibration starts goes through here, so that every one is stopped. The
 * harness starts each trial as the leader of its own process group and session, and stopping it
 * signals the whole group — its server, the server's workers and forks, its load generator —
 * first SIGTERM, then SIGKILL. Inside a trial, children stay in the trial's group and session
 * (`ownGroup: false`), so they share its scheduling priority and die with it. `stopAll` runs on
 * exit and on SIGINT/SIGTERM as well.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const running = new Set<Started>();

export interface Started {
  child: ChildProcess;
  /** The child leads its own process group: signals go to the whole group. */
  ownGroup: boolean;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

export function start(
  command: string,
  args: string[],
  options: SpawnOptions & { ownGroup?: boolean } = {},
): Started {
  const { ownGroup = true, ...spawnOptions } = options;
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...spawnOptions,
    detached: ownGroup,
  });
  let text = "";
  child.stdout?.on("data", (d) => {
    text += d;
  });
  child.stderr?.on("data", (d) => {
    text += d;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on("error", (error) => {
      text += String(error);
      running.delete(started);
      resolve("spawn-error");
    });
    child.on("exit", (code, killedBy) => {
      running.delete(started);
      resolve(code ?? killedBy ?? "unknown");
    });
  });
  const started: Started = { child, ownGroup, output: () => text, exited };
  running.add(started);
  return started;
}

/** Waits until the process prints a line matching `pattern`; fails if it exits or `seconds` pass first. */
export async function waitForOutput(
  started: Started,
  pattern: RegExp,
  seconds: number,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const m = pattern.exec(started.output());
    if (m) return m;
    if (started.child.exitCode !== null || started.child.signalCode !== null)
      throw new Error(`process exited before printing ${pattern}: ${started.output().slice(-2000)}`);
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} after ${seconds} s: ${started.output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function signal(started: Started, name: NodeJS.Signals): void {
  const pid = started.child.pid;
  if (pid === undefined) return;
  try {
    process.kill(started.ownGroup ? -pid : pid, name);
  } catch {
    // the group has already gone
  }
}

/** Stops the process and its whole group: SIGTERM, then SIGKILL after `graceSeconds`. */
export async function stop(started: Started, graceSeconds = 3): Promise<void> {
  const { child } = started;
  if (child.exitCode === null && child.signalCode === null) signal(started, "SIGTERM");
  const timer = setTimeout(() => signal(started, "SIGKILL"), graceSeconds * 1000);
  await started.exited;
  clearTimeout(timer);
  // Forked workers may outlive their leader: the group gets SIGKILL whatever happened.
  if (started.ownGroup) signal(started, "SIGKILL");
}

/** Runs a command to completion, failing with its output when it exits non-zero or overruns. */
export async function run(
  command: string,
  args: string[],
  seconds: number,
  options: SpawnOptions & { ownGroup?: boolean } = {},
) {
  const started = start(command, args, options);
  const timer = setTimeout(() => signal(started, "SIGKILL"), seconds * 1000);
  const code = await started.exited;
  clearTimeout(timer);
  if (started.ownGroup) signal(started, "SIGKILL");
  if (code !== 0)
    throw new Error(`${command} ${args.join(" ")} ended with ${code}: ${started.output().slice(-3000)}`);
  return started.output();
}

export function stopAll(): void {
  for (const started of running) signal(started, "SIGKILL");
  running.clear();
}

process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
