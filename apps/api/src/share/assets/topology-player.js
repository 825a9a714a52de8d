// Compiled from packages/charts/src/topology-player.ts: edit that, then run UPDATE_SHARE_ASSETS=1 npx vitest run test/api/share/share-assets.test.ts
// The animated topology: traced requests as dots moving over a topology diagram, on a <canvas>
// laid over the static SVG, with each node's line (waiting) and work (in service) as bars under
// it, and controls to play, pause, step between events, change the speed and scrub the traced
// window. A frame draws from the precomputed stays (topology-frames.ts) with one
// requestAnimationFrame callback; the state it shows is also written as text for screen readers
// (on pause, step or scrub, not every frame). Browser only; it imports nothing else that runs.
import { frameAt, frameState, STAY_AFTER_ANSWER, stepTime, topologyFrames, } from "./topology-frames.js";
const SPEEDS = [0.1, 0.25, 1, 4, 16];
const DEFAULT_SPEED = 1;
/** Colours of the Okabe & Ito set (charts' palette): completed, failed, work after the answer; waiting and in-service bars. */
const DOT_COLOURS = ["#0072B2", "#D55E00", "#8c959f"];
const WAITING = "#E69F00";
const SERVING = "#009E73";
let players = 0;
/** "t = 1.234 s, 34 requests in flight": the status line for a frame. */
export function frameSummary(state, origin) {
    const n = state.inFlight;
    return `t = ${(state.time - origin).toFixed(3)} s, ${n} request${n === 1 ? "" : "s"} in flight`;
}
function element(tag, attributes = {}, text) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes))
        el.setAttribute(k, v);
    if (text !== undefined)
        el.textContent = text;
    return el;
}
/**
 * Adds the animation to `figure`, which holds the layout's SVG (topology-svg.ts). Returns a function
 * that stops it and removes what it added.
 */
