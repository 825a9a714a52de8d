// The third kind of determinism test: every example's key figures are pinned to the engine version.
// A change to the engine that moves any of them must bump ENGINE_VERSION and say why in CHANGELOG.md
// — run ids (API) and shared links derive from the engine version, so a silent change would leave
// stored results that the engine no longer reproduces.
//
// To accept new figures after bumping the version and writing the changelog line:
//   UPDATE_EXAMPLE_RESULTS=1 npx vitest run test/sim-core/run/example-results.test.ts
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENGINE_VERSION, type Result, simulate } from "@syslab/sim-core";
import { describe, expect, test } from "vitest";

const ROOT = join(__dirname, "../../..");
const PINNED = join(__dirname, "example-results.json");
const FOLDERS = [
  "examples",
  "examples/servers",
  "examples/docs",
  "examples/balancing",
  "examples/caching",
  "examples/jobs",
  "examples/coordination",
];

interface Pinned {
  engineVersion: string;
  results: Record<string, ReturnType<typeof figures>>;
}

function figures(result: Result) {
  return {
    scenarioHash: result.scenarioHash,
    events: result.simulated.events,
    time: result.simulated.time,
    requests: {
      arrived: result.requests.arrived,
      completed: result.requests.completed,
      failed: result.requests.failed,
    },
    throughput: result.throughput,
    latency: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}

function currentResults(): Pinned["results"] {
  const results: Pinned["results"] = {};
  for (const folder of FOLDERS) {
    for (const file of readdirSync(join(ROOT, folder))
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const input = JSON.parse(readFileSync(join(ROOT, folder, file), "utf8"));
      results[`${folder}/${file}`] = figures(simulate(input));
    }
  }
  return results;
}

describe("example results", () => {
  const results = currentResults();

  if (process.env.UPDATE_EXAMPLE_RESULTS) {
    test("writes the pinned figures for a new engine version", () => {
      const previous: Pinned | undefined = existsSync(PINNED)
        ? JSON.parse(readFileSync(PINNED, "utf8"))
        : undefined;
      // An edited example may change its figures; the same scenario giving new figures under the
      // same engine version is the silent change this test exists to stop.
      const moved = Object.entries(results)
        .filter(([name, now]) => {
          const before = previous?.results[name];
          return before?.scenarioHash === now.scenarioHash && JSON.stringify(before) !== JSON.stringify(now);
        })
        .map(([name]) => name);
      if (previous?.engineVersion === ENGINE_VERSION) {
        expect(
          moved,
          "these examples' figures moved: bump ENGINE_VERSION and add a CHANGELOG.md line",
        ).toEqual([]);
      }
      writeFileSync(PINNED, `${JSON.stringify({ engineVersion: ENGINE_VERSION, results }, null, 2)}\n`);
    });
    return;
  }

  test("every example gives the figures pinned for this engine version", () => {
    const pinned: Pinned = JSON.parse(readFileSync(PINNED, "utf8"));
    expect(pinned.engineVersion, "the pinned figures belong to another engine version: regenerate them").toBe(
      ENGINE_VERSION,
    );
    expect(results).toEqual(pinned.results);
  });

  test("CHANGELOG.md has an entry for this engine version", () => {
    const changelog = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(new RegExp(`^## ${ENGINE_VERSION.replaceAll(".", "\\.")}\\b`, "m"));
  });
});
