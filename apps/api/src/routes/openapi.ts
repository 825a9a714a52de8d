// GET /openapi.json: the document from @syslab/api-contract, listing this server under `servers`.

import { openApiDocument } from "@syslab/api-contract";
import { Hono } from "hono";
import type { AppDeps } from "../app-deps";
import { requestOrigin } from "../http/origin";
import { BoundedCache } from "../runs/bounded-cache";

export function openApiRoutes({ config }: AppDeps): Hono {
  const app = new Hono();
  // Built once per origin clients reach the server at: the rest depends only on settings fixed at start.
  const bodies = new BoundedCache<string, string>(100);
  app.get("/openapi.json", (c) => {
    const origin = requestOrigin(c, config.publicUrl);
    let body = bodies.get(origin);
    if (body === undefined) {
      const tokensRequired = config.apiTokens.length > 0;
      body = JSON.stringify(
        openApiDocument({ maxSweepValues: config.maxSweepValues, serverUrl: origin, tokensRequired }),
      );
      bodies.set(origin, body);
    }
    return c.body(body, 200, { "Content-Type": "application/json" });
  });
  return app;
}
