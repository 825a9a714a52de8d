/**
 * The traced requests' latency breakdowns put together per request class and per latency band: the
 * median band (ranks 45–55%), the p90 band (90–99%) and the p99 band (the slowest 1%), so a result
 * says what the slow requests spent their time on next to what the typical ones did.
 */
import type {
  BreakdownAggregate,
  BreakdownBand,
  LatencyBreakdown,
  RequestTrace,
  TraceSummary,
} from "../result/model";
import { BREAKDOWN_CAUSES } from "./latency-breakdown";
import { round } from "./round";

const latencyOf = (r: RequestTrace) => r.end - r.start;

function aggregate(requests: readonly RequestTrace[]): BreakdownAggregate {
  const mean: LatencyBreakdown = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
  const share: LatencyBreakdown = { queue: 0, poolWait: 0, work: 0, untraced: 0 };
  let total = 0;
  for (const r of requests) total += latencyOf(r);
  for (const cause of BREAKDOWN_CAUSES) {
    let sum = 0;
    for (const r of requests) sum += r.breakdown[cause];
    mean[cause] = requests.length === 0 ? 0 : round(sum / requests.length);
    share[cause] = total === 0 ? 0 : round(sum / total);
  }
  return {
    requests: requests.length,
    latencyMean: requests.length === 0 ? 0 : round(total / requests.length),
    mean,
    share,
  };
}

function band(sorted: readonly RequestTrace[], from: number, to: number): BreakdownBand {
  const n = sorted.length;
  // The slowest band keeps at least one request, so a small trace still shows its tail.
  const first = Math.min(Math.floor(from * n), Math.max(0, n - 1));
  const last = Math.max(Math.floor(to * n), first + 1);
  const members = sorted.slice(first, Math.min(last, n));
  return {
    from,
    to,
    latency:
      members.length === 0
        ? { min: 0, max: 0 }
        : { min: round(latencyOf(members[0]!)), max: round(latencyOf(members[members.length - 1]!)) },
    ...aggregate(members),
  };
}

export function breakdownBands(requests: readonly RequestTrace[]): TraceSummary["breakdown"] {
  const classes: Record<string, BreakdownAggregate> = {};
  for (const name of [...new Set(requests.map((r) => r.class))].sort())
    classes[name] = aggregate(requests.filter((r) => r.class === name));
  // Ties broken by id, so the bands do not depend on the reservoir's order.
  const sorted = requests
    .filter((r) => r.outcome === "completed")
    .sort((a, b) => latencyOf(a) - latencyOf(b) || a.id - b.id);
  return {
    classes,
    bands: { p50: band(sorted, 0.45, 0.55), p90: band(sorted, 0.9, 0.99), p99: band(sorted, 0.99, 1) },
  };
}
