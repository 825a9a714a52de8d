// The API's worker pool spreads a replicated scenario's replications over its piscina workers: the
// stored result is byte for byte what sim-core gives on one thread, whatever the pool's size. The
// pool runs in a child process started with tsx, as the API runs (its workers load .ts files).

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simulate } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";

const repo = join(import.meta.dirname, "../../..");
const poolModule = new URL("../../../apps/api/src/runs/worker-pool.ts", import.meta.url).href;

/** Each input run on a WorkerPool of `size` in a child process: the outcomes, in order. */
function onPool(
  size: number,
  inputs: unknown[],
  maxEvents = 50_000_000,
): { ok: boolean; resultJson?: string; error?: { code: string } }[] {
  const script = `
    const { WorkerPool } = await import(${JSON.stringify(poolModule)});
    const limits = { maxEvents: ${maxEvents}, maxWallTime: 60, maxSimTime: 1e7, maxInFlight: 1000000 };
    const pool = new WorkerPool(${size});
    const outcomes = [];
    for (const input of ${JSON.stringify(inputs)}) {
      outcomes.push(await pool.execute({ id: "r", input: JSON.stringify(input), limits },
        { onStart() {}, onProgress() {} }, new AbortController().signal));
    }
    await pool.destroy();
    process.stdout.write(JSON.stringify(outcomes));`;
  // A file, not --eval: the workers inherit the process's flags, and an --eval flag would be theirs too.
  const dir = mkdtempSync(join(tmpdir(), "syslab-pool-"));
  try {
    const file = join(dir, "replicate.mjs");
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, ["--import", "tsx", file], {
      cwd: repo,
      encoding: "utf8",
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const replicated = (run: Record<string, unknown>) => ({
  version: 1,
  seed: 11,
  run: { requests: 3000, ...run },
  workload: {
    arrival: { process: "poisson", rate: 3.2 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station", servers: 4 } },
});

describe("replications on the API's workers", () => {
  test("1 and 2 workers store the result one thread gives, for a fixed count and for a precision target", () => {
    const inputs = [
      replicated({ replications: 5 }),
      replicated({ precision: { metric: "throughput", relative: 0.01, maxReplications: 20 } }),
    ];
    const expected = inputs.map((input) => JSON.stringify(simulate(input)));
    for (const size of [1, 2]) {
      expect(onPool(size, inputs).map((outcome) => outcome.resultJson)).toEqual(expected);
    }
  }, 240_000);

  test("a replication that reaches a limit fails the run with the engine's error", () => {
    const [outcome] = onPool(2, [replicated({ replications: 4 })], 20_000);
    expect(outcome!.ok).toBe(false);
    expect(outcome!.error!.code).toMatch(/^limit\./);
  }, 120_000);
});
