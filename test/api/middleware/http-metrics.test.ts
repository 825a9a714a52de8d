// HTTP latency is counted per route pattern and status, never per raw path.

import { expect, test } from "vitest";
import { testAppForThisTest } from "../support/test-app";

test("requests are labelled by method, route pattern and status", async () => {
  const t = testAppForThisTest();
  await t.app.request("/v1/runs/0123456789abcdef0123");
  await t.app.request("/v1/runs/aaaaaaaaaaaaaaaaaaaa");
  await t.app.request("/healthz");
  await t.app.request("/no/such/page");
  const text = await (await t.app.request("/metrics")).text();
  const count = (labels: string) =>
    Number(
      text
        .split("\n")
        .find((l) => l.startsWith(`syslab_http_request_duration_seconds_count{${labels}} `))
        ?.split(" ")[1],
    );
  expect(count('method="GET",route="/v1/runs/:id",status="404"')).toBe(2);
  expect(count('method="GET",route="/healthz",status="200"')).toBe(1);
  expect(count('method="GET",route="/*",status="404"')).toBe(1);
  expect(text).not.toContain("0123456789abcdef0123");
});
