// Serves a Hono app on HOST:PORT and logs the address it listens on (PORT=0 picks a free port;
// tests and scripts read it from that line).

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
        lifecycleLog(log).info({ url }, `${what} listening on ${url}`);
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
