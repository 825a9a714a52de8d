// Every error the API itself reports, with a stable code, a title, a message and a hint.
// The wording is part of the interface (test/api/errors/catalogue.test.ts pins it).

import type { Problem } from "@syslab/sim-core";
import { ApiError } from "./api-error";

export const apiErrors = {
  scenarioInvalid: (problems: Problem[]) =>
    new ApiError({
      status: 422,
      code: "scenario.invalid",
      title: "The scenario is not valid",
      message: `The scenario has ${problems.length} problem${problems.length === 1 ? "" : "s"}; each is listed with its JSON path.`,
      hint: "Fix every listed problem and submit the scenario again. GET /openapi.json has its schema.",
      problems,
    }),
  requestInvalid: (problems: Problem[]) =>
    new ApiError({
      status: 422,
      code: "request.invalid",
      title: "The request body is not valid",
      message: `The request body has ${problems.length} problem${problems.length === 1 ? "" : "s"}; each is listed with its JSON path.`,
      hint: "Fix every listed problem and send the request again. GET /openapi.json describes the body.",
      problems,
    }),
  invalidJson: (detail: string) =>
    new ApiError({
      status: 400,
      code: "request.invalid-json",
      title: "The request body is not JSON",
      message: `The body could not be parsed as JSON: ${detail}`,
      hint: "Send a JSON document, for example with curl --data @scenario.json.",
    }),
  invalidQuery: (name: string, expected: string) =>
    new ApiError({
      status: 400,
      code: "request.invalid-query",
      title: "A query parameter is not valid",
      message: `The query parameter "${name}" must be ${expected}.`,
      hint: "Correct the query parameter, or leave it out to use its default.",
    }),
  unsupportedMediaType: (contentType: string | undefined) =>
    new ApiError({
      status: 415,
      code: "request.unsupported-media-type",
      title: "The request body must be JSON",
      message: `The Content-Type was ${contentType ? `"${contentType}"` : "missing"}; this endpoint accepts application/json.`,
      hint: 'Send the header "Content-Type: application/json".',
    }),
  tooLarge: (limit: number) =>
    new ApiError({
      status: 413,
      code: "request.too-large",
      title: "The request body is too large",
      message: `The body is larger than the limit of ${limit} bytes.`,
      hint: "Send a smaller scenario, or raise BODY_LIMIT on a server you run yourself.",
    }),
  tokenMissing: () =>
    new ApiError({
      status: 401,
      code: "request.token-required",
      title: "An API token is required",
      message: "This server creates runs and sweeps only for requests that carry an API token.",
      hint: 'Send the header "Authorization: Bearer <token>" with a token from the server\'s operator (API_TOKENS); reading runs and share pages needs none.',
      headers: { "WWW-Authenticate": 'Bearer realm="syslab"' },
    }),
  tokenInvalid: () =>
    new ApiError({
      status: 401,
      code: "request.token-invalid",
      title: "The API token is not valid",
      message: "The Authorization header does not carry a token this server accepts.",
      hint: 'Send "Authorization: Bearer <token>" with a token from the server\'s operator; check it was copied whole.',
      headers: { "WWW-Authenticate": 'Bearer realm="syslab", error="invalid_token"' },
    }),
  rateLimited: (perMinute: number, retryAfter: number) =>
    new ApiError({
      status: 429,
      code: "request.rate-limited",
      title: "Too many requests",
      message: `This client sent more than ${perMinute} requests in a minute.`,
      hint: `Wait ${retryAfter} s (the Retry-After header) before sending more; long-poll with ?wait= instead of polling often.`,
      headers: { "Retry-After": String(retryAfter) },
    }),
  queueFull: (limit: number, retryAfter: number) =>
    new ApiError({
      status: 503,
      code: "runs.queue-full",
      title: "The run queue is full",
      message: `${limit} runs are already waiting or running, the most this server accepts at once.`,
      hint: `Submit again after the Retry-After header's ${retryAfter} s; runs already accepted are not affected.`,
      headers: { "Retry-After": String(retryAfter) },
    }),
  draining: () =>
    new ApiError({
      status: 503,
      code: "server.draining",
      title: "The server is shutting down",
      message: "The server is finishing its work before it stops and accepts no new runs.",
      hint: "Submit again in a few seconds, once the server has restarted.",
      headers: { "Retry-After": "5" },
    }),
  storeUnavailable: () =>
    new ApiError({
      status: 503,
      code: "store.unavailable",
      title: "The run store is unavailable",
      message: "The server cannot reach its database just now; this request stored and changed nothing.",
      hint: "Send the request again after the Retry-After header's 5 s; runs already accepted are not affected.",
      headers: { "Retry-After": "5" },
    }),
  runNotFound: (id: string) =>
    new ApiError({
      status: 404,
      code: "run.not-found",
      title: "No such run",
      message: `There is no run with the id "${id}".`,
      hint: "Check the id; ids come from POST /v1/runs and are 20 hexadecimal characters.",
    }),
  /** The run exists but has no trace to give: it is unfinished, failed, or its scenario asks for none. */
  traceNotFound: (id: string, reason: "unfinished" | "failed" | "untraced") =>
    new ApiError({
      status: 404,
      code: "run.trace-not-found",
      title: "The run has no trace",
      message: {
        unfinished: `The run "${id}" has not finished yet; its trace is written when it does.`,
        failed: `The run "${id}" failed, so it recorded no trace.`,
        untraced: `The run "${id}" recorded no trace: its scenario has no run.trace.`,
      }[reason],
      hint:
        reason === "untraced"
          ? 'Submit the scenario with "run": { …, "trace": { "sample": 0.01 } } to record traces.'
          : "GET /v1/runs/:id?wait=30 waits for the run to finish; then ask for its trace again.",
    }),
  comparisonNotFound: (id: string) =>
    new ApiError({
      status: 404,
      code: "comparison.not-found",
      title: "No such comparison",
      message: `There is no comparison with the id "${id}".`,
      hint: "Check the id; ids come from POST /v1/comparisons and are 20 hexadecimal characters.",
    }),
  notFound: (path: string) =>
    new ApiError({
      status: 404,
      code: "route.not-found",
      title: "Not found",
      message: `Nothing is served at ${path}.`,
      hint: "GET /openapi.json lists every endpoint.",
    }),
  runInternal: () =>
    new ApiError({
      status: 500,
      code: "run.internal",
      title: "The run failed unexpectedly",
      message: "The engine stopped with an internal error.",
      hint: "Submit the scenario again; if it fails again, report it with the scenario.",
    }),
  /** Every worker given the run stopped (crashed, killed, lost its machine) before finishing it. */
  runLost: (attempts: number) =>
    new ApiError({
      status: 500,
      code: "run.internal",
      title: "The run failed unexpectedly",
      message: `The workers running this scenario stopped ${attempts} times before it finished.`,
      hint: "Submit the scenario again; if it fails again, report it with the scenario.",
    }),
  internal: () =>
    new ApiError({
      status: 500,
      code: "server.internal",
      title: "Internal server error",
      message: "The server failed while handling this request.",
      hint: "Try again; if it keeps failing, report it with the request you sent.",
    }),
};
