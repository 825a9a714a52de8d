// The HTML page behind a share link (/r/:id): the run's name, key numbers and charts, readable
// without scripts, with Open Graph and Twitter tags so a pasted link previews well.

import { createHash } from "node:crypto";
import { escapeXml as esc, formatValue } from "@syslab/charts";
import type { Result } from "@syslab/sim-core";
import type { RunRow } from "../db/run-store";
import { runLinks } from "../runs/run-representation";
import type { RunErrorBody } from "../runs/run-task";
import { latencyChart, latencySeriesChart, throughputSeriesChart } from "./run-charts";
import { shownResult } from "./shown-result";

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
footer{font-size:.85rem;color:#57606a}a{color:#0969da}
`;

/** The CSP source that allows the page's one <style> element, and nothing else inline. */
export const sharePageStyleHash = `'sha256-${createHash("sha256").update(styles).digest("base64")}'`;

function duration(seconds: number): string {
  return formatValue(seconds, "duration");
}

function keyNumbers(result: Result): [string, string][] {
  const failed = result.requests.failed;
  const failures = failed.rejected + failed.reset + failed.timeout;
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
  ];
}

export function sharePageHtml(row: RunRow, origin: string): string {
  const links = runLinks(origin, row.id);
  const title = row.name ?? `Run ${row.id}`;
  const result = row.status === "done" && row.result ? shownResult(row.result) : undefined;
  const error = row.status === "failed" && row.error ? (JSON.parse(row.error) as RunErrorBody) : undefined;
  const numbers = result ? keyNumbers(result) : [];
  const description = result
    ? `${numbers[0]![1]}, mean latency ${numbers[1]![1]}, p99 ${numbers[3]![1]} — simulated with syslab.`
    : error
      ? `This run failed: ${error.message}`
      : `This syslab run is ${row.status}.`;
  const unfinished = row.status === "queued" || row.status === "running";

  const meta = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    unfinished ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : "",
    `<title>${esc(title)} · syslab</title>`,
    `<meta name="description" content="${esc(description)}">`,
    `<link rel="alternate" type="application/json" href="${esc(links.self)}">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="syslab">`,
    `<meta property="og:title" content="${esc(title)}">`,
    `<meta property="og:description" content="${esc(description)}">`,
    `<meta property="og:url" content="${esc(links.share)}">`,
    `<meta name="twitter:card" content="summary">`,
    `<meta name="twitter:title" content="${esc(title)}">`,
    `<meta name="twitter:description" content="${esc(description)}">`,
  ]
    .filter(Boolean)
    .join("\n");

  let body = "";
  if (result) {
    body += `<dl>${numbers.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl>`;
    body += `<figure>${latencyChart(result)}</figure>`;
    if (result.series.time.length > 0) {
      body += `<figure>${latencySeriesChart(result)}</figure><figure>${throughputSeriesChart(result)}</figure>`;
    }
  } else if (error) {
    body += `<p><strong>${esc(error.title)}.</strong> ${esc(error.message)}</p><p>${esc(error.hint)}</p>`;
    if (error.problems?.length) {
      body += `<ul>${error.problems.map((p) => `<li><code>${esc(p.path)}</code>: ${esc(p.message)}</li>`).join("")}</ul>`;
    }
  } else {
    body += `<p>This run is ${row.status}. The page reloads every ${refreshSeconds} seconds until it is done.</p>`;
  }

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
<footer><p>${result ? `${esc(formatValue(result.simulated.events, "number"))} events simulated · ` : ""}Engine ${esc(row.engineVersion)} · scenario hash <code>${esc(row.scenarioHash.slice(0, 16))}</code> · <a href="${esc(links.self)}">result as JSON</a> · <a href="${esc(links.chart)}">chart (SVG)</a></p></footer>
</main>
</body>
</html>
`;
}
