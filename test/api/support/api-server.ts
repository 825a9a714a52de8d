// Starts the real API (node --import tsx apps/api/src/main.ts) on 127.0.0.1 with a free port and
// a temporary data folder, for end-to-end tests that go through HTTP.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export interface ApiServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Sends `signal` and resolves with the exit code once the process has exited. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const started = new Set<ChildProcess>();

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "syslab-api-test-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function startApiServer(
  opts: {
    dataDir?: string;
    env?: Record<string, string>;
    /** Keep only what was printed up to "listening on" (benchmarks: request logs pile up fast). */
    forgetOutput?: boolean;
  } = {},
): Promise<ApiServer> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
    cwd: repoRoot,
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, POOL_SIZE: "1", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child);
  let output = "";
  let listening = false;
  const keep = (d: Buffer) => {
    if (!listening || !opts.forgetOutput) output += d;
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.once("exit", () => started.delete(child));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (m) {
        listening = true;
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** For afterAll: kills every server this file started that is still running. */
export async function killAllServers(): Promise<void> {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
}

export async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Polls `check` every 50 ms until it returns a value, at most `timeoutMs`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
