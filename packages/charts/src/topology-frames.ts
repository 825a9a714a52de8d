// Traced requests laid over a topology, ready to animate: each request's life cut once, ahead of
// time, into stays (at the clients, or at the innermost component whose visit holds it), kept in
// typed arrays and indexed by time bucket, so that the state at any time t — which requests are
// where, how many wait in each node's line — costs about as much as the requests on screen then.
// No DOM and no imports that run: the browser loads this file as it is.

import type { TopologyLayout } from "./topology-layout";
import type { TracedRequest } from "./traced-request";

/** What a stay draws as: a request whose client still waits and will get its answer, one that will fail, work after the answer. */
export const STAY_COMPLETED = 0;
export const STAY_FAILED = 1;
export const STAY_AFTER_ANSWER = 2;

export interface TopologyFrames {
  /** The traced window, seconds: from the first arrival to the last visit's end. */
  start: number;
  end: number;
  nodeCount: number;
  nodeX: Float32Array;
  nodeY: Float32Array;
  /** Seconds a dot takes to move along an edge into its next node (or half its stay there, if shorter). */
  transit: number;
  /** Stays: request index, node, the node it came from, when, and how it draws (STAY_*). */
  stayRequest: Uint32Array;
  stayNode: Uint16Array;
  stayFrom: Uint16Array;
  stayStart: Float64Array;
  stayEnd: Float64Array;
  stayKind: Uint8Array;
  /** Waits in a node's line: a visit's own queued time (its nested visits' taken out), taken to come first in the visit. */
  waitNode: Uint16Array;
  waitStart: Float64Array;
  waitEnd: Float64Array;
  /** Time buckets: bucket b holds the stays (waits) items[first[b]] … items[first[b + 1] − 1] that overlap it. */
  bucketWidth: number;
  bucketCount: number;
  stayFirst: Uint32Array;
  stayItems: Uint32Array;
  waitFirst: Uint32Array;
  waitItems: Uint32Array;
  /** The most requests at each node at once, for scaling its bars. */
  peak: Uint32Array;
  /** Every time a request enters or leaves a node, sorted: what "step" moves between. */
  times: Float64Array;
}

/** The state at one time: reused frame to frame (no allocation per frame). */
export interface FrameState {
  time: number;
  /** Traced requests whose client is waiting for the answer (start ≤ t < end). */
  inFlight: number;
  /** Dots on screen: the first `visible` entries of request, node, x, y and kind are theirs. */
  visible: number;
  request: Uint32Array;
  node: Uint16Array;
  x: Float32Array;
  y: Float32Array;
  kind: Uint8Array;
  /** Per node: requests there, and those of them waiting in its line. */
  present: Uint32Array;
  waiting: Uint32Array;
}

const MAX_BUCKETS = 4096;

/** A node's index by component name; components the layout lacks count as the clients. */
function nodeIndex(layout: TopologyLayout): (name: string) => number {
  const index = new Map<string, number>();
  layout.nodes.forEach((n, i) => {
    if (i > 0 && !index.has(n.name)) index.set(n.name, i);
  });
  return (name) => index.get(name) ?? 0;
}

/** Builds a CSR index of intervals by the time buckets they overlap. */
function bucketIndex(
  starts: Float64Array,
  ends: Float64Array,
  count: number,
  origin: number,
  width: number,
  buckets: number,
): { first: Uint32Array; items: Uint32Array } {
  const bucketOf = (t: number) => Math.min(buckets - 1, Math.max(0, Math.floor((t - origin) / width)));
  const first = new Uint32Array(buckets + 1);
  for (let i = 0; i < count; i++)
    for (let b = bucketOf(starts[i]!); b <= bucketOf(ends[i]!); b++) first[b + 1]!++;
  for (let b = 0; b < buckets; b++) first[b + 1]! += first[b]!;
  const items = new Uint32Array(first[buckets]!);
  const fill = first.slice(0, buckets);
  for (let i = 0; i < count; i++)
    for (let b = bucketOf(starts[i]!); b <= bucketOf(ends[i]!); b++) items[fill[b]!++] = i;
  return { first, items };
}

