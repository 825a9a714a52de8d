// The kernel timer wheel: levels, granularity, never early, and the order timers due together run in.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { TimerWheel, wheelExpiry, wheelLevel } from "../../../packages/sim-core/src/servers/timer-wheel";

const HZ = 250;

describe("timer wheel", () => {
  test("levels and granularities at HZ 250 are those of kernel/time/timer.c's table", () => {
    // Level 0: up to 63 ticks (252 ms) at 1 tick (4 ms); level 1: up to 503 ticks at 8 (32 ms);
    // level 2: up to 4031 ticks at 64 (256 ms); level 3: up to 32255 ticks at 512 (2.048 s).
    expect([1, 62, 63, 503, 504, 4031, 4032, 32255, 32256].map(wheelLevel)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4,
    ]);
  });

  test("a timer fires at the first boundary of its level's granularity after it expires", () => {
    expect(wheelExpiry(0, 51)).toBe(52); // 204 ms → 208 ms
    expect(wheelExpiry(0, 250)).toBe(256); // 1 s → 1.024 s
    expect(wheelExpiry(256, 250)).toBe(512); // the next 1 s → 2.048 s
    expect(wheelExpiry(0, 1000)).toBe(1024); // 4 s → 4.096 s
    expect(wheelExpiry(0, 6656)).toBe(7168); // 26.6 s → 28.7 s
  });

  test("never early, and at most one granularity late", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e7 }), fc.integer({ min: 1, max: 30_000 }), (now, timeout) => {
        const fires = wheelExpiry(now, timeout);
        const granularity = 8 ** wheelLevel(timeout);
        expect(fires).toBeGreaterThan(now + timeout - 1);
        expect(fires).toBeLessThanOrEqual(now + timeout + granularity);
        expect(fires % granularity).toBe(0);
      }),
    );
  });

  test("timers due at one tick run together: finest level first, the newest first within a level", () => {
    const sim = new Simulation();
    const fired: { at: number; id: string }[] = [];
    const wheel = new TimerWheel(sim, HZ, {
      onTimer: (_kind, id) => fired.push({ at: sim.now, id: id as string }),
    });
    // At tick 0: two 1 s timers (level 1, due at tick 256).
    wheel.arm(250, 0, "syn-a");
    wheel.arm(250, 0, "syn-b");
    // At tick 204: a 204 ms timer (51 ticks, level 0) due at tick 256 too.
    sim.scheduleAt(204 / HZ, { onEvent: () => wheel.arm(51, 0, "rto-level0") }, 0);
    // At tick 100: a 600 ms timer (150 ticks, level 1) due at tick 256 as well.
    sim.scheduleAt(100 / HZ, { onEvent: () => wheel.arm(150, 0, "rto-level1") }, 0);
    sim.run();
    expect(fired.map((f) => f.id)).toEqual(["rto-level0", "rto-level1", "syn-b", "syn-a"]);
    expect(new Set(fired.map((f) => f.at))).toEqual(new Set([256 / HZ]));
  });
});
