// Writes src/openapi-paths.ts, the TypeScript types of the API's routes, from the OpenAPI document
// with openapi-typescript. Run after changing the document: npm run generate -w @syslab/api-contract
// (test/api-contract/openapi-paths.test.ts fails until the committed file matches).

import { writeFileSync } from "node:fs";
import { openApiPathsSource } from "./openapi-paths-source";

const target = new URL("../src/openapi-paths.ts", import.meta.url);
writeFileSync(target, await openApiPathsSource());
console.log(`wrote ${target.pathname}`);
