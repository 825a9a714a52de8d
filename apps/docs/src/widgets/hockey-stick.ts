// The hockey stick: mean latency against utilisation for an M/M/c queue, theory against simulation,
// and Little's law (L = λW) checked at the chosen utilisation.
import example from "../../../../examples/docs/hockey-stick.json";
import { meanResponse } from "./erlang-c";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import { cachedSimulate } from "./run-cache";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

// The service time of the example: { "exp": "10ms" }.
const MEAN_SERVICE = 0.01;
const SWEEP = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];

/** Service time shapes with the same 10 ms mean; scv is the squared coefficient of variation. */
export const SERVICE: Record<string, { label: string; kendall: string; scv: number; distribution: unknown }> =
  {
    exp: { label: "Exponential", kendall: "M", scv: 1, distribution: { exp: "10ms" } },
    constant: { label: "Constant", kendall: "D", scv: 0, distribution: "10ms" },
    hyperexp: {
      label: "Heavy-tailed (hyperexponential, scv 4)",
      kendall: "H₂",
      scv: 4,
      distribution: { hyperexp: { mean: "10ms", scv: 4 } },
    },
  };

function scenarioAt(servers: number, utilisation: number, service: string): Scenario {
  const scenario = structuredClone(example);
  const shape = SERVICE[service]!;
  // Rounded so that 0.9 × 1 / 0.01 is 90, not 90.00000000000001, and names stay readable.
  const rate = Math.round((utilisation * servers * 1000) / MEAN_SERVICE) / 1000;
  scenario.name = `M/${shape.kendall}/${servers} at ${Math.round(utilisation * 100)}% utilisation`;
  (scenario.workload.requests[0]!.steps[0] as { service: unknown }).service = structuredClone(
    shape.distribution,
  );
  scenario.workload.arrival.rate = rate;
  scenario.components.q.servers = servers;
  return scenario;
}

function compute(params: Params): WidgetView {
  const servers = Number(params.servers);
  const utilisation = Number(params.utilisation);
  const service = String(params.service);
  const { scv, kendall } = SERVICE[service]!;
  const model = `M/${kendall}/${servers}`;
  const theoryName =
    scv === 1
      ? "Theory (Erlang C)"
      : servers === 1
        ? "Theory (Pollaczek–Khinchine)"
        : "Theory (Allen–Cunneen)";
  const sweep = SWEEP.map((rho) => {
    const scenario = scenarioAt(servers, rho, service);
    return { rho, rate: scenario.workload.arrival.rate, result: cachedSimulate(scenario) };
  });
  const focus = scenarioAt(servers, utilisation, service);
  const result = cachedSimulate(focus);
  const rate = focus.workload.arrival.rate;
  const theory = meanResponse(servers, rate, MEAN_SERVICE, scv);
  const lambda = result.throughput;
  const w = result.latency.mean;

  const theoryLine: [number, number][] = [];
  for (let rho = 0.05; rho <= 0.951; rho += 0.01) {
    theoryLine.push([rho, meanResponse(servers, (rho * servers) / MEAN_SERVICE, MEAN_SERVICE, scv) * 1000]);
  }

  const first = sweep[0]!;
  const last = sweep[sweep.length - 1]!;
  const summary =
    `Simulated mean latency of ${model} grows from ${formatDuration(first.result.latency.mean)} at ` +
    `${formatPercent(first.rho)} utilisation to ${formatDuration(last.result.latency.mean)} at ` +
    `${formatPercent(last.rho)}, following theory; at ${formatPercent(utilisation)} the run gives ` +
    `${formatDuration(w)} against ${formatDuration(theory)} from theory.`;

  return {
    chart: {
      title: `Mean latency vs utilisation, ${model}`,
      summary,
      xLabel: "Utilisation ρ",
      yLabel: "Mean latency (ms)",
      series: [
        { name: "Theory", style: "line", points: theoryLine },
        {
          name: "Simulated",
          style: "points",
          points: sweep.map((row) => [row.rho, row.result.latency.mean * 1000]),
        },
        { name: "This run", style: "points", points: [[utilisation, w * 1000]] },
      ],
    },
    table: {
      caption: `Simulated and theoretical mean latency, ${model} (${theoryName.toLowerCase()})`,
      columns: ["Utilisation", "Arrival rate (/s)", "Simulated mean", "Theory mean", "Simulated p99"],
      rows: sweep.map((row) => [
        formatPercent(row.rho),
        formatNumber(row.rate, 1),
        formatDuration(row.result.latency.mean),
        formatDuration(meanResponse(servers, row.rate, MEAN_SERVICE, scv)),
        formatDuration(row.result.latency.p99),
      ]),
    },
    numbers: [
      { id: "arrival-rate", label: "Arrival rate λ", value: rate, text: `${formatNumber(rate, 1)} /s` },
      {
        id: "mean-latency",
        label: "Mean latency W (simulated)",
        value: w,
        text: formatDuration(w),
        field: "latency.mean",
      },
      { id: "theory-latency", label: theoryName, value: theory, text: formatDuration(theory) },
      {
        id: "p99-latency",
        label: "p99 latency",
        value: result.latency.p99,
        text: formatDuration(result.latency.p99),
        field: "latency.p99",
      },
      {
        id: "in-system",
        label: "Requests in system L",
        value: result.inSystem.mean,
        text: formatNumber(result.inSystem.mean),
        field: "inSystem.mean",
      },
      { id: "little", label: "λ × W (Little's law)", value: lambda * w, text: formatNumber(lambda * w) },
    ],
    scenario: focus,
  };
}

export const hockeyStick: WidgetModel = {
  name: "hockey-stick",
  defaults: { servers: example.components.q.servers, utilisation: 0.8, service: "exp" },
  compute,
};
