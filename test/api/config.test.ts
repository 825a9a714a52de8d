// Settings from the environment: defaults, lists, and a clear error for a value that cannot work.
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../apps/api/src/config";

describe("loadConfig", () => {
  test("API_TOKENS is a comma-separated list; absent, writes need no token", () => {
    expect(loadConfig({}).apiTokens).toEqual([]);
    expect(loadConfig({ API_TOKENS: " abc-123 , def_456,," }).apiTokens).toEqual(["abc-123", "def_456"]);
    expect(() => loadConfig({ API_TOKENS: "has space" })).toThrow(/API_TOKENS/);
  });
});
