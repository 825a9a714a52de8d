// What a share page says was simulated: the workload, the entry, each component with its settings
// and what it calls, read generically from the scenario so that kinds added later show up too.

import { escapeXml as esc, formatValue, scenarioWiring } from "@syslab/charts";

type Json = unknown;
type Obj = Record<string, Json>;

const isObj = (v: Json): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

function seconds(s: number): string {
  return formatValue(s, "duration");
}

/** A canonical distribution (`{ kind, … }`, in seconds) as a short phrase. */
function distribution(d: Json): string {
  if (!isObj(d)) return String(d);
  const { kind, ...rest } = d;
  if (kind === "constant" && typeof rest.value === "number") return seconds(rest.value);
  if (kind === "exp" && typeof rest.mean === "number") return `exponential, mean ${seconds(rest.mean)}`;
  const parts = Object.entries(rest).map(([k, v]) =>
    typeof v === "number" && ["mean", "min", "max", "sd", "scale", "value"].includes(k)
      ? `${k} ${seconds(v)}`
      : `${k} ${Array.isArray(v) ? `[${v.length} values]` : String(v)}`,
  );
  return `${String(kind)} (${parts.join(", ")})`;
}

function rate(r: Json): string {
  if (typeof r === "number") return `${formatValue(r, "number")}/s`;
  if (Array.isArray(r))
    return r
      .filter(isObj)
      .map((seg) => `${formatValue(Number(seg.rate), "number")}/s from ${seconds(Number(seg.from))}`)
      .join(", then ");
  return String(r);
}

/** A time or length that may run to hours, as a diurnal period does: "24 h", "90 s", "0 s". */
function span(s: number): string {
  if (s === 0) return "0 s";
  return s >= 3600 ? `${formatValue(s / 3600, "number")} h` : seconds(s);
}

/** Where a diurnal curve peaks: a time of day for a 24-hour cycle, else how far into each cycle. */
function diurnalPhrase(d: Obj): string {
  const period = Number(d.period);
  const peakAt = Number(d.peakAt) % period;
  const peak = `×${formatValue(Number(d.peakFactor), "number")} at the peak`;
  if (period !== 86_400) return `${peak} (${span(peakAt)} into each ${span(period)} cycle)`;
  const minutes = Math.floor(peakAt / 60);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  return `${peak} (${clock} of a 24 h cycle)`;
}

/** Flash crowds as a clause: "a flash crowd of ×5 from 60 s for 30 s (ramping over 5 s)". */
function flashCrowdsPhrase(crowds: Json[]): string {
  const each = crowds
    .filter(isObj)
    .map(
      (c) =>
        `×${formatValue(Number(c.factor), "number")} from ${span(Number(c.at))} for ${span(Number(c.for))}` +
        (Number(c.ramp) > 0 ? ` (ramping over ${span(Number(c.ramp))})` : ""),
    );
  if (each.length === 0) return "";
  const list = each.length === 1 ? each[0] : `${each.slice(0, -1).join(", ")} and ${each.at(-1)}`;
  return `${each.length === 1 ? "a flash crowd" : "flash crowds"} of ${list}`;
}

/** A replayed trace: how many arrivals, over how long (the time of its last one). */
function tracePhrase(arrivals: Json[]): string {
  const last = arrivals.at(-1);
  const end = isObj(last) ? Number(last.at) : Number(last);
  const count = arrivals.length;
  return `${count.toLocaleString("en-US")} arrival${count === 1 ? "" : "s"} replayed from a trace ${count === 1 ? "at" : "over"} ${span(end)}`;
}

function arrivalPhrase(workload: Obj): string {
  const a = workload.arrival;
  if (isObj(a)) {
    const process = String(a.process);
    if (process === "onoff")
      return `Poisson arrivals at ${rate(a.rate)} during on-periods (${distribution(a.on)}), none during off-periods (${distribution(a.off)})`;
    if (process === "trace" && Array.isArray(a.arrivals)) return tracePhrase(a.arrivals);
    const shapes = [
      isObj(a.diurnal) ? diurnalPhrase(a.diurnal) : "",
      Array.isArray(a.flashCrowds) ? flashCrowdsPhrase(a.flashCrowds) : "",
    ];
    const base = `${process === "poisson" ? "Poisson" : process} arrivals at ${rate(a.rate)}${isObj(a.diurnal) ? " at the trough" : ""}`;
    return [base, shapes[0], shapes[1] ? `with ${shapes[1]}` : ""].filter(Boolean).join(", ");
  }
  const c = workload.clients;
  if (isObj(c))
    return `${formatValue(Number(c.users), "number")} clients in a closed loop, thinking ${distribution(c.think)} between requests`;
  return "No workload";
}

