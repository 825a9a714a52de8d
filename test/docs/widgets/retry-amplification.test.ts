// The retry-amplification widget's model: when every attempt fails the backend sees each request as
// many times as it may be attempted; a retry budget caps that at 1 + budget.
import { describe, expect, it } from "vitest";
import {
  ATTEMPTS,
  BUDGETS,
  expectedAmplification,
  retryAmplification,
} from "../../../apps/docs/src/widgets/retry-amplification";
import type { WidgetView } from "../../../apps/docs/src/widgets/view";

const number = (v: WidgetView, id: string) => v.numbers.find((n) => n.id === id)!.value;

describe("retry-amplification widget", () => {
  const view = retryAmplification.compute(retryAmplification.defaults);

  it("multiplies the backend's load by the attempts without a budget and caps it at 1 + budget with one", () => {
    for (const budget of BUDGETS) {
      const name = budget === 0 ? "No budget" : `Budget ${Math.round(budget * 100)}%`;
      const points = view.chart.series.find((s) => s.name === name)!.points;
      expect(points.map(([a]) => a)).toEqual(ATTEMPTS);
      // ~9,500 measured requests: the budget's share is exact to a few per thousand.
      for (const [attempts, seen] of points)
        expect(Math.abs(seen - expectedAmplification(attempts, budget)), `${name}, ${attempts}`).toBeLessThan(
          0.01,
        );
    }
  });

  it("shows five attempts per request, 250/s at the backend, for the default of 5 attempts and no budget", () => {
    expect(number(view, "amplification")).toBe(5);
    expect(number(view, "backend-load")).toBe(250);
  });

  it("runs the chosen attempts and budget", () => {
    const v = retryAmplification.compute({ attempts: 3, budget: 0.1 }) as WidgetView & {
      scenario: { workload: { requests: { retry: { attempts: number; budget?: number } }[] } };
    };
    expect(v.scenario.workload.requests[0]!.retry).toMatchObject({ attempts: 3, budget: 0.1 });
    expect(Math.abs(number(v, "amplification") - 1.1)).toBeLessThan(0.01);
    const none = retryAmplification.compute({ attempts: 3, budget: 0 }) as typeof v;
    expect(none.scenario.workload.requests[0]!.retry.budget).toBeUndefined();
  });
});
