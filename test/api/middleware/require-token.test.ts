// API_TOKENS: writes need a bearer token when it is set; reads and share pages never do; rate
// limits count per token.
import { describe, expect, test } from "vitest";
import { quickScenario } from "../support/scenarios";
import { postRequest, testAppForThisTest } from "../support/test-app";

const TOKEN = "s3cret-token-for-tests.0123456789";
const OTHER = "another-token_abcdefghij";

const setup = testAppForThisTest;

function withAuth(init: RequestInit, authorization: string): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: authorization } };
}

describe("with API_TOKENS set", () => {
  test("creating a run without a token is 401 problem+json with WWW-Authenticate", async () => {
    const { app } = setup({ apiTokens: [TOKEN] });
    const res = await app.request("/v1/runs", postRequest(quickScenario()));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="syslab"');
    expect(await res.json()).toMatchObject({ status: 401, code: "request.token-required" });
  });

  test("a wrong token, another scheme or a truncated token is 401 invalid_token", async () => {
    const { app } = setup({ apiTokens: [TOKEN] });
    for (const authorization of [
      `Bearer ${OTHER}`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      "Bearer",
    ]) {
      const res = await app.request("/v1/runs", withAuth(postRequest(quickScenario()), authorization));
      expect(res.status, authorization).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="syslab", error="invalid_token"');
      expect((await res.json()).code).toBe("request.token-invalid");
    }
  });

  test("a listed token creates runs and sweeps; the scheme's case does not matter", async () => {
    const { app } = setup({ apiTokens: [OTHER, TOKEN] });
    const run = await app.request("/v1/runs", withAuth(postRequest(quickScenario(1)), `bearer ${TOKEN}`));
    expect(run.status).toBe(201);
    const sweep = await app.request(
      "/v1/sweeps",
      withAuth(postRequest({ scenario: quickScenario(2), path: "seed", values: [3, 4] }), `Bearer ${OTHER}`),
    );
    expect(sweep.status).toBe(201);
    const refused = await app.request(
      "/v1/sweeps",
      postRequest({ scenario: quickScenario(2), path: "seed", values: [3, 4] }),
    );
    expect(refused.status).toBe(401);
  });

  test("reading runs, share pages, charts, health and the document needs no token", async () => {
    const { app } = setup({ apiTokens: [TOKEN] });
    const created = await app.request("/v1/runs", withAuth(postRequest(quickScenario()), `Bearer ${TOKEN}`));
    const { id } = await created.json();
    for (const path of [
      `/v1/runs/${id}`,
      `/r/${id}`,
      `/v1/runs/${id}/chart.svg`,
      "/healthz",
      "/openapi.json",
    ]) {
      expect((await app.request(path)).status, path).toBe(200);
    }
  });

  test("rate limits count per token, apart from each other and from requests without one", async () => {
    const { app } = setup({ apiTokens: [TOKEN, OTHER], rateLimit: 2 });
    const read = (authorization?: string) =>
      app.request(
        "/v1/runs/0123456789abcdef0123",
        authorization ? { headers: { Authorization: authorization } } : {},
      );
    expect((await read(`Bearer ${TOKEN}`)).status).toBe(404);
    expect((await read(`Bearer ${TOKEN}`)).status).toBe(404);
    expect((await read(`Bearer ${TOKEN}`)).status).toBe(429);
    expect((await read(`Bearer ${OTHER}`)).status).toBe(404);
    expect((await read()).status).toBe(404);
    expect((await read()).status).toBe(404);
    expect((await read()).status).toBe(429);
    // An invalid token counts against the address it comes from, like no token at all.
    expect((await read("Bearer not-a-token")).status).toBe(429);
  });
});

describe("without API_TOKENS", () => {
  test("anyone creates runs, and an Authorization header is ignored", async () => {
    const { app } = setup();
    expect((await app.request("/v1/runs", postRequest(quickScenario(1)))).status).toBe(201);
    const withHeader = await app.request(
      "/v1/runs",
      withAuth(postRequest(quickScenario(2)), "Bearer anything"),
    );
    expect(withHeader.status).toBe(201);
  });
});
