import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sim } from "./support/run-sim";

let dir: string;

const replicated = (run: Record<string, unknown>) => ({
  version: 1,
  seed: 7,
  run: { requests: 3000, warmup: 300, ...run },
  workload: {
    arrival: { process: "poisson", rate: 3.6 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station", servers: 4 } },
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-replications-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("replications on worker threads", () => {
  test("1, 2 and 3 threads print the same result, byte for byte", () => {
    const file = join(dir, "fixed.json");
    writeFileSync(file, JSON.stringify(replicated({ replications: 7 })));
    const runs = ["1", "2", "3"].map((threads) => sim(file, "--json", "--threads", threads));
    for (const run of runs) expect(run.stderr).toBe("");
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout);
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout);
    const result = JSON.parse(runs[0]!.stdout);
    expect(result.replications.count).toBe(7);
    expect(result.replications.seeds[0]).toBe(7);
  }, 240_000);

  test("precision mode stops at the same replication on one thread or two", () => {
    const file = join(dir, "precision.json");
    writeFileSync(
      file,
      JSON.stringify(
        replicated({ precision: { metric: "throughput", relative: 0.01, maxReplications: 30 } }),
      ),
    );
    const one = sim(file, "--json", "--threads", "1");
    const two = sim(file, "--json", "--threads", "2");
    expect(two.stdout).toBe(one.stdout);
    const summary = JSON.parse(one.stdout).replications;
    expect(summary.stoppedBy).toBe("precision");
    expect(summary.precision.achieved).toBeLessThanOrEqual(0.01);
  }, 240_000);

  test("the summary adds the across-replication intervals", () => {
    const file = join(dir, "summary.json");
    writeFileSync(file, JSON.stringify(replicated({ replications: 3 })));
    const run = sim(file, "--threads", "2");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /\nreplications 3 \(as asked; the figures above are the first's\), [\d,]+ events/,
    );
    expect(run.stdout).toMatch(/\n {2}q {10}utilisation 0\.\d{3} \(0\.\d{3}–0\.\d{3}\)\n/);
  }, 120_000);

  test("a bad --threads exits 2", () => {
    const run = sim(join(dir, "summary.json"), "--threads", "0");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--threads takes a whole number from 1 to 256; got "0"/);
  });
});
