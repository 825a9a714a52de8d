// The command line's progress bar: drawn in place on a terminal with events/s and an ETA, and
// nothing at all when the output is piped or --json is asked for.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cli } from "../../apps/cli/src/cli";
import { progressBar, progressLine } from "../../apps/cli/src/progress-bar";

const repo = join(import.meta.dirname, "../..");
let dir: string;

/** The bar's "back to the line's start and erase it", written as ⟲ so the patterns below read plainly. */
const erased = (text: string) => text.replaceAll("\r\u001b[2K", "⟲");
let file: string;

/** About 600,000 events: six progress reports at the engine's default of one per 100,000. */
const scenario = {
  version: 1,
  name: "M/M/1 for the progress bar",
  seed: 5,
  run: { requests: 300_000 },
  workload: {
    arrival: { process: "poisson", rate: 0.5 },
    requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
  },
  entry: "q",
  components: { q: { type: "station" } },
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-progress-"));
  file = join(dir, "mm1.json");
  writeFileSync(file, JSON.stringify(scenario));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("progressLine", () => {
  test("shows the bar, the percentage, the events, the rate and the time left", () => {
    // A quarter done after 2 s: 1,000,000 events at 500k/s, 6 s to go.
    expect(progressLine({ fraction: 0.25, events: 1_000_000, simulatedTime: 10 }, 2)).toBe(
      "[######------------------]  25% 1.0M events 500k ev/s ETA 6s",
    );
    expect(progressLine({ fraction: 0.5, events: 9_000_000, simulatedTime: 10 }, 90)).toContain("ETA 1m30s");
  });

  test("fits the terminal's width", () => {
    const line = progressLine({ fraction: 0.5, events: 123_456_789, simulatedTime: 1 }, 3, 30);
    expect(line).toHaveLength(29);
  });
});

describe("progressBar", () => {
  test("is nothing at all off a terminal", () => {
    expect(progressBar({ isTTY: false, write: () => {} })).toBeUndefined();
    expect(progressBar(undefined)).toBeUndefined();
  });

  test("redraws in place at most every 100 ms and wipes its line at the end", () => {
    const written: string[] = [];
    let now = 0;
    const bar = progressBar({ isTTY: true, columns: 80, write: (t) => written.push(t), now: () => now })!;
    for (const [at, fraction] of [
      [50, 0.1],
      [100, 0.2],
      [250, 0.5],
    ] as const) {
      now = at;
      bar.onProgress({ fraction, events: fraction * 1e6, simulatedTime: 0 });
    }
    bar.done();
    // The report at 100 ms came 50 ms after the first one drawn: skipped.
    expect(written).toHaveLength(3);
    expect(erased(written[0]!)).toMatch(/^⟲\[##-+\]\s+10% 100k events 2\.0M ev\/s ETA 1s$/);
    expect(erased(written[1]!)).toMatch(/^⟲\[#{12}-{12}\]\s+50% 500k events 2\.0M ev\/s ETA 1s$/);
    expect(erased(written[2]!)).toBe("⟲");
  });
});

describe("the command line", () => {
  async function run(args: string[], isTTY: boolean) {
    const out: string[] = [];
    const err: string[] = [];
    const drawn: string[] = [];
    const status = await cli(args, {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      progress: { isTTY, columns: 100, write: (t) => drawn.push(t) },
    });
    return { status, out: out.join(""), err: err.join(""), drawn };
  }

  test("draws the bar on a terminal, then prints the same summary as without one", async () => {
    const tty = await run([file], true);
    const piped = await run([file], false);
    expect(tty.status).toBe(0);
    expect(tty.drawn.length).toBeGreaterThanOrEqual(2);
    expect(erased(tty.drawn[0]!)).toMatch(
      /^⟲\[[#-]{24}\]\s+\d+% \d+k events [\d.]+[kMG]? ev\/s( ETA \d+s)?$/,
    );
    expect(erased(tty.drawn.at(-1)!)).toBe("⟲");
    expect(tty.out).toBe(piped.out);
    expect(piped.drawn).toEqual([]);
    expect(piped.err).toBe("");
  });

  test("draws nothing with --json, even on a terminal", async () => {
    const json = await run([file, "--json"], true);
    expect(json.status).toBe(0);
    expect(json.drawn).toEqual([]);
    expect(JSON.parse(json.out).requests.completed).toBeGreaterThan(299_000);
  });

  test("in a pseudo-terminal the bar reaches the terminal; piped, stderr stays empty", () => {
    const command = `${process.execPath} --import tsx apps/cli/src/main.ts ${file}`;
    // script(1) runs the command on a pseudo-terminal, so stdout and stderr are TTYs.
    const onTerminal = spawnSync("script", ["-qec", command, "/dev/null"], {
      cwd: repo,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(onTerminal.status).toBe(0);
    expect(erased(onTerminal.stdout)).toMatch(/⟲\[[#-]{24}\]\s+\d+% \d+k events/);
    expect(onTerminal.stdout).toContain("M/M/1 for the progress bar");
    const piped = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", file], {
      cwd: repo,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(piped.status).toBe(0);
    expect(piped.stderr).toBe("");
    expect(piped.stdout).not.toContain("\u001b");
    expect(piped.stdout).toContain("M/M/1 for the progress bar");
  });
});
