// The HTML page behind a share link (/r/:id): what was simulated (the scenario, summarised and as
// JSON), the key numbers and charts (a traced run's with a waterfall of its slowest traced request
// and its latency breakdown by band), every component's figures and the failures, how to run it
// again (for a comparison both sides and their differences, for replications their intervals),
// readable without scripts, with Open Graph and Twitter tags and a card image so a pasted link
// previews well. While the run is going, one small script follows its progress.

import { createHash } from "node:crypto";
import { escapeXml as esc, formatValue, traceFiguresHtml } from "@syslab/charts";
import type { ComparisonResult, Result } from "@syslab/sim-core";
import type { RunRow } from "../db/run-store";
import { runLinks } from "../runs/run-representation";
import type { RunErrorBody } from "../runs/run-task";
import { comparisonHtml, comparisonLine } from "./comparison-figures";
import { isExplorerResult, programBody, programDescription } from "./program-page";
import { progressScript } from "./progress-script";
import { replicationsHtml } from "./replication-figures";
import { latencyChart, latencySeriesChart, throughputSeriesChart } from "./run-charts";
import { classesHtml, componentFiguresHtml, failuresHtml } from "./run-figures";
import { comparisonRunItYourselfHtml, playgroundLink, runItYourselfHtml } from "./run-it-yourself";
import { scenarioSummaryHtml } from "./scenario-summary";
import { isComparisonResult } from "./shown-result";
import { topologyFigureHtml, topologyScriptHtml } from "./topology-figure";

/** Seconds between reloads while a run is unfinished. */
const refreshSeconds = 2;

