// A typed client for the syslab HTTP API: openapi-fetch over the paths generated from the OpenAPI
// document, so a call that the document does not describe does not compile.

import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./openapi-paths";

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** Sent as `Authorization: Bearer <token>`, for servers that set API_TOKENS. */
  token?: string;
  /** A fetch to use instead of the global one (tests, other runtimes). */
  fetch?: typeof globalThis.fetch;
}

/** A client for the API at `baseUrl` (its origin, e.g. http://127.0.0.1:8787). */
export function createApiClient(baseUrl: string, options: ApiClientOptions = {}): ApiClient {
  return createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.token ? { headers: { Authorization: `Bearer ${options.token}` } } : {}),
  });
}
