import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkChromeTrace } from "../sim-core/support/chrome-trace";
import { sim } from "./support/run-sim";

let dir: string;

const scenario = {
  version: 1,
  seed: 4,
  run: { duration: "300s" },
  workload: {
    arrival: { process: "poisson", rate: 2 },
    requests: [
      { name: "page", steps: [{ cpu: { exp: "100ms" } }, { call: "db", steps: [{ cpu: { exp: "50ms" } }] }] },
    ],
  },
  entry: "web",
  components: {
    web: { type: "server", cores: 1, architecture: { kind: "thread-pool", threads: 4 } },
    db: { type: "server", cores: 1, architecture: { kind: "thread-pool", threads: 2 } },
  },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-trace-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--trace", () => {
  test("writes a Chrome Trace Event file of the run's requests, and the result's statistics do not change", () => {
    const file = join(dir, "scenario.json");
    writeFileSync(file, JSON.stringify(scenario));
    const out = join(dir, "out.json");
    const traced = sim(file, "--json", "--trace", out);
    expect(traced.stderr).toBe("");
    const plain = sim(file, "--json");
    const { trace, ...rest } = JSON.parse(traced.stdout);
    expect(rest).toEqual(JSON.parse(plain.stdout));
    const chrome = JSON.parse(readFileSync(out, "utf8"));
    checkChromeTrace(chrome);
    const names = new Set(
      chrome.traceEvents.filter((e: { ph: string }) => e.ph === "X").map((e: { name: string }) => e.name),
    );
    expect(names).toEqual(new Set(["web", "db"]));
    expect(chrome.traceEvents.filter((e: { ph: string }) => e.ph === "b").length).toBe(trace.requests.length);
    // Every request by default, up to 1000: about 600 arrive in 300 s.
    expect(trace.requests.length).toBeGreaterThan(400);
  }, 120_000);

  test("--trace with --compare is refused", () => {
    const file = join(dir, "scenario.json");
    const run = sim(file, "--compare", file, "--trace", join(dir, "x.json"));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--trace records one run's requests/);
  });
});
