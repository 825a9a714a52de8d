// The topology layout: nodes in columns by hops from the clients, edges as the scenario wires them,
// the same layout every time, and its SVG naming every node and edge.
import { scenarioWiring, topologyLayout, topologySvg } from "@syslab/charts";
import { canonicalScenario, parseScenario } from "@syslab/sim-core";
import { expect, test } from "vitest";
import { tracedTopologyScenario } from "../support/traced-topology";

function canonical(input: unknown): Record<string, unknown> {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return canonicalScenario(parsed.scenario) as unknown as Record<string, unknown>;
}

test("a balancer's servers sharing a pool: columns by hops from the clients, edges as wired", () => {
  const layout = topologyLayout(canonical(tracedTopologyScenario()))!;
  expect(layout.nodes.map((n) => [n.name, n.kind, n.column, n.row])).toEqual([
    ["clients", "workload", 0, 0],
    ["lb", "balancer", 1, 0],
    ["web1", "server", 2, 0],
    ["web2", "server", 2, 1],
    ["pool", "pool", 3, 0],
    ["db", "station", 4, 0],
  ]);
  const name = (i: number) => layout.nodes[i]!.name;
  // The servers run the request's steps, so they (not the balancer in front of them) call the pool.
  expect(layout.edges.map((e) => `${name(e.from)}→${name(e.to)}`)).toEqual([
    "clients→lb",
    "lb→web1",
    "lb→web2",
    "web1→pool",
    "web2→pool",
    "pool→db",
  ]);
  // Columns left to right; a column's rows centred on the tallest column's.
  const x = layout.nodes.map((n) => n.x);
  expect(x).toEqual([...x].sort((a, b) => a - b));
  const [, lb, web1, web2, pool] = layout.nodes;
  expect(lb!.y).toBe((web1!.y + web2!.y) / 2);
  expect(pool!.y).toBe(lb!.y);
  expect(layout.width).toBeGreaterThan(layout.nodes.at(-1)!.x + layout.nodeWidth / 2);
  expect(layout.height).toBeGreaterThan(web2!.y + layout.nodeHeight / 2);
  expect(topologyLayout(canonical(tracedTopologyScenario()))).toEqual(layout);
});

test("a component no call reaches gets a column after the rest; a back edge keeps its direction", () => {
  const scenario = canonical({
    version: 1,
    seed: 1,
    run: { requests: 10 },
    workload: {
      arrival: { process: "poisson", rate: 1 },
      requests: [{ name: "r", steps: [{ cpu: "1ms" }, { call: "db", hold: "1ms" }] }],
    },
    entry: "web",
    components: {
      spare: { type: "station" },
      web: { type: "server", cores: 1, architecture: { kind: "thread-pool", threads: 4, queue: 4 } },
      db: { type: "station" },
    },
  });
  expect(Object.fromEntries([...scenarioWiring(scenario)].map(([k, v]) => [k, [...v]]))).toEqual({
    spare: [],
    web: ["db"],
    db: [],
  });
  const layout = topologyLayout(scenario)!;
  expect(layout.nodes.map((n) => [n.name, n.column])).toEqual([
    ["clients", 0],
    ["web", 1],
    ["db", 2],
    ["spare", 3],
  ]);
  expect(topologyLayout({ components: {}, entry: "web" })).toBeUndefined();
});

test("the SVG names the topology in its title and marks each node with its index and centre", () => {
  const layout = topologyLayout(canonical(tracedTopologyScenario()))!;
  const svg = topologySvg(layout, "t1");
  expect(svg).toContain(
    `<title id="t1-title">Topology: clients → lb, lb → web1, lb → web2, web1 → pool, web2 → pool, pool → db</title>`,
  );
  const nodes = [
    ...svg.matchAll(/data-node="(\d+)" data-name="([^"]+)" data-x="([\d.]+)" data-y="([\d.]+)"/g),
  ];
  expect(nodes.map((m) => [Number(m[1]), m[2], Number(m[3]), Number(m[4])])).toEqual(
    layout.nodes.map((n, i) => [i, n.name, n.x, n.y]),
  );
  expect(svg.match(/<line /g)).toHaveLength(layout.edges.length);
  expect(svg).toContain(`viewBox="0 0 ${layout.width} ${layout.height}"`);
});
