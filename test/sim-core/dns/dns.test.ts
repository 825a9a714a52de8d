// A DNS name with a TTL in front of two addresses: clients (an open workload's population) cache
// their answer, so an address removed from the records keeps receiving traffic until the caches
// of the clients holding it expire.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { DnsStats, Result } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

// biome-ignore lint/suspicious/noExplicitAny: an example document, edited field by field in each test.
const example = (): Record<string, any> =>
  JSON.parse(readFileSync(join(__dirname, "../../../examples/balancing/dns-ttl.json"), "utf8"));
const dns = (result: Result) => result.components.name as unknown as DnsStats;

test("a removed address gets N × ½ × ttl/(ttl + 1/c) × c × ttl/2 more requests (dns-ttl.json)", () => {
  // Per client c = 0.1/s. A cached answer lasts 60 s and is renewed at the client's first request
  // after it expires (a mean 10 s later): at the change a client holds one with probability 60/70,
  // half of them lb1, with a uniform remaining life of mean 30 s. Per client the stale count has
  // variance about 4.8, so over 1,000 clients an sd of about 69.
  const result = simulate(example());
  const theory = 1000 * 0.5 * (60 / 70) * 0.1 * 30;
  expect(Math.abs(dns(result).stale - theory)).toBeLessThan(4 * 69);
  const lb1 = dns(result).addresses.lb1!.requests;
  expect(Math.abs(lb1 - (50 * 100 + theory))).toBeLessThan(4 * Math.sqrt(5000) + 4 * 69);
  expect(result.requests.failed.reset).toBe(0);
});

test("clients that cache longer keep the removed address for their longer TTL", () => {
  const plain = dns(simulate(example())).stale;
  const scenario = example();
  scenario.components.name.longCache = { share: 0.2, ttl: "1h" };
  // 200 clients holding answers for an hour: half of those that hold lb1 keep sending 0.1/s to it
  // for the rest of the run (150 s): about 100 × 0.1 × 150 = 1,500 more.
  const long = dns(simulate(scenario)).stale;
  expect(long - plain * 0.8).toBeGreaterThan(1000);
  expect(long - plain * 0.8).toBeLessThan(2000);
});

test("without a population every request resolves afresh: a change takes effect at once", () => {
  const scenario = example();
  delete scenario.workload.population;
  const result = simulate(scenario);
  expect(dns(result).stale).toBe(0);
  expect(dns(result).resolutions).toBe(result.requests.arrived);
});

test("a population is for open workloads only", () => {
  const scenario = example();
  scenario.workload = {
    clients: { users: 5, think: "1s" },
    population: 10,
    requests: scenario.workload.requests,
  };
  const parsed = parseScenario(scenario);
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.problems.map((p) => p.path)).toContain("workload.population");
});
