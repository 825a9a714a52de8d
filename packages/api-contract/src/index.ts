/**
 * The public surface of @syslab/api-contract: the OpenAPI document of the syslab HTTP API (served
 * at /openapi.json and rendered by the docs' API reference), the schema pieces the API checks
 * requests against, and a typed client generated from the document.
 */

export { type ApiClient, createApiClient } from "./api-client";
export { type OpenApiOptions, openApiDocument } from "./openapi-document";
export type { components as ApiComponents, paths as ApiPaths } from "./openapi-paths";
export { sweepPathPattern, sweepRequestSchema } from "./sweep-request-schema";
