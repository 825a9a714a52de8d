// Every example in examples/coordination states its figures in its description; each is run here
// and every figure it states is checked against the result field it comes from.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type {
  LeaderElectionStats,
  LockServiceStats,
  Result,
  StorageStats,
} from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const FOLDER = join(__dirname, "../../../examples/coordination");
const locks = (r: Result) => r.components.locks as LockServiceStats;
const store = (r: Result) => r.components.store as StorageStats;
const leader = (r: Result) => r.components.leader as LeaderElectionStats;
const fixed2 = (x: number) => x.toFixed(2);

/** Per example, the phrases its description states and the result figure each must equal. */
const STATED: Record<string, (r: Result) => [phrase: string, figure: string | number][]> = {
  "lease-shorter-than-pause.json": (r) => [
    [`${locks(r).grants} grants`, 2485],
    [`${locks(r).expired} leases expire`, 107],
    [`${store(r).staleWrites} stale writes`, 107],
    [`${store(r).unsafeWrites} of them unsafe`, 95],
    [`all ${store(r).writes} writes are accepted`, r.requests.arrived],
  ],
  "lease-shorter-than-pause-fenced.json": (r) => [
    [`${locks(r).expired} leases expire`, 107],
    [`${store(r).staleWrites} writes are stale`, 107],
    [`refuses the ${store(r).fencedRejections} whose`, 95],
    [`${store(r).unsafeWrites} unsafe writes`, 0],
    [`the ${r.requests.failed.rejected} refusals`, 95],
  ],
  "lease-longer-than-pause.json": (r) => [
    [`${locks(r).grants} grants`, 2202],
    [`${locks(r).pauses} pauses`, 219],
    [`${locks(r).expired} leases expire`, 0],
    [`${store(r).staleWrites} stale and ${store(r).unsafeWrites} unsafe writes`, "0 stale and 0 unsafe"],
  ],
  "leader-crash.json": (r) => [
    [`${leader(r).crashes} crashes`, 199],
    [`${fixed2(leader(r).leaderless)} s without a leader`, "3444.24"],
    [`${fixed2(leader(r).leaderless / leader(r).crashes)} s per crash`, "17.31"],
    [`${leader(r).rejected} of ${r.requests.arrived} calls`, "3413 of 11905"],
  ],
  "leader-pause.json": (r) => [
    [`${leader(r).deposed} deposed leaders`, 153],
    [`${fixed2(leader(r).twoLeaders)} s with two leaders`, "131.61"],
    [`(${fixed2(leader(r).twoLeaders / leader(r).deposed)} s each)`, "0.86"],
    [`${fixed2(leader(r).leaderless)} s without a leader`, "4001.10"],
  ],
};

const files = readdirSync(FOLDER)
  .filter((f) => f.endsWith(".json"))
  .sort();

test("every coordination example has its figures listed here", () => {
  expect(files).toEqual(Object.keys(STATED).sort());
});

describe.each(files)("%s", (file) => {
  const scenario = JSON.parse(readFileSync(join(FOLDER, file), "utf8"));
  const result = simulate(scenario);

  test.each(STATED[file]!(result))("its description states %s, from the result", (phrase, figure) => {
    expect(scenario.description).toContain(phrase);
    expect(phrase).toContain(String(figure));
  });
});

describe("the figures the descriptions give from theory", () => {
  test("leader-crash: the measured time without a leader per crash is within 0.5 s of the 17.36 s theory", () => {
    const result = simulate(JSON.parse(readFileSync(join(FOLDER, "leader-crash.json"), "utf8")));
    expect(leader(result).leaderless / leader(result).crashes).toBeCloseTo(17.36, 0);
    expect(JSON.parse(readFileSync(join(FOLDER, "leader-crash.json"), "utf8")).description).toContain(
      "17.36 s",
    );
  });

  test("the fenced example refuses what the unfenced one let through, event for event", () => {
    const read = (f: string) => simulate(JSON.parse(readFileSync(join(FOLDER, f), "utf8")));
    const open = read("lease-shorter-than-pause.json");
    const fenced = read("lease-shorter-than-pause-fenced.json");
    expect(store(fenced).fencedRejections).toBe(store(open).unsafeWrites);
    expect(fenced.simulated.events).toBe(open.simulated.events);
  });
});
