// Ten thousand hostile bodies against the real server on 127.0.0.1: every answer is a 2xx, a 4xx
// problem, or a 503 with Retry-After; no connection is dropped, nothing hangs, and /healthz keeps
// answering throughout.

import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type HostileDocument, hostileDocument } from "../support/hostile-input";
import { type ApiServer, killAllServers, removeDataDir, startApiServer } from "./support/api-server";

const BODIES = 10_000;

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer({
    // No rate limit, so that every body reaches the checks; short runs and a short queue, so that
    // valid ones keep the worker busy and the queue full (503) part of the time; a body limit of
    // 256 KiB, so that the larger hostile documents are refused with 413 and the others parsed.
    env: {
      RATE_LIMIT: "0",
      RUN_QUEUE_LIMIT: "20",
      SYSLAB_MAX_EVENTS: "200000",
      POOL_SIZE: "1",
      BODY_LIMIT: "262144",
    },
  });
});

afterAll(async () => {
  await killAllServers();
  removeDataDir(server.dataDir);
});

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "APPLICATION/JSON",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/jsonx",
  "",
  undefined,
];

const SWEEP_PATHS = [
  "workload.arrival.rate",
  "components.q.servers",
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "components.__proto__",
  "seed",
  "",
  "a".repeat(100_000),
];

interface Hostile {
  route: "/v1/runs" | "/v1/sweeps";
  contentType: string | undefined;
  /** Sent without a Content-Length, so that the server counts the body as it reads it. */
  chunked: boolean;
  document: HostileDocument;
  sweepPath: string;
}

const hostileRequest: fc.Arbitrary<Hostile> = fc.record({
  route: fc.constantFrom("/v1/runs" as const, "/v1/sweeps" as const),
  contentType: fc.oneof(
    { weight: 6, arbitrary: fc.constant("application/json") },
    { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
  ),
  chunked: fc.boolean(),
  document: hostileDocument(),
  sweepPath: fc.constantFrom(...SWEEP_PATHS),
});

function concat(...parts: (string | Uint8Array)[]): Uint8Array<ArrayBuffer> {
  const bytes = parts.map((p) => (typeof p === "string" ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

function bodyOf(h: Hostile): Uint8Array<ArrayBuffer> {
  if (h.route === "/v1/runs") return concat(h.document.bytes);
  return concat('{"scenario":', h.document.bytes, `,"path":${JSON.stringify(h.sweepPath)},"values":[1,2]}`);
}

async function send(h: Hostile): Promise<Response> {
  const body = bodyOf(h);
  const headers: Record<string, string> = {};
  if (h.contentType !== undefined) headers["content-type"] = h.contentType;
  const init: RequestInit & { duplex?: "half" } = {
    method: "POST",
    headers,
    signal: AbortSignal.timeout(30_000),
  };
  if (h.chunked) {
    // A stream body has no Content-Length: it goes out chunked, in pieces of 64 KiB.
    init.body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < body.length; i += 65_536) controller.enqueue(body.subarray(i, i + 65_536));
        controller.close();
      },
    });
    init.duplex = "half";
  } else {
    init.body = body;
  }
  return fetch(`${server.url}${h.route}`, init);
}

test(`${BODIES.toLocaleString("en")} hostile bodies: no 5xx but 503 with Retry-After, no dropped connection, /healthz answers`, async () => {
  const statuses = new Map<number, number>();
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(hostileRequest, async (h) => {
      const what = `${h.route} ${h.contentType ?? "(no content type)"} ${h.chunked ? "chunked " : ""}${h.document.kind}`;
      const res = await send(h);
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) {
        expect(res.status, `${what}: ${text.slice(0, 300)}`).toBe(503);
        expect(Number(res.headers.get("retry-after")), what).toBeGreaterThanOrEqual(1);
      }
      if (res.status >= 400) {
        expect(res.headers.get("content-type"), what).toBe("application/problem+json");
        const problem = JSON.parse(text);
        expect(problem.status, what).toBe(res.status);
        expect(problem.code, what).toMatch(/^[a-z]+\.[a-z-]+$/);
      } else {
        expect([200, 201], what).toContain(res.status);
        const body = JSON.parse(text);
        const ids = h.route === "/v1/runs" ? [body.id] : body.runs.map((r: { id: string }) => r.id);
        for (const id of ids) expect(id, what).toMatch(/^[0-9a-f]{20}$/);
      }
      if (++sent % 250 === 0) {
        const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
        expect(health.status).toBe(200);
      }
    }),
    { numRuns: BODIES },
  );
  expect(sent).toBe(BODIES);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  // The mix reached every kind of answer: accepted runs, each 4xx the body checks give, and a full queue.
  for (const status of [201, 400, 413, 415, 422])
    expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  expect(server.process.exitCode).toBeNull();
}, 900_000);
