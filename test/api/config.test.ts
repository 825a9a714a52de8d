// Settings from the environment: defaults, lists, and a clear error for a value that cannot work.
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../apps/api/src/config";

describe("loadConfig", () => {
  test("API_TOKENS is a comma-separated list; absent, writes need no token", () => {
    expect(loadConfig({}).apiTokens).toEqual([]);
    expect(loadConfig({ API_TOKENS: " abc-123 , def_456,," }).apiTokens).toEqual(["abc-123", "def_456"]);
    expect(() => loadConfig({ API_TOKENS: "has space" })).toThrow(/API_TOKENS/);
  });

  test("TRUST_PROXY lists addresses and subnets; a typo stops the start with its name", () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "127.0.0.1, 10.0.0.0/8,::1" }).trustProxy).toEqual([
      "127.0.0.1",
      "10.0.0.0/8",
      "::1",
    ]);
    expect(() => loadConfig({ TRUST_PROXY: "127.0.0.1,nginx" })).toThrow('TRUST_PROXY: "nginx"');
  });

  test("CORS_ORIGINS lists origins exactly (or *); a URL with a path is refused", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(
      loadConfig({ CORS_ORIGINS: "https://docs.example.org, http://127.0.0.1:4321" }).corsOrigins,
    ).toEqual(["https://docs.example.org", "http://127.0.0.1:4321"]);
    expect(loadConfig({ CORS_ORIGINS: "*" }).corsOrigins).toEqual(["*"]);
    expect(() => loadConfig({ CORS_ORIGINS: "https://docs.example.org/" })).toThrow("CORS_ORIGINS");
    expect(() => loadConfig({ CORS_ORIGINS: "docs.example.org" })).toThrow("CORS_ORIGINS");
  });
});
