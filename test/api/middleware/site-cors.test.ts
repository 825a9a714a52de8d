// CORS_ORIGINS: a docs site on another origin may create runs, read them and stream their events;
// any other origin gets no CORS headers, so browsers keep the answers from it.
import { describe, expect, test } from "vitest";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

const SITE = "https://docs.example.org";

const setup = (corsOrigins: string[], overrides: Parameters<typeof testAppForThisTest>[0] = {}) =>
  testAppForThisTest({ corsOrigins, ...overrides });

const preflight = (origin: string, method = "POST") => ({
  method: "OPTIONS",
  headers: {
    Origin: origin,
    "Access-Control-Request-Method": method,
    "Access-Control-Request-Headers": "content-type",
  },
});

describe("with CORS_ORIGINS set", () => {
  test("a preflight from the site is allowed for POST with Content-Type and Authorization", async () => {
    const { app } = setup([SITE]);
    const res = await app.request("/v1/runs", preflight(SITE));
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,POST,OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type,Authorization");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  test("creating, reading and streaming a run answer the site, errors included", async () => {
    const { app, executor } = setup([SITE]);
    const post = postRequest(quickScenario());
    const created = await app.request("/v1/runs", { ...post, headers: { ...post.headers, Origin: SITE } });
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(created.headers.get("access-control-expose-headers")).toBe("Location,Retry-After");
    expect(created.headers.get("vary")).toContain("Origin");
    const { id } = await created.json();
    const read = await app.request(`/v1/runs/${id}`, { headers: { Origin: SITE } });
    expect(read.headers.get("access-control-allow-origin")).toBe(SITE);
    executor.finish(id, { ok: true, resultJson: "{}", wallMs: 1 });
    await new Promise((r) => setTimeout(r, 10));
    const events = await app.request(`/v1/runs/${id}/events`, { headers: { Origin: SITE } });
    expect(events.headers.get("access-control-allow-origin")).toBe(SITE);
    await events.text();
    const invalid = await app.request("/v1/runs", {
      ...postRequest({ version: 1 }),
      headers: { "Content-Type": "application/json", Origin: SITE },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("access-control-allow-origin")).toBe(SITE);
  });

  test("another origin gets no CORS headers, on a preflight or a request", async () => {
    const { app } = setup([SITE]);
    const pre = await app.request("/v1/runs", preflight("https://evil.example"));
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const read = await app.request("/v1/runs/0123456789abcdef0123", {
      headers: { Origin: "https://evil.example" },
    });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });

  test("routes the site does not use answer no origin", async () => {
    const { app } = setup([SITE]);
    const sweeps = await app.request("/v1/sweeps", preflight(SITE));
    expect(sweeps.headers.get("access-control-allow-origin")).toBeNull();
    const health = await app.request("/healthz", { headers: { Origin: SITE } });
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
  });

  test('"*" allows any origin', async () => {
    const { app } = setup(["*"]);
    const res = await app.request("/v1/runs/0123456789abcdef0123", {
      headers: { Origin: "https://any.example" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });
});

test("without CORS_ORIGINS no route answers CORS", async () => {
  const { app } = setup([]);
  const res = await app.request("/v1/runs", preflight(SITE));
  expect(res.headers.get("access-control-allow-origin")).toBeNull();
});
