// Retries against a dead backend: what the backend sees per request a client sends, for each number
// of attempts, with no retry budget and with budgets of a few per cent.
import example from "../../../../examples/balancing/retry-budget.json";
import { formatNumber } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

export const ATTEMPTS = [1, 2, 3, 4, 5];
/** Retry budgets: at most this fraction of the traffic may be retries; 0 stands for no budget. */
export const BUDGETS = [0, 0.05, 0.1, 0.2];

const budgetLabel = (budget: number) => (budget === 0 ? "No budget" : `Budget ${Math.round(budget * 100)}%`);

/**
 * Every attempt fails, so a client makes all its attempts: the backend sees `attempts` per request.
 * A budget lets retries be at most `budget` of the traffic, so it sees at most 1 + budget.
 */
export function expectedAmplification(attempts: number, budget: number): number {
  return budget === 0 ? attempts : Math.min(attempts, 1 + budget);
}

function scenarioAt(attempts: number, budget: number): unknown {
  const scenario: typeof example = structuredClone(example);
  const retry: Partial<(typeof example.workload.requests)[0]["retry"]> = scenario.workload.requests[0]!.retry;
  retry.attempts = attempts;
  if (budget === 0) delete retry.budget;
  else retry.budget = budget;
  scenario.name = `${attempts} attempts against a dead backend, ${budgetLabel(budget).toLowerCase()}`;
  return scenario;
}

function compute(params: Params): WidgetView {
  const attempts = Number(params.attempts);
  const budget = Number(params.budget);
  const amplification = (a: number, b: number) =>
    cachedSimulate(scenarioAt(a, b)).requests.byClass.r!.amplification;
  const focus = scenarioAt(attempts, budget);
  const result = cachedSimulate(focus);
  const cls = result.requests.byClass.r!;
  const offered = example.workload.arrival.rate;
  const summary =
    `With ${attempts} attempts and ${budgetLabel(budget).toLowerCase()} the dead backend sees ` +
    `${formatNumber(cls.amplification, 2)} attempts per request (theory ${formatNumber(expectedAmplification(attempts, budget), 2)}): ` +
    `${formatNumber(cls.amplification * offered, 0)} per second for ${offered} requests per second sent. ` +
    `Without a budget the load grows with every attempt allowed; a budget holds it near 1 + budget however many are allowed.`;
  return {
    chart: {
      title: "Load on the backend per request sent, by attempts and retry budget",
      summary,
      xLabel: "Attempts allowed per request",
      yLabel: "Attempts the backend sees per request",
      series: [
        ...BUDGETS.map((b) => ({
          name: budgetLabel(b),
          style: "line" as const,
          emphasis: b === budget,
          points: ATTEMPTS.map((a): [number, number] => [a, amplification(a, b)]),
        })),
        { name: "This run", style: "points", points: [[attempts, cls.amplification]] },
      ],
    },
    table: {
      caption: "Retry amplification (attempts seen by the backend ÷ requests sent) when every attempt fails",
      columns: ["Attempts", ...BUDGETS.map(budgetLabel)],
      rows: ATTEMPTS.map((a) => [String(a), ...BUDGETS.map((b) => formatNumber(amplification(a, b), 2))]),
    },
    numbers: [
      {
        id: "amplification",
        label: "Attempts the backend sees per request sent",
        value: cls.amplification,
        text: formatNumber(cls.amplification, 2),
        field: "requests.byClass.r.amplification",
      },
      {
        id: "backend-load",
        label: "Attempts per second at the backend",
        value: cls.amplification * offered,
        text: `${formatNumber(cls.amplification * offered, 0)} /s`,
      },
      {
        id: "failed",
        label: "Requests that failed in the end",
        value: result.requests.failed.reset,
        text: formatNumber(result.requests.failed.reset, 0),
        field: "requests.failed.reset",
      },
    ],
    scenario: focus,
  };
}

export const retryAmplification: WidgetModel = {
  name: "retry-amplification",
  defaults: { attempts: example.workload.requests[0]!.retry.attempts, budget: 0 },
  compute,
};
