// Starts the real API server (which serves the built docs at /) on a free port with a temp data dir.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../../..");
export const DOCS_DIST = join(ROOT, "apps/docs/dist");

export interface DocsServer {
  origin: string;
  stop(): Promise<void>;
}

export async function startDocsServer(): Promise<DocsServer> {
  if (!existsSync(join(DOCS_DIST, "index.html"))) {
    throw new Error("apps/docs/dist is missing: build the site first (npm run build).");
  }
  const dataDir = await mkdtemp(join(tmpdir(), "syslab-docs-test-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DOCS_DIR: DOCS_DIST,
      POOL_SIZE: "1",
      RATE_LIMIT: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveOrigin(match[1]!);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
  });
  return {
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGKILL");
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
