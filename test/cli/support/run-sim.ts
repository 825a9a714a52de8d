// `npm run sim -- …` as a child process, for tests of the command line as a user runs it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const repo = join(import.meta.dirname, "../../..");

export function sim(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
    cwd: repo,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
