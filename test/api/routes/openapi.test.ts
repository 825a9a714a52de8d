// GET /openapi.json read by a tool nobody here wrote: @redocly/cli lint with its recommended rules,
// run on the document as the server serves it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { type ApiServer, killAllServers, removeDataDir, startApiServer } from "../support/api-server";
import { testApp } from "../support/test-app";

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
  // "Not both" is written { not: { required: [field] } }: the rule reads that `required` as naming a
  // property the (empty) subschema leaves undefined, though the property is defined beside it.
  ...[
    "properties/components/additionalProperties/oneOf/2/else/not/required/0",
    "properties/components/additionalProperties/oneOf/2/then/not/required/0",
    "properties/run/oneOf/0/not/required/0",
    "properties/run/oneOf/1/not/required/0",
    "properties/workload/oneOf/0/not/required/0",
    "properties/workload/oneOf/1/not/required/0",
  ].map((at) => `no-required-schema-properties-undefined #/components/schemas/Scenario/${at}`),
];

test("@redocly/cli lint --extends recommended passes on the served /openapi.json", () => {
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
  expect(warnings.sort()).toEqual([...KNOWN_WARNINGS].sort());
});

test("the served document names this server under servers", async () => {
  const doc = await (await fetch(`${server.url}/openapi.json`)).json();
  expect(doc.servers).toEqual([{ url: server.url, description: "This server." }]);
  expect(doc.info.license.name).toMatch(/no licence/);
  expect(doc.security).toEqual([]);
});

test("creating runs declares the bearer token: optional by default, required under API_TOKENS", async () => {
  const security = async (apiTokens: string[]) => {
    const t = testApp({ apiTokens });
    try {
      const doc = await (await t.app.request("/openapi.json")).json();
      expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
      expect(doc.paths["/v1/runs/{id}"].get.security).toBeUndefined(); // reads: the document's `security: []`
      expect(doc.paths["/v1/runs"].post.responses["401"]).toBeDefined();
      return [doc.paths["/v1/runs"].post.security, doc.paths["/v1/sweeps"].post.security];
    } finally {
      t.close();
      removeDataDir(t.dataDir);
    }
  };
  expect(await security([])).toEqual([
    [{ bearerToken: [] }, {}],
    [{ bearerToken: [] }, {}],
  ]);
  expect(await security(["a-token"])).toEqual([[{ bearerToken: [] }], [{ bearerToken: [] }]]);
});
