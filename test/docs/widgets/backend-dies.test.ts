// The backend-dies widget's model: a dead backend keeps its quarter of round robin's traffic until the
// health checks mark it down, so rate × 1/4 × detection time requests fail; with no checks it keeps it
// for the whole outage, and passive ejection cuts the loss to a handful.
import { describe, expect, it } from "vitest";
import {
  backendDies,
  detectionTime,
  expectedFailures,
  FALLS,
  INTERVALS,
} from "../../../apps/docs/src/widgets/backend-dies";
import type { WidgetView } from "../../../apps/docs/src/widgets/view";

const number = (v: WidgetView, id: string) => v.numbers.find((n) => n.id === id)!.value;
const line = (v: WidgetView, name: string) => v.chart.series.find((s) => s.name === name)!.points;

describe("backend-dies widget", () => {
  const view = backendDies.compute(backendDies.defaults);

  it("marks the backend down after the first failing check and fall − 1 more intervals", () => {
    expect(detectionTime(2, 3)).toBe(5); // dies at 61 s; checks at 62, 64, 66 s
    expect(detectionTime(10, 5)).toBe(49); // 70, 80, 90, 100, 110 s
    expect(number(view, "detection-time")).toBe(5);
  });

  it("fails rate × share × detection time requests for every interval and fall", () => {
    for (const fall of FALLS) {
      line(view, `fall ${fall}`).forEach(([interval, failed]) => {
        const expected = expectedFailures(interval, fall);
        // Poisson arrivals: the count's standard deviation is √expected; allow 4 of them.
        expect(Math.abs(failed - expected), `interval ${interval} s, fall ${fall}`).toBeLessThan(
          4 * Math.sqrt(expected) + 2,
        );
      });
    }
    expect(line(view, "fall 1").map(([interval]) => interval)).toEqual(INTERVALS);
    expect(number(view, "failed")).toBe(line(view, "fall 3")[0]![1]);
  });

  it("shows a higher error fraction without health checks, and a far lower one with passive ejection", () => {
    // No checks: the dead backend keeps 100/s × 1/4 for the whole 60 s outage.
    const none = number(view, "failed-without-checks");
    expect(Math.abs(none - 1500)).toBeLessThan(4 * Math.sqrt(1500));
    expect(none).toBeGreaterThan(10 * number(view, "failed"));
    expect(number(view, "failed-passive")).toBeLessThan(20); // two ejections of 5 consecutive failures
    // 100/s for 180 s: about 18,000 requests, give or take 1%.
    const fraction = number(view, "error-fraction");
    expect(fraction * 18_000 * 0.97).toBeLessThan(number(view, "failed"));
    expect(fraction * 18_000 * 1.03).toBeGreaterThan(number(view, "failed"));
  });

  it("runs the chosen interval and fall, and shows the quarter-size dip in throughput", () => {
    const v = backendDies.compute({ interval: 10, fall: 5 }) as WidgetView & {
      scenario: { components: { lb: { healthCheck: { interval: string; fall: number } } } };
    };
    expect(v.scenario.components.lb.healthCheck).toMatchObject({ interval: "10s", fall: 5 });
    expect(number(v, "failed")).toBeGreaterThan(5 * number(view, "failed"));
    const timeline = v.extraFigures![0]!.chart.series.find((s) => s.name === "No health checks")!.points;
    const during = timeline.filter(([t]) => t >= 66 && t < 120).map(([, c]) => c);
    const mean = during.reduce((a, b) => a + b, 0) / during.length;
    expect(Math.abs(mean - 75)).toBeLessThan(5); // three of four backends answer
  });
});
