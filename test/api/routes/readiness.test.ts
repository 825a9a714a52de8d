// GET /readyz: 200 while the store answers and the server is not draining, 503 otherwise; /healthz
// (liveness) stays 200 while the store is down.

import { expect, test } from "vitest";
import { testAppForThisTest } from "../support/test-app";

test("ready while the store answers; unavailable (and still alive) once it cannot be reached", async () => {
  const t = testAppForThisTest();
  const ready = await t.app.request("/readyz");
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  await t.store.close();
  const down = await t.app.request("/readyz");
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({ status: "unavailable", reason: "The run store cannot be reached." });
  expect((await t.app.request("/healthz")).status).toBe(200);
});

test("not ready while draining", async () => {
  const t = testAppForThisTest();
  await t.scheduler.drain(0);
  const res = await t.app.request("/readyz");
  expect(res.status).toBe(503);
  expect(await res.json()).toEqual({ status: "draining" });
});