const styles = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa;line-height:1.5}
main{max-width:720px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:1.6rem;margin:.2em 0}
.status{display:inline-block;padding:2px 10px;border-radius:12px;font-size:.85rem;font-weight:600;background:#ddf4ff;color:#0969da}
.status.done{background:#dafbe1;color:#1a7f37}.status.failed{background:#ffebe9;color:#cf222e}
dl{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:20px 0}
dl div{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px 12px}
dt{font-size:.8rem;color:#57606a}dd{margin:0;font-size:1.25rem;font-weight:600}
figure{margin:20px 0;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:8px}
figure svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#57606a;padding:4px 8px}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:left}
ol li.repeat{border-top:2px dashed #cf222e}
footer{font-size:.85rem;color:#57606a}a{color:#0969da}
h2{font-size:1.25rem;margin:1.6em 0 .4em}h3{font-size:1.05rem;margin:1.2em 0 .3em}
.kind{font-size:.8rem;font-weight:600;color:#57606a;background:#eaeef2;border-radius:10px;padding:1px 8px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}
pre{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:10px;overflow:auto;max-height:420px;font-size:.85rem}
.actions a.button{display:inline-block;margin:4px 8px 4px 0;padding:6px 14px;border-radius:6px;background:#0969da;color:#fff;font-weight:600;text-decoration:none}
progress{width:100%;height:1.2em}
figure.topology svg{display:block}
.topology-controls{display:flex;flex-wrap:wrap;align-items:center;gap:8px;margin-top:8px}
.topology-controls button,.topology-controls select{font:inherit;padding:2px 10px}
.topology-controls input[type=range]{flex:1 1 200px}
figcaption,.topology-legend{font-size:.85rem;color:#57606a}
`;

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** The CSP source that allows the page's one <style> element, and nothing else inline. */
export const sharePageStyleHash = sha256(styles);

/** The CSP source that allows the progress script of an unfinished run's page, and no other script. */
export const sharePageScriptHash = sha256(progressScript);

function duration(seconds: number): string {
  return formatValue(seconds, "duration");
}

function keyNumbers(result: Result): [string, string][] {
  // Every kind of failure the result counts, those added after this page was written included.
  const failures = Object.values(result.requests.failed as Record<string, number>).reduce((a, b) => a + b, 0);
  return [
    ["Throughput", `${formatValue(result.throughput, "number")} req/s`],
    ["Mean latency", duration(result.latency.mean)],
    ["p50 latency", duration(result.latency.p50)],
    ["p99 latency", duration(result.latency.p99)],
    ["Mean wait", duration(result.wait.mean)],
    ["Completed", formatValue(result.requests.completed, "number")],
    ["Failed", formatValue(failures, "number")],
    [
      "Simulated",
      `${duration(result.simulated.time)}, ${formatValue(result.simulated.events, "number")} events`,
    ],
    ["Engine", `${result.engine.name} ${result.engine.version}`],
  ];
}

function progressHtml(row: RunRow): string {
  const p = row.progress ? (JSON.parse(row.progress) as { percent: number; events: number }) : undefined;
  const percent = p ? Math.min(100, Math.max(0, p.percent)) : 0;
  const text = p
    ? `${percent.toFixed(1)}% · ${p.events.toLocaleString("en-US")} events`
    : `This run is ${row.status}.`;
  return (
    `<div data-progress data-events="/v1/runs/${esc(row.id)}/events">` +
    `<p><label for="progress">Progress</label></p><progress id="progress" max="100" value="${percent}">${esc(percent.toFixed(0))}%</progress>` +
    `<p data-progress-text aria-live="polite">${esc(text)}</p>` +
    `<p>This page follows the run and shows the result when it is done (without scripts it reloads every ${refreshSeconds} seconds).</p></div>`
  );
}

function section(id: string, title: string, html: string): string {
  return html ? `<section aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${html}</section>` : "";
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

const SIDES = ["a", "b"] as const;

/** A comparison's own sections: what each side simulated, its chart, failures and components. */
function comparisonSides(
  comparison: ComparisonResult,
  canonical: unknown,
  input: unknown,
): {
  simulated: string;
  figures: string;
} {
  let simulated = "";
  let figures = "";
  for (const side of SIDES) {
    const result = comparison[side];
    const name = `${side}: ${result.name ?? `scenario ${side}`}`;
    simulated += `<h3>${esc(name)}</h3>${scenarioSummaryHtml(field(canonical, side), field(input, side), side)}`;
    figures += section(
      `side-${side}-title`,
      `Side ${name}`,
      `<figure>${latencyChart(result, 640, 320, `Latency percentiles of side ${side}`)}</figure>` +
        `<h3 id="side-${side}-failures">Failures on side ${side}</h3>${failuresHtml(result)}` +
        componentFiguresHtml(result, side),
    );
  }
  return { simulated, figures };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The share page; `playgroundUrl` is the docs playground's address (default: this origin's /playground/). */
export function sharePageHtml(row: RunRow, origin: string, playgroundUrl = `${origin}/playground/`): string {
  const links = runLinks(origin, row.id);
  const title = row.name ?? `Run ${row.id}`;
  const stored: unknown = row.status === "done" && row.result ? JSON.parse(row.result) : undefined;
  // A program's run holds what the explorer found, not a simulation.
  const program = isExplorerResult(stored) ? stored : undefined;
  const comparison = isComparisonResult(stored) ? stored : undefined;
  const result =
    program === undefined && comparison === undefined ? (stored as Result | undefined) : undefined;
  const error = row.status === "failed" && row.error ? (JSON.parse(row.error) as RunErrorBody) : undefined;
  const numbers = result ? keyNumbers(result) : [];
  const description = program
    ? programDescription(program)
    : comparison
      ? `${comparisonLine(comparison)} — a paired comparison simulated with syslab.`
      : result
        ? `${numbers[0]![1]}, mean latency ${numbers[1]![1]}, p99 ${numbers[3]![1]} — simulated with syslab.`
        : error
          ? `This run failed: ${error.message}`
          : `This syslab run is ${row.status}.`;
  const unfinished = row.status === "queued" || row.status === "running";

  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    // Without scripts the page reloads until the run is done; with them, the progress script follows it.
    unfinished ? `<noscript><meta http-equiv="refresh" content="${refreshSeconds}"></noscript>` : "",
    `<title>${esc(title)} · syslab</title>`,
    `<meta name="description" content="${esc(description)}">`,
    `<link rel="alternate" type="application/json" href="${esc(links.self)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="syslab">`,
    `<meta property="og:title" content="${esc(title)}">`,
    `<meta property="og:description" content="${esc(description)}">`,
    `<meta property="og:url" content="${esc(links.share)}">`,
    `<meta property="og:image" content="${esc(`${links.share}/card.png`)}">`,
    `<meta property="og:image:type" content="image/png">`,
    `<meta property="og:image:width" content="1200">`,
    `<meta property="og:image:height" content="630">`,
    `<meta property="og:image:alt" content="${esc(`Latency percentiles of ${title}`)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    `<meta name="twitter:image" content="${esc(`${links.share}/card.png`)}">`,
    `<meta name="twitter:title" content="${esc(title)}">`,
    `<meta name="twitter:description" content="${esc(description)}">`,
  ]
    .filter(Boolean)
    .join("\n");

  const input = parsed(row.input);
  const canonical = parsed(row.scenario);
  // A comparison is shown as the body POST /v1/comparisons takes: its name and its two sides.
  const shownInput =
    comparison && input !== null && typeof input === "object"
      ? Object.fromEntries(Object.entries(input).filter(([key]) => key !== "version" && key !== "kind"))
      : input;
  const scenarioText = JSON.stringify(shownInput ?? canonical, null, 2);
  const sides = comparison ? comparisonSides(comparison, canonical, input) : undefined;
  let body = "";
  if (program) {
    body += programBody(program);
  } else if (comparison) {
    body += comparisonHtml(comparison);
  } else if (result) {
    body += `<dl>${numbers.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl>`;
    if (result.replications)
      body += section("replications-title", "Across replications", replicationsHtml(result.replications));
  } else if (error) {
    body += `<p><strong>${esc(error.title)}.</strong> ${esc(error.message)}</p><p>${esc(error.hint)}</p>`;
    if (error.problems?.length) {
      body += `<ul>${error.problems.map((p) => `<li><code>${esc(p.path)}</code>: ${esc(p.message)}</li>`).join("")}</ul>`;
    }
  } else {
    body += progressHtml(row);
  }
  // The playground runs one scenario: a comparison opens either side there.
  const open = comparison
    ? SIDES.map(
        (side) =>
          `<a class="button" href="${esc(playgroundLink(playgroundUrl, JSON.stringify(field(input, side), null, 2)))}" data-open-playground="${side}">Open ${side} in the playground</a>`,
      ).join(" ")
    : `<a class="button" href="${esc(playgroundLink(playgroundUrl, scenarioText))}" data-open-playground>Open in the playground</a>`;
  body += `<p class="actions">${open} <a href="#run-title">Run it yourself</a></p>`;
  body += section(
    "scenario-title",
    "What was simulated",
    sides
      ? sides.simulated
      : scenarioSummaryHtml(canonical, input) + topologyFigureHtml(canonical, result, `/v1/runs/${row.id}`),
  );
  if (sides) body += sides.figures;
  if (result) {
    body += `<figure>${latencyChart(result)}</figure>`;
    if (result.series.time.length > 0) {
      body += `<figure>${latencySeriesChart(result)}</figure><figure>${throughputSeriesChart(result)}</figure>`;
    }
    if (result.trace)
      body += section(
        "trace-title",
        "Where the time went",
        traceFiguresHtml(result.trace, result.components),
      );
    body += section("failures-title", "Failures", failuresHtml(result));
    body += section("classes-title", "Request classes", classesHtml(result));
    body += section("components-title", "Every component's figures", componentFiguresHtml(result));
  }
  body += section(
    "json-title",
    comparison ? "The comparison as JSON" : "The scenario as JSON",
    `<p>Copy it into a file, e.g. <code>${comparison ? "comparison" : "scenario"}.json</code>.</p><pre tabindex="0" data-scenario-json><code>${esc(scenarioText)}</code></pre>`,
  );
  body += section(
    "run-title",
    "Run it yourself",
    comparison ? comparisonRunItYourselfHtml(origin, row) : runItYourselfHtml(origin, row),
  );

  return `<!doctype html>
<html lang="en">
<head>
${meta}
<style>${styles}</style>
</head>
<body>
<main>
<p><span class="status ${esc(row.status)}">${esc(row.status)}</span></p>
<h1>${esc(title)}</h1>
${body}
<footer><p>${result ? `${esc(formatValue(result.simulated.events, "number"))} events simulated · ` : ""}${comparison ? `${esc(formatValue((comparison.a.replications?.events ?? 0) + (comparison.b.replications?.events ?? 0), "number"))} events simulated · ` : ""}${program ? `${esc(formatValue(program.steps, "number"))} steps explored · ` : ""}Engine <span data-engine-version>syslab ${esc(row.engineVersion)}</span> · ${program ? "program" : comparison ? "comparison" : "scenario"} hash <code>${esc(row.scenarioHash.slice(0, 16))}</code> · <a href="${esc(links.self)}">result as JSON</a> · <a href="${esc(links.chart)}">chart (SVG)</a></p></footer>
</main>
${unfinished ? `<script>${progressScript}</script>` : topologyScriptHtml(result)}
</body>
</html>
`;
}
