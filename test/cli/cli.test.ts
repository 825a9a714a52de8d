import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cli as runCli } from "../../apps/cli/src/cli";

const repo = join(import.meta.dirname, "../..");
let dir: string;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const run = spawnSync(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
    cwd: repo,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function scenarioFile(name: string, scenario: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof scenario === "string" ? scenario : JSON.stringify(scenario, null, 2));
  return path;
}

const small = {
  version: 1,
  name: "Small tandem",
  seed: 3,
  run: { requests: 5000, warmup: 500 },
  workload: {
    arrival: { process: "poisson", rate: 100 },
    requests: [{ name: "page", steps: [{ service: { exp: "5ms" } }, { call: "db", hold: { exp: "3ms" } }] }],
  },
  entry: "web",
  components: { web: { type: "station", servers: 2 }, db: { type: "station" } },
};

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "syslab-cli-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a run", () => {
  test("prints a readable summary", () => {
    const run = cli(scenarioFile("small.json", small));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^Small tandem\n/);
    expect(out).toMatch(
      /requests {5}arrived 5,000, completed 5,000, failed 0 \(rejected 0, reset 0, timeout 0, limited 0\)/,
    );
    expect(out).toMatch(/throughput {3}\d+\.\d{3} requests\/s/);
    expect(out).toMatch(/latency {6}mean [\d.]+ ms, 95% CI [\d.]+–[\d.]+ ms \(batch-means, \d+ batches\)/);
    expect(out).toMatch(/p50 [\d.]+, p90 [\d.]+, p99 [\d.]+, p99\.9 [\d.]+, max [\d.]+ ms/);
    expect(out).toMatch(/wait {9}mean [\d.]+ ms/);
    expect(out).toMatch(/^component +utilisation +queue mean +queue max +served +rejected$/m);
    expect(out).toMatch(/^web +\d+\.\d% +[\d.]+ +\d+ +[\d,]+ +0$/m);
    expect(out).toMatch(/^db +\d+\.\d% +[\d.]+ +\d+ +[\d,]+ +0$/m);
  });

  test("--json prints exactly the result JSON, the same on every run; --seed changes it", () => {
    const file = scenarioFile("small.json", small);
    const first = cli(file, "--json");
    const second = cli(file, "--json");
    const reseeded = cli(file, "--json", "--seed", "4");
    for (const run of [first, second, reseeded]) {
      expect(run.status).toBe(0);
      expect(run.stderr).toBe("");
    }
    const result = JSON.parse(first.stdout);
    expect(result.engine.name).toBe("syslab");
    expect(result.requests.arrived).toBe(5000);
    expect(result.seed).toBe(3);
    expect(second.stdout).toBe(first.stdout);
    const other = JSON.parse(reseeded.stdout);
    expect(other.seed).toBe(4);
    expect(other.scenarioHash).not.toBe(result.scenarioHash);
    expect(other.latency.mean).not.toBe(result.latency.mean);
  });

  test("--sweep prints one row per value; with --json, the sweep result", () => {
    const file = scenarioFile("small.json", small);
    const table = cli(file, "--sweep", "components.web.servers=1,2,4");
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^components\.web\.servers +throughput\/s +mean ms +p99 ms +failed$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual(["1", "2", "4"]);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d+ +[\d.]+ +[\d.]+ +[\d.]+ +\d+$/);

    const json = cli(file, "--json", "--sweep", "workload.requests[0].steps[1].hold=1ms,2ms");
    expect(json.status).toBe(0);
    const sweep = JSON.parse(json.stdout);
    expect(sweep.path).toBe("workload.requests[0].steps[1].hold");
    expect(sweep.values).toEqual(["1ms", "2ms"]);
    expect(sweep.rows).toHaveLength(2);
    expect(sweep.rows[1].result.latency.mean).toBeGreaterThan(sweep.rows[0].result.latency.mean);
  });
});

