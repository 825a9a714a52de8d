/**
 * `node --import tsx bench/topology-player.ts [in-flight]`: the topology animation playing in
 * headless Chromium (/usr/bin/chromium) with about 5,000 traced requests on screen (or the number
 * given): the time between animation frames and the share of frames that missed a 60 Hz display's
 * 16.7 ms. It serves the share page's compiled scripts (apps/api/src/share/assets/) to a blank page
 * and animates a synthetic trace over the balancer-servers-pool topology of the tests. A benchmark,
 * not a test: it prints figures and asserts nothing. Headless Chromium draws without a GPU, so a
 * desktop browser does at least as well.
 */
import { readFileSync } from "node:fs";
import { topologyLayout, topologySvg } from "@syslab/charts";
import { canonicalScenario, parseScenario } from "@syslab/sim-core";
import { launchChromium } from "../test/docs/support/browser";
import { tracedTopologyScenario } from "../test/support/traced-topology";

const inFlight = Number(process.argv[2] ?? 5000);
const parsed = parseScenario(tracedTopologyScenario());
if (!parsed.ok) throw new Error("the scenario is valid");
const layout = topologyLayout(canonicalScenario(parsed.scenario))!;
const assets = new URL("../apps/api/src/share/assets/", import.meta.url);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.route("http://bench.invalid/**", (route) => {
  const name = new URL(route.request().url()).pathname.slice(1);
  if (name === "")
    return route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><body><figure style="width:1000px">${topologySvg(layout)}</figure></body></html>`,
    });
  return route.fulfill({ contentType: "text/javascript", body: readFileSync(new URL(name, assets), "utf8") });
});
await page.goto("http://bench.invalid/");
// The page's code goes in as text: what tsx compiles for Node (its name helpers) does not run in a page.
const figures: {
  mount: number;
  frames: number;
  median: number;
  p95: number;
  missed: number;
  line: string;
} = await page.evaluate(`(async () => {
    const layout = ${JSON.stringify(layout)};
    const inFlight = ${inFlight};
    const { mountTopologyPlayer } = await import("http://bench.invalid/topology-player.js");
    // Arrivals at \`inFlight\` a second, each in flight about 1 s, through lb → web1|web2 → pool.
    const window = 20;
    const requests = [];
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let i = 0, n = inFlight * window; i < n; i++) {
      const start = (i / n) * window;
      const life = -Math.log(1 - next());
      const web = next() < 0.5 ? "web1" : "web2";
      requests.push({
        start,
        end: start + life,
        outcome: "completed",
        spans: [
          {
            component: "pool",
            start: start + life * 0.1,
            end: start + life * 0.8,
            queued: life * 0.2,
            depth: 2,
          },
          {
            component: web,
            start: start + life * 0.01,
            end: start + life * 0.95,
            queued: life * 0.2,
            depth: 1,
          },
          {
            component: "lb",
            start: start + life * 0.01,
            end: start + life * 0.95,
            queued: life * 0.2,
            depth: 0,
          },
        ],
      });
    }
    const figure = document.querySelector("figure");
    let began = performance.now();
    mountTopologyPlayer(figure, layout, requests);
    const mount = performance.now() - began;
    // Start 5 s in, where the number in flight has reached its level, and play for 3 s of wall time.
    const slider = figure.querySelector("input[type=range]");
    slider.value = "5000";
    slider.dispatchEvent(new Event("input"));
    (figure.querySelector("[data-action=play]")).click();
    const gaps = [];
    began = performance.now();
    await new Promise((done) => {
      let last = performance.now();
      const tick = (now) => {
        gaps.push(now - last);
        last = now;
        if (now - began < 3000) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const status = figure.querySelector("[data-action=play]");
    status.click();
    gaps.shift();
    gaps.sort((a, b) => a - b);
    return {
      mount,
      frames: gaps.length,
      median: gaps[Math.floor(gaps.length / 2)],
      p95: gaps[Math.floor(gaps.length * 0.95)],
      missed: gaps.filter((g) => g > 17.5).length / gaps.length,
      line: figure.querySelector("[data-topology-status]").textContent,
    };
})()`);
await browser.close();

console.log(
  `topology animation in headless Chromium, ${inFlight.toLocaleString("en-US")} requests in flight`,
);
console.log(
  `  mount (precompute ${(inFlight * 20).toLocaleString("en-US")} requests) ${figures.mount.toFixed(0)} ms`,
);
console.log(`  frames in 3 s      ${figures.frames}`);
console.log(`  frame interval     median ${figures.median.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms`);
console.log(`  frames over 17.5 ms ${(figures.missed * 100).toFixed(1)}%`);
console.log(`  paused at          ${figures.line}`);
