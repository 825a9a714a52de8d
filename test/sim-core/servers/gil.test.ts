// The GIL: one holder per process, handed over FIFO after a switch interval while others wait.
import { describe, expect, test } from "vitest";
import type { CpuScheduler } from "../../../packages/sim-core/src/servers/cpu-scheduler";
import { Gil } from "../../../packages/sim-core/src/servers/gil";
import { ServerProcess } from "../../../packages/sim-core/src/servers/server-process";
import { ServerThread } from "../../../packages/sim-core/src/servers/server-thread";

const client = { onCpuRan: () => {}, onCpuDone: () => {} };

/** A scheduler that only records what it was asked to run: [thread id, seconds]. */
function recordingScheduler(): { scheduler: CpuScheduler; runs: [number, number][] } {
  const runs: [number, number][] = [];
  const scheduler = { run: (thread: ServerThread, seconds: number) => runs.push([thread.id, seconds]) };
  return { scheduler: scheduler as unknown as CpuScheduler, runs };
}

describe("GIL", () => {
  test("one holder at a time; waiters get it in arrival order, a switch interval at a time", () => {
    const { scheduler, runs } = recordingScheduler();
    const gil = new Gil(scheduler, 0.005);
    const process = new ServerProcess(gil);
    const [a, b, c] = [0, 1, 2].map((id) => new ServerThread(id, -1, client, process, null));
    a!.cpuLeft = 0.012;
    b!.cpuLeft = 0.002;
    c!.cpuLeft = 0.001;
    gil.start(a!);
    gil.start(b!);
    gil.start(c!);
    expect(runs).toEqual([[0, 0.005]]); // only the holder runs, for one switch interval
    a!.cpuLeft -= 0.005;
    expect(gil.ran(a!)).toBe(false); // a is not done: it waits behind c, and b takes over
    expect(runs.at(-1)).toEqual([1, 0.002]);
    b!.cpuLeft = 0;
    expect(gil.ran(b!)).toBe(true);
    expect(runs.at(-1)).toEqual([2, 0.001]);
    c!.cpuLeft = 0;
    expect(gil.ran(c!)).toBe(true);
    expect(runs.at(-1)![0]).toBe(0);
    expect(runs.at(-1)![1]).toBeCloseTo(0.005, 12);
  });

  test("with nobody waiting the holder runs on, interval after interval", () => {
    const { scheduler, runs } = recordingScheduler();
    const gil = new Gil(scheduler, 0.005);
    const thread = new ServerThread(0, -1, client, new ServerProcess(gil), null);
    thread.cpuLeft = 0.008;
    gil.start(thread);
    thread.cpuLeft -= 0.005;
    expect(gil.ran(thread)).toBe(false);
    expect(runs[1]![1]).toBeCloseTo(0.003, 12);
    thread.cpuLeft = 0;
    expect(gil.ran(thread)).toBe(true);
    expect(runs).toHaveLength(2);
  });
});