describe("errors", () => {
  test("an invalid scenario exits 2 with every problem on stderr, one per line, path first", () => {
    // biome-ignore lint/suspicious/noExplicitAny: broken on purpose, field by field
    const broken = structuredClone(small) as any;
    delete broken.run; // missing field
    broken.workload.requests[0].steps[0].service.exp = "5 sec"; // wrong unit
    broken.workload.arrival.rate = -100; // negative rate
    broken.entry = "wbe"; // unknown component in entry
    broken.workload.requests[0].steps[1].call = "database"; // unknown component in a call
    const run = cli(scenarioFile("broken.json", broken));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    noStackTrace(run.stderr);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines.map((line) => line.slice(0, line.indexOf(":"))).sort()).toEqual([
      "entry",
      "run",
      "workload.arrival.rate",
      "workload.requests[0].steps[0].service.exp",
      "workload.requests[0].steps[1].call",
    ]);
    expect(run.stderr).toContain(
      'entry: "wbe" is not a component; components are: web, db. Did you mean "web"?',
    );
  });

  test("a run that reaches a limit exits 1 with the message and the hint", () => {
    const limited = { ...small, run: { ...small.run, limits: { maxEvents: 500 } } };
    const run = cli(scenarioFile("limited.json", limited));
    expect(run.status).toBe(1);
    noStackTrace(run.stderr);
    expect(run.stderr).toMatch(
      /^The run stopped after 500 events, at simulated time [\d.]+ s, before reaching its end\.\n/,
    );
    expect(run.stderr).toContain("run.limits.maxEvents");
  });

  test("an unreadable file and invalid JSON exit 2 with a clear message", () => {
    const missing = cli(join(dir, "missing.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Cannot read .*missing\.json: no such file\./);

    const badJson = cli(scenarioFile("bad.json", '{\n  "version": 1,\n  "seed" 2\n}'));
    expect(badJson.status).toBe(2);
    expect(badJson.stderr).toMatch(/^The input is not valid JSON: .*bad\.json:3:10: /);
  });

  test("a file nested 100,000 deep exits 2 naming where, and one over 64 MiB is not read", async () => {
    const deep = scenarioFile(
      "deep.json",
      `{"version":1,"workload":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
    );
    const err: string[] = [];
    expect(await runCli([deep], { out: () => {}, err: (t) => err.push(t) })).toBe(2);
    expect(err.join("")).toMatch(
      /^workload(\[0\]){63}: This value is nested more than 64 levels of objects and lists deep; /,
    );
    const huge = join(dir, "huge.json");
    writeFileSync(huge, "");
    truncateSync(huge, 65 * 1024 * 1024); // sparse: takes no disk space
    const hugeErr: string[] = [];
    expect(await runCli([huge], { out: () => {}, err: (t) => hugeErr.push(t) })).toBe(2);
    expect(hugeErr.join("")).toMatch(
      /^Cannot read .*huge\.json: it is 65 MiB, more than the 64 MiB a scenario file may be\./,
    );
  });

  test("control characters quoted from a broken file are written as escapes", async () => {
    const file = scenarioFile("control.json", '{"version": \u001b[31m1}');
    const err: string[] = [];
    expect(await runCli([file], { out: () => {}, err: (t) => err.push(t) })).toBe(2);
    expect(err.join("")).toContain("\\u001b[31m");
    expect(err.join("")).not.toContain("\u001b");
  });

  // Arguments are checked before anything is read or run, so these go through the same entry
  // point in-process instead of spawning a process each.
  test("bad arguments exit 2 with what to write instead", async () => {
    const file = join(dir, "small.json");
    for (const args of [
      [],
      ["--bogus"],
      [file, file],
      [file, "--seed", "x"],
      [file, "--seed", "-1"],
      [file, "--sweep", "x"],
      [file, "--sweep", "seed="],
    ]) {
      const err: string[] = [];
      const status = await runCli(args, { out: () => {}, err: (text) => err.push(text) });
      expect(status, args.join(" ")).toBe(2);
      expect(err.join(""), args.join(" ")).toMatch(/\nRun with --help to see the options\.\n$/);
      noStackTrace(err.join(""));
    }
  });

  test("--help prints the usage and exits 0", async () => {
    const out: string[] = [];
    expect(await runCli(["--help"], { out: (text) => out.push(text), err: () => {} })).toBe(0);
    const run = { stdout: out.join("") };
    expect(run.stdout).toMatch(/^Usage: npm run --silent sim -- <scenario.json> \[options\]/);
    for (const option of ["--json", "--seed", "--sweep", "--help"]) expect(run.stdout).toContain(option);
  });
});

describe("programs", () => {
  test("npm run sim -- program.json prints the outcomes and each violation with its schedule, exit 0", () => {
    const run = cli("examples/programs/lost-update.json");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("exhaustive search: 4 executions");
    expect(run.stdout).toMatch(/counter=1\s+2\n/);
    expect(run.stdout).toContain("final (1 preemption): The final check fails: counter = 1");
    expect(run.stdout).toContain("2. B        load counter → r = 0  (preempts)");
  });

  test("--json prints exactly the explorer's result", () => {
    const run = cli("--json", "examples/programs/two-locks-deadlock.json");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.exhaustive).toBe(true);
    expect(result.violations[0]).toMatchObject({ kind: "deadlock", cycle: ["A", "B", "A"], preemptions: 1 });
  });

  test("an invalid program exits 2 with its problems on stderr", () => {
    const path = scenarioFile("bad-program.json", {
      version: 1,
      kind: "program",
      threads: [{ name: "A", steps: [{ lok: "m" }] }],
    });
    const run = cli(path);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('threads[0].steps[0]: An object with "lok" is not a step');
  });
});
