// The committed route types are what openapi-typescript generates from the document today, so the
// typed client (and every test that drives the API through it) follows the document.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { openApiPathsSource } from "../../packages/api-contract/scripts/openapi-paths-source";

test("src/openapi-paths.ts is up to date with the OpenAPI document (npm run generate -w @syslab/api-contract)", async () => {
  const committed = readFileSync(
    new URL("../../packages/api-contract/src/openapi-paths.ts", import.meta.url),
    "utf8",
  );
  expect(committed).toBe(await openApiPathsSource());
});
