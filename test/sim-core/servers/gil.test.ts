// The GIL: one holder per process, FIFO hand-over.
import { describe, expect, test } from "vitest";
import { Gil } from "../../../packages/sim-core/src/servers/gil";
import { OsThread } from "../../../packages/sim-core/src/servers/os-thread";

const client = { onCpuRan: () => {}, onCpuDone: () => {} };

describe("GIL", () => {
  test("one holder at a time; waiters get it in arrival order", () => {
    const gil = new Gil(0.005);
    const [a, b, c] = [0, 1, 2].map((id) => new OsThread(id, -1, client));
    expect(gil.acquire(a!)).toBe(true);
    expect(gil.acquire(a!)).toBe(true); // re-acquiring by the holder is free
    expect(gil.acquire(b!)).toBe(false);
    expect(gil.acquire(c!)).toBe(false);
    expect(gil.contended).toBe(true);
    expect(gil.release()).toBe(b);
    expect(gil.holder).toBe(b);
    expect(gil.release()).toBe(c);
    expect(gil.release()).toBe(null);
    expect(gil.holder).toBe(null);
    expect(gil.handovers).toBe(2);
  });
});
