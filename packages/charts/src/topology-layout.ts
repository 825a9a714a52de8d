// Where a scenario's components sit in a diagram: the clients (the workload) on the left, then a
// column per hop from them — the entry, what it calls, what those call — with one edge per wiring
// (a call step, or a setting that names a component: a balancer's backends, a pool's target, a DNS
// name's addresses). Pure and deterministic: the share page draws it as SVG on the server and the
// animation draws requests over the same coordinates in the browser.

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Kinds that pass a call on to the components their settings name (a balancer's backends, a DNS
 * name's addresses, a pool's, cache's or limiter's target): the steps of a call to one run there.
 */
const PASSES_CALLS_ON = new Set(["balancer", "dns", "pool", "cache", "limiter"]);

/** Who calls whom, from a canonical scenario: settings that name a component, and call steps (from the component that runs them). */
export function scenarioWiring(scenario: Obj): Map<string, Set<string>> {
  const components = isObj(scenario.components) ? scenario.components : {};
  const names = new Set(Object.keys(components));
  const calls = new Map<string, Set<string>>([...names].map((n) => [n, new Set<string>()]));
  const add = (from: string, to: string) => {
    if (names.has(to) && from !== to) calls.get(from)?.add(to);
  };
  const named = (from: string, value: Json) => {
    if (typeof value === "string") add(from, value);
    else if (Array.isArray(value)) for (const v of value) named(from, v);
    else if (isObj(value)) for (const v of Object.values(value)) named(from, v);
  };
  for (const [name, spec] of Object.entries(components)) if (isObj(spec)) named(name, spec);
  // Where steps sent to `name` run: there, or, through components that pass calls on, where those send them.
  const hosts = (name: string, seen = new Set<string>()): string[] => {
    const spec = components[name];
    const next = [...(calls.get(name) ?? [])];
    if (seen.has(name) || !isObj(spec) || !PASSES_CALLS_ON.has(String(spec.type)) || next.length === 0)
      return [name];
    seen.add(name);
    return [...new Set(next.flatMap((n) => hosts(n, seen)))];
  };
  const walk = (steps: Json, at: string) => {
    if (!Array.isArray(steps)) return;
    for (const step of steps.filter(isObj)) {
      if (step.kind !== "call" || typeof step.target !== "string") continue;
      for (const host of hosts(at)) add(host, step.target);
      walk(step.steps, step.target);
    }
  };
  const workload = isObj(scenario.workload) ? scenario.workload : {};
  const entry = String(scenario.entry);
  for (const cls of Array.isArray(workload.requests) ? workload.requests.filter(isObj) : [])
    walk(cls.steps, entry);
  return calls;
}

export interface TopologyNode {
  /** The component's name; the first node, the workload's clients, is named "clients". */
  name: string;
  /** The component's type ("server", "pool", …); "workload" for the clients. */
  kind: string;
  /** Hops from the clients: 0 for them, 1 for the entry, … (components no call reaches come last). */
  column: number;
  row: number;
  /** The node's centre, in the diagram's coordinates. */
  x: number;
  y: number;
}

export interface TopologyLayout {
  width: number;
  height: number;
  /** A node's box, centred on (x, y). */
  nodeWidth: number;
  nodeHeight: number;
  nodes: TopologyNode[];
  /** Indices into `nodes`: the clients to the entry, then each wiring in the scenario's order. */
  edges: { from: number; to: number }[];
}

const COLUMN_GAP = 150;
const ROW_GAP = 74;
const MARGIN = 24;
const NODE_WIDTH = 112;
const NODE_HEIGHT = 40;

/** The layout of a canonical scenario's topology; undefined when it has no components or no entry among them. */
export function topologyLayout(scenario: Json): TopologyLayout | undefined {
  if (!isObj(scenario) || !isObj(scenario.components)) return undefined;
  const components = scenario.components;
  const entry = String(scenario.entry);
  if (!(entry in components)) return undefined;
  const wiring = scenarioWiring(scenario);
  // Breadth first from the entry: a component's column is its fewest hops from the clients.
  const column = new Map<string, number>([[entry, 1]]);
  const order = [entry];
  for (let i = 0; i < order.length; i++) {
    const at = order[i]!;
    for (const next of wiring.get(at) ?? []) {
      if (column.has(next)) continue;
      column.set(next, column.get(at)! + 1);
      order.push(next);
    }
  }
  const reached = Math.max(...column.values());
  for (const name of Object.keys(components)) {
    if (column.has(name)) continue;
    column.set(name, reached + 1);
    order.push(name);
  }
  const columns = Math.max(...column.values()) + 1;
  const rowsIn = new Array<number>(columns).fill(0);
  rowsIn[0] = 1;
  const placed: { name: string; kind: string; column: number; row: number }[] = [
    { name: "clients", kind: "workload", column: 0, row: 0 },
  ];
  for (const name of order) {
    const c = column.get(name)!;
    const spec = components[name];
    placed.push({ name, kind: isObj(spec) ? String(spec.type) : "", column: c, row: rowsIn[c]!++ });
  }
  const tallest = Math.max(...rowsIn);
  const height = MARGIN * 2 + NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const width = MARGIN * 2 + NODE_WIDTH + (columns - 1) * COLUMN_GAP;
  const nodes = placed.map((p): TopologyNode => {
    // Each column is centred on the tallest one.
    const offset = ((tallest - rowsIn[p.column]!) * ROW_GAP) / 2;
    return {
      ...p,
      x: MARGIN + NODE_WIDTH / 2 + p.column * COLUMN_GAP,
      y: MARGIN + NODE_HEIGHT / 2 + offset + p.row * ROW_GAP,
    };
  });
  // Components are looked up from index 1 on: one named "clients" must not be taken for the workload.
  const nodeOf = (name: string) => nodes.findIndex((n, i) => i > 0 && n.name === name);
  const edges = [{ from: 0, to: nodeOf(entry) }];
  for (const name of order) {
    const from = nodeOf(name);
    for (const target of wiring.get(name) ?? []) edges.push({ from, to: nodeOf(target) });
  }
  return { width, height, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, nodes, edges };
}
