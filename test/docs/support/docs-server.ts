// Starts the real API server (which serves the built docs at /) on a free port with a temp data dir.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { removeDataDir, startApiServer } from "../../api/support/api-server";

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
  const api = await startApiServer({ env: { DOCS_DIR: DOCS_DIST, RATE_LIMIT: "0" } });
  return {
    origin: api.url,
    async stop() {
      await api.stop("SIGKILL");
      removeDataDir(api.dataDir);
    },
  };
}