function lengthPhrase(length: Json): string {
  if (!isObj(length)) return "";
  if (length.kind === "time") return `${seconds(Number(length.duration))} of simulated time`;
  if (length.kind === "requests") return `${Number(length.count).toLocaleString("en-US")} requests`;
  return "";
}

function runPhrase(run: Json, seed: Json): string {
  if (!isObj(run)) return "";
  const warmup =
    isObj(run.warmup) && Number(run.warmup.duration ?? run.warmup.count) > 0 ? lengthPhrase(run.warmup) : "";
  return `Measured over ${lengthPhrase(run.length)}${warmup ? ` (after a warm-up of ${warmup})` : ""}, seed ${String(seed)}.`;
}

/** A request's steps as a sentence: "cpu 1 ms → call bouncer (holds exponential, mean 10 ms) → io 100 ms". */
function stepsPhrase(steps: Json): string {
  if (!Array.isArray(steps)) return "";
  return steps
    .filter(isObj)
    .map((step) => {
      if (step.kind === "call") {
        const parts = [
          step.hold === undefined ? "" : `held ${distribution(step.hold)}`,
          Array.isArray(step.steps) ? stepsPhrase(step.steps) : "",
        ].filter(Boolean);
        return `call ${String(step.target)}${parts.length ? ` (${parts.join("; ")})` : ""}`;
      }
      return `${String(step.kind)} ${distribution(step.duration)}`;
    })
    .join(" → ");
}

/** A component's settings as the scenario wrote them: "cores 8; architecture: kind thread-pool, threads 1000". */
function settingsPhrase(spec: Json): string {
  if (!isObj(spec)) return "";
  const value = (v: Json): string =>
    isObj(v)
      ? Object.entries(v)
          .map(([k, x]) => `${k} ${value(x)}`)
          .join(", ")
      : Array.isArray(v)
        ? v.map(value).join(", ")
        : String(v);
  return Object.entries(spec)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => (isObj(v) ? `${k}: ${value(v)}` : `${k} ${value(v)}`))
    .join("; ");
}

/**
 * The scenario as HTML: a paragraph on the workload and run, a list of request classes, and a table
 * of components. `canonical` is the stored canonical scenario (defaults filled in, seconds);
 * `input` is the scenario as submitted, whose component settings read as the author wrote them;
 * `side` names a comparison's side, so that its table's name differs from the other side's.
 */
export function scenarioSummaryHtml(canonical: Json, input: Json, side?: string): string {
  if (!isObj(canonical) || !isObj(canonical.components) || !isObj(canonical.workload)) return "";
  const workload = canonical.workload;
  const entry = String(canonical.entry);
  const written = isObj(input) && isObj(input.components) ? input.components : {};
  const calls = scenarioWiring(canonical);
  const classes = Array.isArray(workload.requests) ? workload.requests.filter(isObj) : [];
  const totalWeight = classes.reduce((sum, c) => sum + (typeof c.weight === "number" ? c.weight : 1), 0);

  let html = `<p>${esc(arrivalPhrase(workload))}, entering at <strong>${esc(entry)}</strong>. ${esc(runPhrase(canonical.run, canonical.seed))}</p>`;
  html += `<ul class="classes">${classes
    .map((c) => {
      const share =
        classes.length > 1
          ? ` (${formatValue((Number(c.weight ?? 1) || 0) / totalWeight, "percent")} of requests)`
          : "";
      const extras = [
        typeof c.timeout === "number" ? `times out after ${seconds(c.timeout)}` : "",
        isObj(c.retry)
          ? `up to ${String(c.retry.attempts)} attempts on ${(c.retry.on as string[]).join(", ")}`
          : "",
      ].filter(Boolean);
      return `<li><strong>${esc(String(c.name))}</strong>${esc(share)}: ${esc(stepsPhrase(c.steps))}${extras.length ? esc(`; ${extras.join("; ")}`) : ""}</li>`;
    })
    .join("")}</ul>`;
  const rows = Object.entries(canonical.components).map(([name, spec]) => {
    const type = isObj(spec) ? String(spec.type) : "";
    const targets = [...(calls.get(name) ?? [])];
    return (
      `<tr><th scope="row">${esc(name)}${name === entry ? " (entry)" : ""}</th><td>${esc(type)}</td>` +
      `<td>${esc(settingsPhrase(written[name] ?? spec))}</td><td>${targets.length ? esc(targets.join(", ")) : "—"}</td></tr>`
    );
  });
  html +=
    `<div class="scroll" tabindex="0" role="region" aria-label="Components of ${side === undefined ? "the scenario" : `scenario ${esc(side)}`}"><table class="topology"><caption>Components</caption>` +
    `<thead><tr><th scope="col">Component</th><th scope="col">Kind</th><th scope="col">Settings</th><th scope="col">Calls</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`;
  return html;
}
