// One JSON log line per request, with a request id that the response echoes.

import { Writable } from "node:stream";
import { pino } from "pino";
import { expect, test } from "vitest";
import { testAppForThisTest } from "../support/test-app";

function setup() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).trim().split("\n")) lines.push(JSON.parse(line));
      done();
    },
  });
  const t = testAppForThisTest({}, { logger: pino({ level: "info" }, sink) });
  return { ...t, lines };
}

test("a request id from the caller is echoed and logged with the request", async () => {
  const { app, lines } = setup();
  const res = await app.request("/v1/runs/0123456789abcdef0123", {
    headers: { "X-Request-Id": "nginx-7f3a.1", "X-Forwarded-For": "203.0.113.9" },
  });
  expect(res.status).toBe(404);
  expect(res.headers.get("x-request-id")).toBe("nginx-7f3a.1");
  await new Promise((r) => setImmediate(r));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({
    level: 30,
    msg: "request",
    reqId: "nginx-7f3a.1",
    method: "GET",
    path: "/v1/runs/0123456789abcdef0123",
    route: "/v1/runs/:id",
    status: 404,
    forwardedFor: "203.0.113.9",
  });
  expect(lines[0]!.ms).toBeTypeOf("number");
});

test("without an id, or with one unfit for a log, the server makes a new one", async () => {
  const { app, lines } = setup();
  const plain = await app.request("/healthz");
  const hostile = await app.request("/healthz", { headers: { "X-Request-Id": 'a"b\\c' } });
  const ids = [plain.headers.get("x-request-id"), hostile.headers.get("x-request-id")];
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(ids[0]).not.toBe(ids[1]);
  await new Promise((r) => setImmediate(r));
  expect(lines.map((l) => l.reqId)).toEqual(ids);
});

test("problem responses carry the id too", async () => {
  const { app } = setup();
  const res = await app.request("/v1/runs", {
    method: "POST",
    body: "{}",
    headers: { "X-Request-Id": "r1" },
  });
  expect(res.status).toBe(415);
  expect(res.headers.get("x-request-id")).toBe("r1");
});
