/** Compiles the C servers once per calibration run, into a temporary folder removed at exit. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./processes";

export const SERVERS = join(import.meta.dirname, "servers");

let dir: string | null = null;
const built = new Map<string, Promise<string>>();

/** The path of the compiled server `name` (servers/<name>.c), compiling it on first use. */
export function cServer(name: string): Promise<string> {
  let binary = built.get(name);
  if (binary === undefined) {
    binary = compile(name);
    built.set(name, binary);
  }
  return binary;
}

async function compile(name: string): Promise<string> {
  if (dir === null) {
    dir = mkdtempSync(join(tmpdir(), "syslab-calibration-"));
    process.on("exit", () => rmSync(dir!, { recursive: true, force: true }));
  }
  const binary = join(dir, name);
  await run("gcc", ["-O2", "-Wall", "-pthread", "-o", binary, join(SERVERS, `${name}.c`), "-lm"], 60);
  return binary;
}
