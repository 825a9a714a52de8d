// The JavaScript budget of the built docs: a page with one widget loads under 200 KB compressed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/docs-server";

const run = promisify(execFile);

describe("docs bundle size", () => {
  it("keeps every one-widget page under 200 KB of gzipped JavaScript", async () => {
    // bench/docs-size.ts exits non-zero when the heaviest one-widget page is over budget.
    const { stdout } = await run(process.execPath, ["--import", "tsx", "bench/docs-size.ts"], { cwd: ROOT });
    const verdict = /heaviest one-widget page: (\S+) ([\d.]+) KB gzip — within/.exec(stdout);
    expect(verdict, stdout).not.toBeNull();
    expect(Number(verdict![2])).toBeLessThan(200);
  });
});
