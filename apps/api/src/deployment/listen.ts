// Serves a Hono app on HOST:PORT and prints the address it listens on (PORT=0 picks a free port).

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import type { Config } from "../config";
import { type Logger, lifecycleLog } from "../ops/logger";

export interface Listening {
  url: string;
  /** Stops accepting connections. */
  close(): void;
  /** Ends every open connection (idle keep-alives, streams already answered). */
  closeAllConnections(): void;
}

export function listen(app: Hono, config: Config, log: Logger, what: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port },
      (info: AddressInfo) => {
        const url = `http://${info.address}:${info.port}`;
        // A plain line, as it always was: scripts and tests read the address from "listening on <url>"
        // (so the JSON line after it must not contain that phrase).
        process.stdout.write(`${what} listening on ${url}\n`);
        lifecycleLog(log).info({ url }, `${what} started`);
        resolve({
          url,
          close: () => server.close(),
          closeAllConnections: () => {
            if ("closeAllConnections" in server) server.closeAllConnections();
          },
        });
      },
    );
    server.once("error", reject);
  });
}
