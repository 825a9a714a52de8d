// The API's error wording is part of its interface: a change to it shows up here.

import { expect, test } from "vitest";
import { apiErrors } from "../../../apps/api/src/errors/catalogue";
import { problemBody } from "../../../apps/api/src/errors/problem-response";

test("every API error keeps its code, status, title, message and hint", () => {
  const all = [
    apiErrors.scenarioInvalid([{ path: "entry", code: "scenario.required", message: "entry is required" }]),
    apiErrors.requestInvalid([{ path: "values", code: "size", message: "too many" }]),
    apiErrors.invalidJson("Unexpected end of JSON input"),
    apiErrors.invalidQuery("wait", "a number of seconds from 0 to 60"),
    apiErrors.unsupportedMediaType("text/plain"),
    apiErrors.tooLarge(1_048_576),
    apiErrors.tokenMissing(),
    apiErrors.tokenInvalid(),
    apiErrors.rateLimited(600, 42),
    apiErrors.queueFull(100, 8),
    apiErrors.draining(),
    apiErrors.storeUnavailable(),
    apiErrors.runNotFound("0123456789abcdef0123"),
    apiErrors.traceNotFound("0123456789abcdef0123", "unfinished"),
    apiErrors.traceNotFound("0123456789abcdef0123", "failed"),
    apiErrors.traceNotFound("0123456789abcdef0123", "untraced"),
    apiErrors.notFound("/v2/runs"),
    apiErrors.internal(),
    apiErrors.runInternal(),
    apiErrors.runLost(3),
  ];
  expect(all.map((e) => ({ ...problemBody(e, "/instance"), headers: e.headers }))).toMatchSnapshot();
});
