// The JavaScript budget of the built docs: a page with one widget loads under 200 KB compressed, the
// playground (the only page with the editor) under 280 KB.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/docs-server";

const run = promisify(execFile);
let report: Promise<string> | undefined;
/** bench/docs-size.ts's table, run once for both tests; it exits non-zero when a page is over budget. */
const sizes = () => {
  report ??= run(process.execPath, ["--import", "tsx", "bench/docs-size.ts"], { cwd: ROOT }).then(
    (r) => r.stdout,
  );
  return report;
};

describe("docs bundle size", () => {
  it("keeps every one-widget page under 200 KB of gzipped JavaScript", async () => {
    const stdout = await sizes();
    const verdict = /heaviest one-widget page: (\S+) ([\d.]+) KB gzip — within/.exec(stdout);
    expect(verdict, stdout).not.toBeNull();
    expect(Number(verdict![2])).toBeLessThan(200);
  });

  it("keeps the playground, editor included, under 280 KB of gzipped JavaScript", async () => {
    const stdout = await sizes();
    const verdict = /playground: ([\d.]+) KB gzip — within/.exec(stdout);
    expect(verdict, stdout).not.toBeNull();
    expect(Number(verdict![1])).toBeLessThan(280);
    // The editor is the playground's alone: no page with a widget loads any file of it.
    expect(stdout).toMatch(/^\/playground\/ .* yes$/m);
    const widgetPages = stdout.split("\n").filter((line) => /^\/notes\/\S+\s+[1-9]/.test(line));
    expect(widgetPages.length, stdout).toBeGreaterThan(10);
    for (const line of widgetPages) expect(line, stdout).toMatch(/ no$/);
  });
});