export function mountTopologyPlayer(figure, layout, requests) {
    const svg = figure.querySelector("svg");
    if (svg === null)
        throw new Error("The figure has no topology diagram to animate.");
    const frames = topologyFrames(layout, requests);
    const state = frameState(frames);
    const id = `topology-player-${++players}`;
    const window = frames.end - frames.start;
    const stage = element("div", { class: "topology-stage" });
    stage.style.position = "relative";
    svg.replaceWith(stage);
    stage.append(svg);
    const canvas = element("canvas", { "aria-hidden": "true", "data-topology-canvas": "" });
    Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", width: "100%", height: "100%" });
    stage.append(canvas);
    const controls = element("div", { class: "topology-controls", role: "group", "aria-label": "Animation" });
    const play = element("button", { type: "button", "data-action": "play" }, "Play");
    const back = element("button", { type: "button", "data-action": "back" }, "Step back");
    const step = element("button", { type: "button", "data-action": "step" }, "Step");
    const speedLabel = element("label", { for: `${id}-speed` }, "Speed");
    const speed = element("select", { id: `${id}-speed` });
    for (const s of SPEEDS) {
        const option = element("option", { value: String(s) }, `${s}× real time`);
        option.selected = s === DEFAULT_SPEED;
        speed.append(option);
    }
    const scrubLabel = element("label", { for: `${id}-time` }, "Time");
    const scrub = element("input", {
        id: `${id}-time`,
        type: "range",
        min: "0",
        max: String(Math.max(1, Math.round(window * 1000))),
        step: "1",
        value: "0",
    });
    controls.append(play, back, step, speedLabel, speed, scrubLabel, scrub);
    const legend = element("p", { class: "topology-legend" }, "Each dot is a traced request: blue if it completes, vermilion if it fails, grey for work that goes on after its client had an answer. Under each node, the amber bar is the requests waiting in its line and the green one those it is serving, as shares of the most it holds at once.");
    const status = element("p", { "aria-live": "polite", "data-topology-status": "" });
    figure.append(legend, controls, status);
    const context = canvas.getContext("2d");
    let scale = 1;
    const resize = () => {
        const ratio = globalThis.devicePixelRatio || 1;
        canvas.width = Math.max(1, Math.round(canvas.clientWidth * ratio));
        canvas.height = Math.max(1, Math.round(canvas.clientHeight * ratio));
        scale = canvas.width / layout.width;
        draw();
    };
    function draw() {
        if (context === null)
            return;
        context.setTransform(1, 0, 0, 1, 0, 0);
        context.clearRect(0, 0, canvas.width, canvas.height);
        context.setTransform(scale, 0, 0, scale, 0, 0);
        const w = layout.nodeWidth;
        const h = layout.nodeHeight;
        for (let n = 1; n < frames.nodeCount; n++) {
            const peak = frames.peak[n];
            if (peak === 0)
                continue;
            const left = frames.nodeX[n] - w / 2;
            const top = frames.nodeY[n] + h / 2 + 3;
            const waiting = state.waiting[n];
            const serving = Math.max(0, state.present[n] - waiting);
            context.fillStyle = WAITING;
            context.fillRect(left, top, (w * waiting) / peak, 5);
            context.fillStyle = SERVING;
            context.fillRect(left, top + 6, (w * serving) / peak, 5);
        }
        // One path per colour: thousands of dots cost a few fills, not one each.
        for (let kind = 0; kind < DOT_COLOURS.length; kind++) {
            context.beginPath();
            for (let i = 0; i < state.visible; i++)
                if (state.kind[i] === kind)
                    context.rect(state.x[i] - 1.5, state.y[i] - 1.5, 3, 3);
            context.fillStyle = DOT_COLOURS[kind];
            context.globalAlpha = kind === STAY_AFTER_ANSWER ? 0.5 : 0.8;
            context.fill();
        }
        context.globalAlpha = 1;
    }
    // The slider's spoken value and the status line change when the view stops, not every frame:
    // a screen reader would not keep up, and each change costs the page an accessibility update.
    const announce = () => {
        scrub.setAttribute("aria-valuetext", `${(state.time - frames.start).toFixed(3)} s`);
        status.textContent = frameSummary(state, frames.start);
    };
    const show = (t, speak) => {
        const time = Math.min(frames.end, Math.max(frames.start, t));
        frameAt(frames, time, state, layout.nodeWidth / 2 - 4, layout.nodeHeight / 2 - 4);
        figure.dataset.time = String(time);
        scrub.value = String(Math.round((time - frames.start) * 1000));
        draw();
        if (speak)
            announce();
    };
    let playing = false;
    let handle = 0;
    let lastWall = 0;
    const tick = (wall) => {
        const elapsed = (wall - lastWall) / 1000;
        lastWall = wall;
        const next = state.time + elapsed * Number(speed.value);
        show(next, false);
        if (next >= frames.end)
            pause();
        else
            handle = requestAnimationFrame(tick);
    };
    const start = () => {
        if (state.time >= frames.end)
            show(frames.start, false);
        playing = true;
        play.textContent = "Pause";
        play.setAttribute("aria-pressed", "true");
        lastWall = performance.now();
        handle = requestAnimationFrame(tick);
    };
    function pause() {
        playing = false;
        cancelAnimationFrame(handle);
        play.textContent = "Play";
        play.setAttribute("aria-pressed", "false");
        announce();
    }
    play.setAttribute("aria-pressed", "false");
    play.addEventListener("click", () => (playing ? pause() : start()));
    step.addEventListener("click", () => {
        if (playing)
            pause();
        show(stepTime(frames, state.time, 1), true);
    });
    back.addEventListener("click", () => {
        if (playing)
            pause();
        show(stepTime(frames, state.time, -1), true);
    });
    scrub.addEventListener("input", () => {
        if (playing)
            pause();
        show(frames.start + Number(scrub.value) / 1000, true);
    });
    const observer = typeof ResizeObserver === "function" ? new ResizeObserver(resize) : undefined;
    observer?.observe(canvas);
    resize();
    show(frames.start, true);
    figure.dataset.animation = "ready";
    if (frames.stayStart.length === 0) {
        for (const control of [play, back, step, scrub, speed])
            control.disabled = true;
        status.textContent = "No traced requests to animate.";
    }
    return () => {
        cancelAnimationFrame(handle);
        observer?.disconnect();
        legend.remove();
        controls.remove();
        status.remove();
        canvas.remove();
        stage.replaceWith(svg);
        delete figure.dataset.animation;
    };
}
