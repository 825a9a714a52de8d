// GET /openapi.json read by a tool nobody here wrote: @redocly/cli lint with its recommended rules,
// run on the document as the server serves it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ApiServer, killAllServers, removeDataDir, startApiServer } from "../support/api-server";
import { testAppForThisTest } from "../support/test-app";

const root = join(import.meta.dirname, "../../..");
const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});

afterAll(async () => {
  await killAllServers();
  removeDataDir(server.dataDir);
});

interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer: string }[];
}

// Warnings the document keeps on purpose, each with its reason.
const KNOWN_WARNINGS = [
  // No licence has been chosen yet; the document says so, but can name no SPDX identifier or URL.
  "info-license-strict #/info/license",
  // Health and the document itself have no client error to describe.
  "operation-4xx-response #/paths/~1openapi.json/get/responses",
  "operation-4xx-response #/paths/~1healthz/get/responses",
  "operation-4xx-response #/paths/~1readyz/get/responses",
  "operation-4xx-response #/paths/~1metrics/get/responses",
];

test("@redocly/cli lint --extends recommended passes on the served /openapi.json", async () => {
  const lint = spawnSync(
    process.execPath,
    [redocly, "lint", `${server.url}/openapi.json`, "--extends", "recommended", "--format", "json"],
    { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env, REDOCLY_TELEMETRY: "off" } },
  );
  const report = JSON.parse(lint.stdout) as { totals: { errors: number }; problems: LintProblem[] };
  const found = report.problems.map(
    (p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`,
  );
  expect(found.filter((p) => p.startsWith("error"))).toEqual([]);
  expect(report.totals.errors).toBe(0);
  expect(lint.status, lint.stderr).toBe(0);
  const warnings = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`);
  const doc: unknown = await (await fetch(`${server.url}/openapi.json`)).json();
  expect(warnings.filter((w) => !conditionalRequired(doc, w)).sort()).toEqual([...KNOWN_WARNINGS].sort());
});

/**
 * Rules across fields are written as conditions: "not both" is { not: { required: [field] } } and
 * "this mode needs that field" is { if: …, then: { required: [field] } }. The lint rule reads such
 * a `required` as naming a property its own (bare) subschema leaves undefined; it is defined beside
 * the condition. A warning of that rule is expected exactly when the named property is defined by
 * an enclosing schema of the pointer.
 */
function conditionalRequired(doc: unknown, warning: string): boolean {
  const [rule, pointer] = warning.split(" ") as [string, string];
  if (rule !== "no-required-schema-properties-undefined") return false;
  const segments = pointer
    .replace(/^#\//, "")
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (!segments.some((s) => s === "not" || s === "then" || s === "else")) return false;
  const chain: unknown[] = [doc];
  for (const segment of segments) chain.push((chain.at(-1) as Record<string, unknown>)[segment]);
  const name = chain.at(-1);
  return chain.some(
    (schema) =>
      typeof schema === "object" &&
      schema !== null &&
      typeof (schema as { properties?: Record<string, unknown> }).properties?.[name as string] === "object",
  );
}

test("the served document names this server under servers", async () => {
  const doc = await (await fetch(`${server.url}/openapi.json`)).json();
  expect(doc.servers).toEqual([{ url: server.url, description: "This server." }]);
  expect(doc.info.license.name).toMatch(/no licence/);
  expect(doc.security).toEqual([]);
});

test("creating runs declares the bearer token: optional by default, required under API_TOKENS", async () => {
  const security = async (apiTokens: string[]) => {
    const t = testAppForThisTest({ apiTokens });
    const doc = await (await t.app.request("/openapi.json")).json();
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/v1/runs/{id}"].get.security).toBeUndefined(); // reads: the document's `security: []`
    expect(doc.paths["/v1/runs"].post.responses["401"]).toBeDefined();
    return [doc.paths["/v1/runs"].post.security, doc.paths["/v1/sweeps"].post.security];
  };
  expect(await security([])).toEqual([
    [{ bearerToken: [] }, {}],
    [{ bearerToken: [] }, {}],
  ]);
  expect(await security(["a-token"])).toEqual([[{ bearerToken: [] }], [{ bearerToken: [] }]]);
});
