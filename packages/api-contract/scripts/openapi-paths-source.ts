// The text of src/openapi-paths.ts as openapi-typescript generates it from the OpenAPI document;
// shared by the generator and the test that keeps the committed file up to date.

import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "../src/openapi-document";

const header = `// Generated from the OpenAPI document by openapi-typescript: do not edit.
// Regenerate with: npm run generate -w @syslab/api-contract
`;

export async function openApiPathsSource(): Promise<string> {
  const ast = await openapiTS(openApiDocument() as unknown as Parameters<typeof openapiTS>[0], {
    // A field with a default may be left out of a request: it stays optional in the types.
    defaultNonNullable: false,
    // `{ "type": "object" }` without properties is any object (a result, a sweep value), not `{}`.
    emptyObjectsUnknown: true,
  });
  return `${header}\n${astToString(ast)}`;
}
