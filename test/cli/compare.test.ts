import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sim } from "./support/run-sim";

let dir: string;

const mm1 = (mean: number) => ({
  version: 1,
  seed: 3,
  run: { requests: 4000, warmup: 400, replications: 4 },
  workload: {
    arrival: { process: "poisson", rate: 0.8 },
    requests: [{ name: "job", steps: [{ service: { exp: mean } }] }],
  },
  entry: "q",
  components: { q: { type: "station" } },
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-compare-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--compare", () => {
  test("prints { a, b, difference } with the difference b − a of each key figure, the same on 1 or 2 threads", () => {
    const a = file("a.json", mm1(1));
    const b = file("b.json", mm1(1 / 1.05));
    const one = sim(a, "--compare", b, "--json", "--threads", "1");
    const two = sim(a, "--compare", b, "--json", "--threads", "2");
    expect(one.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
    const result = JSON.parse(one.stdout);
    expect(Object.keys(result)).toEqual(["a", "b", "difference"]);
    expect(Object.keys(result.difference.latency)).toEqual(["mean", "p50", "p90", "p99"]);
    const { value, ci95 } = result.difference.latency.mean;
    expect(value).toBeLessThan(0);
    expect(ci95[0]).toBeLessThan(value);
    expect(ci95[1]).toBeGreaterThan(value);
    expect(result.difference.throughput).toEqual({
      value: expect.any(Number),
      ci95: [expect.any(Number), expect.any(Number)],
    });
  }, 240_000);

  test("a scenario compared with itself differs by exactly zero, and the summary says so", () => {
    const a = file("same.json", mm1(1));
    const run = sim(a, "--compare", a, "--threads", "2");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/4 paired replications on common random numbers \(seeds from 3\)/);
    expect(run.stdout).toMatch(/\nlatency mean +[\d.]+ ms +[\d.]+ ms +0 ms +0 ms … 0 ms\n/);
  }, 120_000);

  test("an invalid side exits 2 naming the side and the field", () => {
    const a = file("good.json", mm1(1));
    const b = file("bad.json", { ...mm1(1), entry: "nope" });
    const run = sim(a, "--compare", b);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^b\.entry: In scenario b: /);
  });
});
