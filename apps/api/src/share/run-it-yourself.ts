// "Run it yourself" and "Open in the playground": the same scenario (or comparison) through the API
// (curl), the command line, or the docs playground, which reads a scenario from its address's fragment.

import { escapeXml as esc } from "@syslab/charts";
import type { RunRow } from "../db/run-store";

/**
 * The playground's address with the scenario in its fragment, `#scenario=<base64url of the JSON>`:
 * a fragment never reaches a server, so a long scenario costs no request size, and it is read the
 * same wherever the docs site is hosted (apps/docs/src/scripts/playground-fragment.ts decodes it).
 */
export function playgroundLink(playgroundUrl: string, scenarioJson: string): string {
  return `${playgroundUrl.split("#")[0]}#scenario=${Buffer.from(scenarioJson, "utf8").toString("base64url")}`;
}

export function runItYourselfHtml(origin: string, row: RunRow): string {
  const curl = `curl -X POST '${origin}/v1/runs' -H 'content-type: application/json' --data-binary @scenario.json`;
  const follow = `curl '${origin}/v1/runs/${row.id}?wait=60'`;
  const cli = "npm run --silent sim -- scenario.json";
  return (
    `<p>Save the JSON above as <code>scenario.json</code>. Through the API (the same scenario on the same engine gives this very run back):</p>` +
    `<pre tabindex="0" data-run-curl><code>${esc(curl)}\n${esc(follow)}</code></pre>` +
    `<p>With the command line, in a checkout of syslab at engine ${esc(row.engineVersion)} (add <code>--json</code> for the whole result):</p>` +
    `<pre tabindex="0" data-run-cli><code>${esc(cli)}</code></pre>`
  );
}

/** A comparison's lines: the body to POST /v1/comparisons, and the CLI's `--compare` on its two sides. */
export function comparisonRunItYourselfHtml(origin: string, row: RunRow): string {
  const curl = `curl -X POST '${origin}/v1/comparisons' -H 'content-type: application/json' --data-binary @comparison.json`;
  const follow = `curl '${origin}/v1/comparisons/${row.id}?wait=60'`;
  const split = "jq .a comparison.json > a.json && jq .b comparison.json > b.json";
  const cli = "npm run --silent sim -- a.json --compare b.json";
  return (
    `<p>Save the JSON above as <code>comparison.json</code>. Through the API (the same pair on the same engine gives this very comparison back):</p>` +
    `<pre tabindex="0" data-run-curl><code>${esc(curl)}\n${esc(follow)}</code></pre>` +
    `<p>With the command line, in a checkout of syslab at engine ${esc(row.engineVersion)}: split it into its two scenarios, then compare them (add <code>--json</code> for the whole result):</p>` +
    `<pre tabindex="0" data-run-cli><code>${esc(split)}\n${esc(cli)}</code></pre>`
  );
}