export function topologyFrames(layout: TopologyLayout, requests: readonly TracedRequest[]): TopologyFrames {
  const nodeOf = nodeIndex(layout);
  const stays: { request: number; node: number; from: number; start: number; end: number; kind: number }[] =
    [];
  const waits: { node: number; start: number; end: number }[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  requests.forEach((r, index) => {
    const bounds = new Set<number>([r.start, r.end]);
    for (const s of r.spans) {
      bounds.add(s.start);
      bounds.add(s.end);
      // A visit's queued time counts its nested visits' too: its own line's share is what they leave.
      let own = s.queued;
      for (const inner of r.spans)
        if (inner.depth === s.depth + 1 && inner.start >= s.start && inner.end <= s.end) own -= inner.queued;
      if (own > 1e-12) waits.push({ node: nodeOf(s.component), start: s.start, end: s.start + own });
    }
    const times = [...bounds].sort((a, b) => a - b);
    start = Math.min(start, times[0]!);
    end = Math.max(end, times.at(-1)!);
    let last: (typeof stays)[number] | undefined;
    for (let k = 0; k + 1 < times.length; k++) {
      const from = times[k]!;
      const to = times[k + 1]!;
      const mid = (from + to) / 2;
      // The innermost visit that holds the request then; none: it is with its client.
      let depth = -1;
      let node = 0;
      for (const s of r.spans)
        if (s.start <= mid && mid < s.end && s.depth > depth) {
          depth = s.depth;
          node = nodeOf(s.component);
        }
      const kind =
        mid >= r.end ? STAY_AFTER_ANSWER : r.outcome === "completed" ? STAY_COMPLETED : STAY_FAILED;
      if (last !== undefined && last.node === node && last.kind === kind && last.end === from) last.end = to;
      else {
        last = { request: index, node, from: last?.node ?? 0, start: from, end: to, kind };
        stays.push(last);
      }
    }
  });
  if (stays.length === 0) start = end = 0;
  const window = end - start;
  const n = stays.length;
  const frames = {
    stayRequest: new Uint32Array(n),
    stayNode: new Uint16Array(n),
    stayFrom: new Uint16Array(n),
    stayStart: new Float64Array(n),
    stayEnd: new Float64Array(n),
    stayKind: new Uint8Array(n),
  };
  let total = 0;
  stays.forEach((s, i) => {
    frames.stayRequest[i] = s.request;
    frames.stayNode[i] = s.node;
    frames.stayFrom[i] = s.from;
    frames.stayStart[i] = s.start;
    frames.stayEnd[i] = s.end;
    frames.stayKind[i] = s.kind;
    total += s.end - s.start;
  });
  const waitNode = Uint16Array.from(waits, (w) => w.node);
  const waitStart = Float64Array.from(waits, (w) => w.start);
  const waitEnd = Float64Array.from(waits, (w) => w.end);
  // Buckets about as wide as a mean stay: a stay then sits in two or three, and a frame reads few it does not draw.
  const bucketCount =
    window > 0 && n > 0 ? Math.max(1, Math.min(MAX_BUCKETS, Math.ceil(window / (total / n)))) : 1;
  const bucketWidth = window > 0 ? window / bucketCount : 1;
  const stayIndex = bucketIndex(frames.stayStart, frames.stayEnd, n, start, bucketWidth, bucketCount);
  const waitIndex = bucketIndex(waitStart, waitEnd, waits.length, start, bucketWidth, bucketCount);
  // The most at each node at once: a sweep over its sorted entries and exits (exits first at a tie).
  // Native numeric sorts of typed arrays, not a comparator over objects: a large trace has millions.
  const nodeCount = layout.nodes.length;
  const peak = new Uint32Array(nodeCount);
  const perNode = new Uint32Array(nodeCount);
  for (let i = 0; i < n; i++) perNode[frames.stayNode[i]!]!++;
  for (let node = 0; node < nodeCount; node++) {
    const entries = new Float64Array(perNode[node]!);
    const exits = new Float64Array(perNode[node]!);
    for (let i = 0, k = 0; i < n; i++)
      if (frames.stayNode[i] === node) {
        entries[k] = frames.stayStart[i]!;
        exits[k++] = frames.stayEnd[i]!;
      }
    entries.sort();
    exits.sort();
    let here = 0;
    for (let e = 0, x = 0; e < entries.length; ) {
      if (exits[x]! <= entries[e]!) {
        here--;
        x++;
      } else {
        here++;
        e++;
        if (here > peak[node]!) peak[node] = here;
      }
    }
  }
  const boundaries = new Float64Array(2 * n);
  boundaries.set(frames.stayStart);
  boundaries.set(frames.stayEnd, n);
  boundaries.sort();
  const times = boundaries.filter((t, i) => i === 0 || t !== boundaries[i - 1]);
  return {
    start,
    end,
    nodeCount,
    nodeX: Float32Array.from(layout.nodes, (node) => node.x),
    nodeY: Float32Array.from(layout.nodes, (node) => node.y),
    transit: window / 400,
    ...frames,
    waitNode,
    waitStart,
    waitEnd,
    bucketWidth,
    bucketCount,
    stayFirst: stayIndex.first,
    stayItems: stayIndex.items,
    waitFirst: waitIndex.first,
    waitItems: waitIndex.items,
    peak,
    times,
  };
}

/** Room for the most dots any frame can draw (one per traced request). */
export function frameState(frames: TopologyFrames): FrameState {
  let requests = 0;
  for (let i = 0; i < frames.stayRequest.length; i++)
    requests = Math.max(requests, frames.stayRequest[i]! + 1);
  return {
    time: frames.start,
    inFlight: 0,
    visible: 0,
    request: new Uint32Array(requests),
    node: new Uint16Array(requests),
    x: new Float32Array(requests),
    y: new Float32Array(requests),
    kind: new Uint8Array(requests),
    present: new Uint32Array(frames.nodeCount),
    waiting: new Uint32Array(frames.nodeCount),
  };
}

/**
 * The state at time `t`, written into `state`. A dot sits at its node, spread over the node's box
 * by a fixed offset per request (`spreadX`, `spreadY`: the box's half-size), and during its first
 * `transit` seconds there it moves along the edge from the node it came from.
 */
export function frameAt(
  frames: TopologyFrames,
  t: number,
  state: FrameState,
  spreadX = 0,
  spreadY = 0,
): FrameState {
  state.time = t;
  state.inFlight = 0;
  state.present.fill(0);
  state.waiting.fill(0);
  let visible = 0;
  const b = Math.min(
    frames.bucketCount - 1,
    Math.max(0, Math.floor((t - frames.start) / frames.bucketWidth)),
  );
  const { stayItems, stayStart, stayEnd, stayNode, stayFrom, stayRequest, stayKind, nodeX, nodeY } = frames;
  for (let k = frames.stayFirst[b]!, last = frames.stayFirst[b + 1]!; k < last; k++) {
    const s = stayItems[k]!;
    const from = stayStart[s]!;
    if (t < from || t >= stayEnd[s]!) continue;
    const node = stayNode[s]!;
    const request = stayRequest[s]!;
    state.present[node]!++;
    if (stayKind[s] !== STAY_AFTER_ANSWER) state.inFlight++;
    // Golden-ratio offsets: the dots of one node spread evenly and each keeps its place frame to frame.
    let x = nodeX[node]! + (((request * 0.618034) % 1) - 0.5) * 2 * spreadX;
    let y = nodeY[node]! + (((request * 0.754878) % 1) - 0.5) * 2 * spreadY;
    const previous = stayFrom[s]!;
    const transit = Math.min(frames.transit, (stayEnd[s]! - from) / 2);
    if (previous !== node && t - from < transit) {
      const f = (t - from) / transit;
      x = nodeX[previous]! + (x - nodeX[previous]!) * f;
      y = nodeY[previous]! + (y - nodeY[previous]!) * f;
    }
    state.request[visible] = request;
    state.node[visible] = node;
    state.x[visible] = x;
    state.y[visible] = y;
    state.kind[visible] = stayKind[s]!;
    visible++;
  }
  state.visible = visible;
  const { waitItems, waitStart, waitEnd, waitNode } = frames;
  for (let k = frames.waitFirst[b]!, last = frames.waitFirst[b + 1]!; k < last; k++) {
    const w = waitItems[k]!;
    if (t >= waitStart[w]! && t < waitEnd[w]!) state.waiting[waitNode[w]!]!++;
  }
  return state;
}

/** The next time after `t` (direction 1) or before it (−1) when a request enters or leaves a node; `t` itself at either end. */
export function stepTime(frames: TopologyFrames, t: number, direction: 1 | -1): number {
  const { times } = frames;
  let lo = 0;
  let hi = times.length;
  // The first index whose time is > t (forward) or ≥ t (backward).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (direction === 1 ? times[mid]! <= t : times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  const i = direction === 1 ? lo : lo - 1;
  return i >= 0 && i < times.length ? times[i]! : t;
}
