/**
 * Livelock and starvation over the whole state graph. A stateless search cuts each execution
 * where it repeats a state, and partial-order reduction may never line up the interleaving that
 * closes a cycle; so for programs with loops the reachable states are also explored once each
 * (breadth first, so the path to each is a shortest one), and the graph's strongly connected
 * components (Tarjan) are judged as cycle-check.ts judges a cycle: a component is a cycle the
 * scheduler can go round for ever, visiting all its states and steps.
 */
import { Op } from "./compiled-program";
import { judgeMasks } from "./cycle-check";
import { type Machine, RECORD } from "./machine";
import type { SearchContext } from "./search-context";

export function findCycles(ctx: SearchContext): void {
  const m = ctx.machine;
  const states: Int32Array[] = [];
  const index = new Map<number, number>();
  const parent: number[] = [];
  const parentActor: number[] = [];
  const actorsEnabled: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const actorOf: number[] = [];
  const rec = new Int32Array(RECORD);
  const first = new Int32Array(m.size);
  m.init(first);
  if (m.failure !== undefined) return;
  const add = (s: Int32Array, p: number, actor: number): number => {
    const h = m.hash(s);
    const known = index.get(h);
    if (known !== undefined) return known;
    const i = states.length;
    index.set(h, i);
    states.push(s);
    parent.push(p);
    parentActor.push(actor);
    ctx.see(h);
    return i;
  };
  add(first, -1, -1);
  for (let i = 0; i < states.length && ctx.stopped === undefined; i++) {
    const s = states[i]!;
    const enabled = m.enabledMask(s);
    actorsEnabled[i] = enabled;
    for (let a = 0; a < m.actors; a++) {
      if ((enabled & (1 << a)) === 0) continue;
      const next = s.slice();
      const ok = m.step(next, a, rec, 0);
      if (ctx.step()) break;
      if (!ok || rec[1] === Op.spurious) continue; // a failure ends there; nobody wakes spuriously for ever
      const j = add(next, i, a);
      from.push(i);
      to.push(j);
      actorOf.push(a);
    }
  }
  if (ctx.stopped !== undefined) return;
  const n = states.length;
  // Adjacency in compressed rows.
  const start = new Int32Array(n + 1);
  for (const f of from) start[f + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const edges = new Int32Array(from.length);
  const fill = start.slice(0, n);
  for (let e = 0; e < from.length; e++) edges[fill[from[e]!]!++] = e;
  const component = components(n, start, edges, to);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const c = component[i]!;
    if (!members.has(c)) members.set(c, []);
    members.get(c)!.push(i);
  }
  for (const list of members.values()) {
    let stepped = 0;
    let always = -1;
    let sometimes = 0;
    let internal = false;
    for (const i of list) {
      always &= actorsEnabled[i]!;
      sometimes |= actorsEnabled[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const e = edges[k]!;
        if (component[to[e]!] !== component[i]) continue;
        internal = true;
        stepped |= 1 << actorOf[e]!;
      }
    }
    if (!internal) continue;
    const verdict = judgeMasks(m, stepped, always, sometimes);
    if (verdict === undefined) continue;
    const root = Math.min(...list);
    const prefix: number[] = [];
    for (let i = root; parent[i]! >= 0; i = parent[i]!) prefix.push(parentActor[i]!);
    prefix.reverse();
    const inside = (i: number) => component[i] === component[root];
    const cycle: number[] = [];
    let at = root;
    for (const t of verdict.threads) {
      const route = walk(at, (e) => m.threadOf(actorOf[e]!) === t, inside, start, edges, to, actorOf);
      if (route === undefined) continue;
      cycle.push(...route.actors);
      at = route.end;
    }
    const back = walk(
      at,
      (e) => to[e] === root,
      inside,
      start,
      edges,
      to,
      actorOf,
      at === root && cycle.length > 0,
    );
    if (back !== undefined) cycle.push(...back.actors);
    ctx.reportCycle(verdict, [...prefix, ...cycle], prefix.length);
  }
}

/** Shortest route inside the component from `at` ending with an edge that satisfies `goal`. */
function walk(
  at: number,
  goal: (edge: number) => boolean,
  inside: (state: number) => boolean,
  start: Int32Array,
  edges: Int32Array,
  to: number[],
  actorOf: number[],
  already = false,
): { actors: number[]; end: number } | undefined {
  if (already) return { actors: [], end: at };
  const via = new Map<number, [number, number]>(); // state → [previous state, edge]
  const queue = [at];
  via.set(at, [-1, -1]);
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q]!;
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const e = edges[k]!;
      const j = to[e]!;
      if (!inside(j)) continue;
      if (goal(e)) {
        const actors = [actorOf[e]!];
        for (let s = i; s !== at; s = via.get(s)![0]) actors.push(actorOf[via.get(s)![1]]!);
        return { actors: actors.reverse(), end: j };
      }
      if (!via.has(j)) {
        via.set(j, [i, e]);
        queue.push(j);
      }
    }
  }
  return undefined;
}

/** Tarjan's strongly connected components, iteratively: the component of each state. */
function components(n: number, start: Int32Array, edges: Int32Array, to: number[]): Int32Array {
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const work: number[] = [];
  const cursor = new Int32Array(n);
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    work.push(root);
    order[root] = low[root] = counter++;
    cursor[root] = start[root]!;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const v = work[work.length - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = to[edges[cursor[v]!]!]!;
        cursor[v]!++;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          cursor[w] = start[w]!;
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, order[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const u = work[work.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === order[v]) {
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
          if (w === v) break;
        }
        components++;
      }
    }
  }
  return component;
}

/** Whether the program has a loop at all: without one its state graph has no cycle. */
export function hasLoops(machine: Machine): boolean {
  return machine.program.threads.some((t) =>
    t.code.some((instr, pc) => instr.op === Op.jump && instr.target <= pc),
  );
}
