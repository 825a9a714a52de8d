// Hostile scenario files through the command line: every one that is not a valid scenario exits 2
// with its problems on stderr, in syslab's words; none crashes, prints a stack trace or hangs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cli } from "../../apps/cli/src/cli";
import { parseScenario } from "../../packages/sim-core/src/scenario/parse-scenario";
import { hostileDocument } from "../support/hostile-input";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-hostile-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Whether the file would run (a sweep of "description" never does): runs are for the engine tests. */
function isValidScenario(bytes: Uint8Array): boolean {
  try {
    return parseScenario(JSON.parse(new TextDecoder().decode(bytes))).ok;
  } catch {
    return false;
  }
}

test("1,000 hostile scenario files: exit 2, problems in words, no crash and no stack trace", async () => {
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(
      hostileDocument(),
      fc.constantFrom([], ["--json"], ["--sweep", "description=1,2"]),
      async (doc, options) => {
        fc.pre(!isValidScenario(doc.bytes));
        const file = join(dir, "scenario.json");
        writeFileSync(file, doc.bytes);
        const out: string[] = [];
        const err: string[] = [];
        const status = await cli([file, ...options], { out: (t) => out.push(t), err: (t) => err.push(t) });
        const stderr = err.join("");
        expect(status, doc.kind).toBe(2);
        expect(out.join(""), doc.kind).toBe("");
        expect(stderr, doc.kind).not.toMatch(/unexpectedly|^\s+at .+:\d+:\d+\)?$/m);
        // Each line names a path and says what to do, or is a sentence about the file.
        for (const line of stderr.trimEnd().split("\n")) expect(line, doc.kind).toMatch(/[.?)]$/);
        checked++;
      },
    ),
    { numRuns: 1_000 },
  );
  expect(checked).toBeGreaterThan(900);
}, 300_000);
