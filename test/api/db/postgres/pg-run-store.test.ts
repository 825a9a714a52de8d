// While Postgres is down the API says so — 503 store.unavailable with Retry-After, /readyz 503,
// /healthz still 200 — and once it is back the same process serves again, with no restart.

import { afterAll, expect, test } from "vitest";
import { createApp } from "../../../../apps/api/src/app";
import { loadConfig } from "../../../../apps/api/src/config";
import { migratePg } from "../../../../apps/api/src/db/postgres/migrate";
import { PgRunStore } from "../../../../apps/api/src/db/postgres/pg-run-store";
import { silentLogger } from "../../../../apps/api/src/ops/logger";
import { LocalRunScheduler } from "../../../../apps/api/src/runs/local-run-scheduler";
import { RunWatch } from "../../../../apps/api/src/runs/run-watch";
import { type Cluster, clusterAvailable, noCluster, startCluster } from "../../../support/postgres-cluster";
import { ManualExecutor } from "../../support/manual-executor";
import { quickScenario } from "../../support/scenarios";
import { postRequest } from "../../support/test-app";

let cluster: Cluster | undefined;
afterAll(() => cluster?.stop());

test.skipIf(!clusterAvailable)(
  `Postgres down, then back${clusterAvailable ? "" : ` (skipped: ${noCluster})`}`,
  async () => {
    cluster = await startCluster();
    await migratePg(cluster.url);
    const store = await PgRunStore.open(cluster.url, { poolSize: 2, log: silentLogger() });
    const config = { ...loadConfig({ DOCS_DIR: "/nonexistent" }), rateLimit: 0 };
    const scheduler = new LocalRunScheduler({
      store,
      executor: new ManualExecutor(),
      limits: config.limits,
      queueLimit: 10,
      log: silentLogger(),
    });
    const app = createApp({ config, store, scheduler, watch: new RunWatch(store) });
    try {
      const { id } = await (await app.request("/v1/runs", postRequest(quickScenario()))).json();
      cluster.pause();

      for (const res of [
        await app.request(`/v1/runs/${id}`),
        await app.request("/v1/runs", postRequest(quickScenario(2))),
      ]) {
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("5");
        expect(await res.json()).toMatchObject({ code: "store.unavailable", status: 503 });
      }
      expect((await app.request("/readyz")).status).toBe(503);
      expect((await app.request("/healthz")).status).toBe(200);

      cluster.resume();
      expect((await app.request("/readyz")).status).toBe(200);
      expect((await (await app.request(`/v1/runs/${id}`)).json()).status).toBe("running");
      // Nothing was stored while the database was down.
      const again = await app.request("/v1/runs", postRequest(quickScenario(2)));
      expect(again.status).toBe(201);
    } finally {
      await scheduler.drain(0);
      await store.close();
    }
  },
);
