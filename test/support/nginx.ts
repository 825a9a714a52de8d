// Runs Debian's nginx on 127.0.0.1 with deploy/nginx.conf, as shipped except for the two things a
// deployment sets itself: the replica addresses and the port to listen on. Used by the nginx and
// scale-out tests and by the API benchmark. Where nginx is missing, its tests skip — except in CI.

import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const shipped = fileURLToPath(new URL("../../deploy/nginx.conf", import.meta.url));

function findNginx(): string | undefined {
  const found = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
  if (!found && process.env.CI) throw new Error("CI is set but nginx is not installed (.ci/run installs it)");
  return found;
}

export const nginxBinary = findNginx();
export const noNginx = "nginx is not installed (apt-get install nginx)";

/** A port free on 127.0.0.1 just now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** deploy/nginx.conf with `upstreams` as the replicas and `listen` as the address; throws if either is not where a deployment would edit it. */
function deployedConfig(upstreams: string[], listen: string): string {
  const text = readFileSync(shipped, "utf8");
  const upstream = /(upstream syslab_api \{[\s\S]*?)((?:\n\s*server [^;\n]+;)+)/;
  if (!upstream.test(text)) throw new Error("deploy/nginx.conf: no server lines in upstream syslab_api");
  const servers = upstreams.map((a) => `\n    server ${a};`).join("");
  const withServers = text.replace(upstream, (_, head) => `${head}${servers}`);
  if (!/\n\s*listen 80;/.test(withServers)) throw new Error("deploy/nginx.conf: no `listen 80;` line");
  return withServers.replace(/\n(\s*)listen 80;/, `\n$1listen ${listen};`);
}

export interface Nginx {
  url: string;
  errorLog(): string;
  stop(): Promise<void>;
}

export async function startNginx(upstreams: string[], opts: { workers?: number } = {}): Promise<Nginx> {
  if (!nginxBinary) throw new Error(noNginx);
  const dir = mkdtempSync(join(tmpdir(), "syslab-nginx-"));
  const port = await freePort();
  writeFileSync(join(dir, "syslab.conf"), deployedConfig(upstreams, `127.0.0.1:${port}`));
  // The main file Debian's /etc/nginx/nginx.conf would be, with every path inside `dir`.
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      "daemon off;",
      "user root;",
      `worker_processes ${opts.workers ?? 1};`,
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      "events { worker_connections 4096; }",
      "http {",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      `  include ${dir}/syslab.conf;`,
      "}",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(nginxBinary, ["-p", dir, "-c", join(dir, "nginx.conf")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const errorLog = () => {
    const file = join(dir, "error.log");
    return stderr + (existsSync(file) ? readFileSync(file, "utf8") : "");
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errorLog()}`);
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${errorLog()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    errorLog,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
