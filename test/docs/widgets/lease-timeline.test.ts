// The lease timeline widget's model: the page's figures for the default run, fencing that refuses
// exactly the unsafe writes, a lease past the longest pause that never expires, and a timeline
// drawn from the run's own lease events.
import { describe, expect, it } from "vitest";
import { LONGEST_PAUSE, leaseTimeline, TTLS } from "../../../apps/docs/src/widgets/lease-timeline";

type View = ReturnType<typeof leaseTimeline.compute>;
const view = (params: Record<string, number | string>) =>
  leaseTimeline.compute({ ...leaseTimeline.defaults, ...params });
const number = (v: View, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("lease-timeline widget", () => {
  it("the default run (10 s lease, no fencing) gives the page's figures: 107 leases expire, 95 unsafe writes", () => {
    const v = view({});
    expect(number(v, "expired")).toBe(107);
    expect(number(v, "unsafe-writes")).toBe(95);
    expect(number(v, "fenced")).toBe(0);
    expect(v.chart.summary).toContain("107 leases expire");
  });

  it("fencing refuses the same 95 writes and lets no unsafe write through", () => {
    const v = view({ fencing: "on" });
    expect(number(v, "unsafe-writes")).toBe(0);
    expect(number(v, "fenced")).toBe(number(view({}), "unsafe-writes"));
    expect(number(v, "stale-writes")).toBe(number(view({}), "stale-writes"));
  });

  it("a lease longer than the longest pause never expires, so nothing is unsafe or fenced", () => {
    const longer = TTLS.filter((t) => t > LONGEST_PAUSE);
    expect(longer.length).toBeGreaterThan(0);
    for (const ttl of longer) {
      const v = view({ ttl });
      expect(number(v, "expired")).toBe(0);
      expect(number(v, "unsafe-writes")).toBe(0);
      expect(number(v, "pauses")).toBeGreaterThan(100);
    }
  });

  it("the sweep shows unsafe writes only without fencing, and fencing refuses each of them", () => {
    const sweep = view({}).extraFigures![0]!;
    const series = (name: string) => sweep.chart.series.find((s) => s.name === name)!.points;
    expect(series("Unsafe writes, fencing").every(([, y]) => y === 0)).toBe(true);
    expect(series("Refused by fencing")).toEqual(series("Unsafe writes, no fencing"));
    expect(series("Unsafe writes, no fencing").find(([x]) => x === 10)![1]).toBe(95);
  });

  it("the timeline shows the first expiry: a lease held, a pause, and an unsafe write after the new holder's", () => {
    const v = view({});
    const names = v.chart.series.map((s) => s.name);
    expect(names).toContain("Holds the lease (the service's view)");
    expect(names).toContain("Paused (GC, stall)");
    expect(names).toContain("Lease expired, holder still believes it holds the lock");
    expect(names).toContain("Unsafe write (after the new holder's)");
    expect(view({ fencing: "on" }).chart.series.map((s) => s.name)).toContain("Write refused by fencing");
    expect(v.table.rows.some((r) => r[2] === "expire")).toBe(true);
    // Lanes are clients 1 to 3.
    for (const s of v.chart.series) for (const [, y] of s.points) expect(y > 0.5 && y < 3.5).toBe(true);
  });

  it("every number is a field of the run's result", () => {
    for (const n of view({}).numbers) expect(n.field).toMatch(/^components\.(locks|store)\./);
  });
});
