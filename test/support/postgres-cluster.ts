// A throwaway Postgres cluster for tests that stop and restart the server without disturbing anyone
// else's: initdb into a temporary folder and pg_ctl on a free port of 127.0.0.1. Postgres refuses to
// run as root, so as root the binaries run as the postgres user, in a folder that user owns.

import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./nginx";

function findBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], "bin");
}

const binDir = findBinDir();
export const noCluster =
  "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)";
export const clusterAvailable = binDir !== undefined;
if (!clusterAvailable && process.env.CI) throw new Error(`CI is set but there are ${noCluster}`);

const asRoot = process.getuid?.() === 0;

/** Runs a server binary, as the postgres user when this process is root. */
function run(binary: string, args: string[]): string {
  const path = join(binDir!, binary);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path, ...args]] : [path, args];
  return execFileSync(cmd, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export interface Cluster {
  /** postgres://… of the database `syslab` on the cluster. */
  url: string;
  /** A fast restart: every connection is cut, committed data stays. */
  restart(): void;
  /** Stops the server (fast shutdown) until `resume`. */
  pause(): void;
  resume(): void;
  stop(): void;
}

export async function startCluster(): Promise<Cluster> {
  if (!binDir) throw new Error(noCluster);
  const dir = mkdtempSync(join(tmpdir(), "syslab-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
  // The server's output goes to the log file, never to our pipe (which would then never close).
  const log = join(dir, "server.log");
  run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
  const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE syslab");
  await admin.end();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/syslab`,
    restart: () => {
      run("pg_ctl", ["-D", data, "-l", log, "-m", "fast", "-w", "restart"]);
    },
    pause: () => {
      run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    resume: () => {
      run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
    },
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
