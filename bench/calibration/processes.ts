/**
 * Every process the calibration starts goes through here, so that every one is stopped: each
 * child leads its own process group, and stopping it signals the whole group (a server's own
 * workers and forks included), first SIGTERM, then SIGKILL. `stopAll` runs on exit and on
 * SIGINT/SIGTERM as well.
 */
import { type ChildProcess, type SpawnOptions, spawn } from "node:child_process";

const running = new Set<ChildProcess>();

export interface Started {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string>;
}

export function start(command: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true });
  running.add(child);
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
      running.delete(child);
      resolve("spawn-error");
    });
    child.on("exit", (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? "unknown");
    });
  });
  return { child, output: () => text, exited };
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

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group has already gone
  }
}

/** Stops the process and its whole group: SIGTERM, then SIGKILL after `graceSeconds`. */
export async function stop(started: Started, graceSeconds = 3): Promise<void> {
  const { child } = started;
  if (child.exitCode === null && child.signalCode === null) signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceSeconds * 1000);
  await started.exited;
  clearTimeout(timer);
  // Forked workers may outlive their leader: the group gets SIGKILL whatever happened.
  signalGroup(child, "SIGKILL");
}

/** Runs a command to completion, failing with its output when it exits non-zero or overruns. */
export async function run(command: string, args: string[], seconds: number, options: SpawnOptions = {}) {
  const started = start(command, args, options);
  const timer = setTimeout(() => signalGroup(started.child, "SIGKILL"), seconds * 1000);
  const code = await started.exited;
  clearTimeout(timer);
  signalGroup(started.child, "SIGKILL");
  if (code !== 0)
    throw new Error(`${command} ${args.join(" ")} ended with ${code}: ${started.output().slice(-3000)}`);
  return started.output();
}

export function stopAll(): void {
  for (const child of running) signalGroup(child, "SIGKILL");
  running.clear();
}

process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
