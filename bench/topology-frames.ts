/**
 * `node --import tsx bench/topology-frames.ts [in-flight]`: what a frame of the topology animation
 * costs to compute (packages/charts/src/topology-frames.ts) with about 5,000 traced requests on
 * screen at once (or the number given): the one-off precomputation, then the state at many times
 * across the window, as scrubbing or playing asks for it. Drawing is the browser's part and is
 * not measured here. A benchmark, not a test: it prints figures and asserts nothing.
 */
import { frameAt, frameState, type TracedRequest, topologyFrames, topologyLayout } from "@syslab/charts";
import { canonicalScenario, parseScenario } from "@syslab/sim-core";
import { tracedTopologyScenario } from "../test/support/traced-topology";

const inFlight = Number(process.argv[2] ?? 5000);
const window = 10;
/** Each request lasts 1 s on average: arrivals at `inFlight` a second keep about that many in flight. */
const meanLife = 1;
const count = Math.round((inFlight * window) / meanLife);

// A fixed linear congruential sequence: the same trace on every run, and no Math.random.
let seed = 12345;
const next = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

/** Requests through the balancer, one of the servers and the pool, with a wait in the pool's line. */
function trace(): TracedRequest[] {
  const requests: TracedRequest[] = [];
  for (let i = 0; i < count; i++) {
    const start = (i / count) * window;
    const life = -Math.log(1 - next()) * meanLife;
    const end = start + life;
    const web = next() < 0.5 ? "web1" : "web2";
    const poolStart = start + life * 0.1;
    const poolEnd = start + life * 0.8;
    const wait = (poolEnd - poolStart) * next() * 0.5;
    requests.push({
      id: i,
      class: "page",
      start,
      end,
      outcome: next() < 0.02 ? "timeout" : "completed",
      spans: [
        { component: "pool", start: poolStart, end: poolEnd, queued: wait, depth: 2 },
        { component: web, start: start + life * 0.01, end: start + life * 0.95, queued: wait, depth: 1 },
        { component: "lb", start: start + life * 0.01, end: start + life * 0.95, queued: wait, depth: 0 },
      ],
    });
  }
  return requests;
}

const parsed = parseScenario(tracedTopologyScenario());
if (!parsed.ok) throw new Error("the scenario is valid");
const layout = topologyLayout(canonicalScenario(parsed.scenario))!;
const requests = trace();

let began = performance.now();
const frames = topologyFrames(layout, requests);
const precompute = performance.now() - began;
const state = frameState(frames);

const FRAMES = 3000;
// Times in the middle 80% of the window, where the number in flight has reached its level.
const times = Array.from({ length: FRAMES }, () => 1 + next() * (window - 2));
for (const t of times.slice(0, 200)) frameAt(frames, t, state, 50, 16); // warm-up
let visible = 0;
let flying = 0;
began = performance.now();
for (const t of times) {
  frameAt(frames, t, state, 50, 16);
  visible += state.visible;
  flying += state.inFlight;
}
const perFrame = (performance.now() - began) / FRAMES;

console.log(`topology frames: ${count.toLocaleString("en-US")} traced requests over ${window} s`);
console.log(`  stays ${frames.stayStart.length.toLocaleString("en-US")}, buckets ${frames.bucketCount}`);
console.log(`  precompute         ${precompute.toFixed(1)} ms (once, when the trace loads)`);
console.log(`  requests in flight ${Math.round(flying / FRAMES).toLocaleString("en-US")} on average`);
console.log(`  dots per frame     ${Math.round(visible / FRAMES).toLocaleString("en-US")} on average`);
console.log(
  `  frame state        ${(perFrame * 1000).toFixed(0)} µs per frame (a 60 fps frame has 16,667 µs)`,
);
