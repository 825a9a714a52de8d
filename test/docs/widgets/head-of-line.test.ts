// The head-of-line widget's model: short tasks reserved behind a long one wait for it, more so the more
// a node prefetches; late acks with prefetch 1 leave every waiting task in the broker (one shared line).
import { describe, expect, it } from "vitest";
import { headOfLine, PREFETCH } from "../../../apps/docs/src/widgets/head-of-line";
import { erlangC } from "../../sim-core/support/erlang-c";

const view = (prefetch: number, acks = "late") => headOfLine.compute({ prefetch, acks });
const number = (v: ReturnType<typeof view>, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("head-of-line widget", () => {
  it("short tasks take longer the more each node prefetches", () => {
    const shorts = PREFETCH.map((p) => number(view(p), "short-latency"));
    for (let i = 1; i < shorts.length; i++) expect(shorts[i]!).toBeGreaterThan(shorts[i - 1]!);
    expect(number(view(4), "short-latency")).toBeGreaterThan(1.4 * number(view(1), "short-latency"));
  });

  it("late acks with prefetch 1 reserve nothing: the same run as one shared line of two processes", () => {
    const one = view(1);
    expect(number(one, "reserved")).toBe(0);
    expect(number(one, "short-latency")).toBe(number(one, "shared-line"));
    expect(number(view(4), "reserved")).toBeGreaterThan(0);
  });

  it("the shared line is near M/G/2: 0.1 s + (1 + scv)/2 × Erlang C's wait", () => {
    // 90% of 100 ms, 10% of 20 s: E[S] = 2.09 s, E[S²] = 40.009 s², at λ = 0.5/s. The two-moment
    // approximation (Lee and Longton) gives 3.69 s; with such a variable service it is only a guide.
    const mean = 0.9 * 0.1 + 0.1 * 20;
    const scv = (0.9 * 0.01 + 0.1 * 400) / mean ** 2 - 1;
    const expected = 0.1 + ((1 + scv) / 2) * erlangC(2, 0.5, 1 / mean).wq;
    expect(Math.abs(number(view(1), "shared-line") - expected) / expected).toBeLessThan(0.15);
  });

  it("early acks free the slot as a task starts: prefetch 1 early is prefetch 2 late", () => {
    expect(number(view(1, "early"), "short-latency")).toBe(number(view(2, "late"), "short-latency"));
    expect(number(view(1, "early"), "reserved")).toBeGreaterThan(0);
  });
});
