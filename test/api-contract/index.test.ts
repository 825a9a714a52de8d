// Pins the public surface of @syslab/api-contract: a change to it is a visible decision.
import * as contract from "@syslab/api-contract";
import { expect, test } from "vitest";

test("the package exports exactly its declared surface", () => {
  expect(Object.keys(contract).sort()).toEqual([
    "createApiClient",
    "openApiDocument",
    "sweepPathPattern",
    "sweepRequestSchema",
  ]);
});
