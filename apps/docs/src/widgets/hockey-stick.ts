// The hockey stick: mean latency against utilisation for an M/M/c queue, theory against simulation,
// and Little's law (L = λW) checked at the chosen utilisation.
import example from "../../../../examples/docs/hockey-stick.json";
import { mmcMeanResponse } from "./erlang-c";
import { cachedSimulate } from "./run-cache";
import { formatDuration, formatNumber, formatPercent } from "./number-format";
import type { Params, WidgetModel, WidgetView } from "./view";

type Scenario = typeof example;

// The service time of the example: { "exp": "10ms" }.
const MEAN_SERVICE = 0.01;
const SWEEP = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95];

function scenarioAt(servers: number, utilisation: number): Scenario {
  const scenario = structuredClone(example);
  // Rounded so that 0.9 × 1 / 0.01 is 90, not 90.00000000000001, and names stay readable.
  const rate = Math.round((utilisation * servers * 1000) / MEAN_SERVICE) / 1000;
  scenario.name = `M/M/${servers} at ${Math.round(utilisation * 100)}% utilisation`;
  scenario.workload.arrival.rate = rate;
  scenario.components.q.servers = servers;
  return scenario;
}

function compute(params: Params): WidgetView {
  const servers = Number(params.servers);
  const utilisation = Number(params.utilisation);
  const sweep = SWEEP.map((rho) => {
    const scenario = scenarioAt(servers, rho);
    return { rho, rate: scenario.workload.arrival.rate, result: cachedSimulate(scenario) };
  });
  const focus = scenarioAt(servers, utilisation);
  const result = cachedSimulate(focus);
  const rate = focus.workload.arrival.rate;
  const theory = mmcMeanResponse(servers, rate, MEAN_SERVICE);
  const lambda = result.throughput;
  const w = result.latency.mean;

  const theoryLine: [number, number][] = [];
  for (let rho = 0.05; rho <= 0.951; rho += 0.01) {
    theoryLine.push([rho, mmcMeanResponse(servers, (rho * servers) / MEAN_SERVICE, MEAN_SERVICE) * 1000]);
  }

  return {
    chart: {
      title: `Mean latency vs utilisation, M/M/${servers}, mean service 10 ms`,
      xLabel: "Utilisation ρ",
      yLabel: "Mean latency (ms)",
      series: [
        { name: "Theory (Erlang C)", style: "line", points: theoryLine },
        { name: "Simulated", style: "points", points: sweep.map((row) => [row.rho, row.result.latency.mean * 1000]) },
        { name: "This run", style: "points", points: [[utilisation, w * 1000]] },
      ],
    },
    table: {
      caption: `Simulated and theoretical mean latency, M/M/${servers}`,
      columns: ["Utilisation", "Arrival rate (/s)", "Simulated mean", "Theory mean", "Simulated p99"],
      rows: sweep.map((row) => [
        formatPercent(row.rho),
        formatNumber(row.rate, 1),
        formatDuration(row.result.latency.mean),
        formatDuration(mmcMeanResponse(servers, row.rate, MEAN_SERVICE)),
        formatDuration(row.result.latency.p99),
      ]),
    },
    numbers: [
      { id: "arrival-rate", label: "Arrival rate λ", value: rate, text: `${formatNumber(rate, 1)} /s` },
      { id: "mean-latency", label: "Mean latency W (simulated)", value: w, text: formatDuration(w) },
      { id: "theory-latency", label: "Mean latency (theory)", value: theory, text: formatDuration(theory) },
      { id: "p99-latency", label: "p99 latency", value: result.latency.p99, text: formatDuration(result.latency.p99) },
      {
        id: "in-system",
        label: "Requests in system L",
        value: result.inSystem.mean,
        text: formatNumber(result.inSystem.mean),
      },
      { id: "little", label: "λ × W (Little's law)", value: lambda * w, text: formatNumber(lambda * w) },
    ],
    scenario: focus,
  };
}

export const hockeyStick: WidgetModel = {
  name: "hockey-stick",
  defaults: { servers: example.components.q.servers, utilisation: 0.8 },
  compute,
};
