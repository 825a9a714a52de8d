// <syslab-playground>: an editor that completes and checks the document from its JSON Schema and
// syslab's validator (both in the Worker), a menu of examples, and Run / Share / Copy as curl; the
// result shows every field and the time series (a traced run's also the waterfall of its slowest
// traced request, its latency breakdown by band, drawn as the share page draws them, and its
// requests animated over the topology); a program's, its outcomes and each violation's
// counterexample, step by step.
import type { TopologyLayout, TracedRequest } from "@syslab/charts";
import type { ExplorerResult, Problem, Result } from "@syslab/sim-core";
import type { DocumentKind } from "./document-kinds";
import { DocumentEditor } from "./editor/document-editor";
import type { JsonSchema } from "./editor/json-schema-walk";
import type { FieldDoc } from "./editor/schema-hover";
import { ask } from "./playground-client";
import { scenarioFromFragment } from "./playground-fragment";
import { progressLine } from "./run-progress";
import { copyText, curlCommand, followRun, shareRun } from "./share-run";
import { WidgetChart } from "./uplot-chart";

const SERIES_CHARTS: Record<string, { title: string; yLabel: string; scale: number }> = {
  throughput: { title: "Throughput over time", yLabel: "Completed per second", scale: 1 },
  latencyMean: { title: "Mean latency over time", yLabel: "Mean latency (ms)", scale: 1000 },
  inSystem: { title: "Requests in the system over time", yLabel: "Requests", scale: 1 },
};

/** Every leaf of the result except the time series, as dotted paths. */
function resultRows(value: unknown, path: string, rows: [string, string][]): [string, string][] {
  if (Array.isArray(value)) {
    rows.push([path, value.join(", ")]);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (path === "" && key === "series") continue;
      // Every traced visit would be thousands of rows: the trace figures show them instead.
      if (path === "trace" && key === "requests" && Array.isArray(child)) {
        rows.push(["trace.requests", `${child.length} traced requests (the slowest is drawn above)`]);
        continue;
      }
      resultRows(child, path === "" ? key : `${path}.${key}`, rows);
    }
  } else {
    rows.push([path, typeof value === "number" ? String(Number(value.toPrecision(6))) : String(value)]);
  }
  return rows;
}

/** The chart's text alternative: the range and mean of a time series. */
function seriesSummary(what: string, points: [number, number][], measured: number): string {
  const ys = points.map(([, y]) => y);
  if (ys.length === 0) return `${what}: no samples.`;
  const show = (y: number) => String(Number(y.toPrecision(3)));
  const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
  return (
    `${what} over ${show(measured)} s of measured simulated time: between ${show(Math.min(...ys))} and ` +
    `${show(Math.max(...ys))}, ${show(mean)} on average across ${ys.length} intervals.`
  );
}

/** The line under the editor: the field at the cursor and what the schema says about it. */
function describeField(doc: FieldDoc | undefined): string {
  if (!doc) return "";
  const fallback = doc.defaultValue === undefined ? "" : ` (default ${JSON.stringify(doc.defaultValue)})`;
  const text = doc.description.includes("Default") ? doc.description : `${doc.description}${fallback}`;
  return `${doc.path}: ${text}`;
}

class SyslabPlayground extends HTMLElement {
  #sequence = 0;
  #traceShown = 0;
  #charts = new Map<string, WidgetChart>();

  #editor: DocumentEditor | undefined;
  #unfollow: (() => void) | undefined;
  #hideTopology: (() => void) | undefined;

  connectedCallback(): void {
    const fallback = this.querySelector<HTMLTextAreaElement>("[data-editor]")!;
    // A scenario in the address (a share page's "Open in the playground") replaces the default one.
    const linked = scenarioFromFragment(location.hash);
    if (linked !== undefined) fallback.value = linked;
    for (const hidden of this.querySelectorAll<HTMLElement>("[data-needs-js]")) hidden.hidden = false;
    // The plain text box stays, hidden, as a copy of the text: the page reads as a form without scripts.
    this.querySelector<HTMLElement>("[data-fallback-editor]")!.hidden = true;
    const fieldDoc = this.querySelector<HTMLElement>("[data-field-doc]")!;
    this.#editor = new DocumentEditor({
      parent: this.querySelector<HTMLElement>("[data-editor-mount]")!,
      text: fallback.value,
      label: "Scenario (JSON)",
      describedBy: "editor-help",
      loadSchema: (kind) => this.#loadSchema(kind),
      validate: (text) => this.#problems(text),
      onChange: (text) => {
        fallback.value = text;
      },
      onProblems: (problems) => this.#showProblems(problems),
      onFieldDoc: (doc) => {
        fieldDoc.textContent = describeField(doc);
      },
    });
    const examples = JSON.parse(this.querySelector("[data-example-texts]")?.textContent ?? "{}") as Record<
      string,
      string
    >;
    const picker = this.querySelector<HTMLSelectElement>("[data-examples]");
    picker?.addEventListener("change", () => {
      const chosen = examples[picker.value];
      if (chosen !== undefined && this.#editor) this.#editor.text = chosen;
    });
    this.querySelector("[data-action=run]")?.addEventListener("click", () => void this.#run());
    this.querySelector("[data-action=share]")?.addEventListener("click", () => void this.#share());
    this.querySelector("[data-action=curl]")?.addEventListener("click", () => void this.#copyCurl());
  }

  #text(): string {
    return this.#editor?.text ?? this.querySelector<HTMLTextAreaElement>("[data-editor]")!.value;
  }

  async #loadSchema(kind: DocumentKind): Promise<JsonSchema | undefined> {
    const response = await ask({ kind: "schema", document: kind });
    return response.kind === "schema" && response.schema !== null ? response.schema : undefined;
  }

  async #problems(text: string): Promise<Problem[]> {
    const response = await ask({ kind: "validate", text });
    return response.kind === "validate"
      ? response.problems
      : response.kind === "error"
        ? response.problems
        : [];
  }

  #status(text: string, kind: "info" | "error" = "info"): void {
    const status = this.querySelector<HTMLElement>("[data-status]")!;
    status.textContent = text;
    status.dataset.kind = kind;
  }

  #showProblems(problems: Problem[]): void {
    const list = this.querySelector<HTMLElement>("[data-problems]")!;
    list.hidden = false;
    if (problems.length === 0) {
      list.dataset.ok = "";
      list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "✓ Valid scenario." }));
      return;
    }
    delete list.dataset.ok;
    list.replaceChildren(
      ...problems.map((problem) => {
        const item = document.createElement("li");
        const path = document.createElement("code");
        path.textContent = problem.path;
        item.append(path, `: ${problem.message}`);
        return item;
      }),
    );
  }

  async #validate(): Promise<boolean> {
    const sequence = ++this.#sequence;
    const problems = await this.#problems(this.#text());
    if (sequence !== this.#sequence) return false;
    this.#showProblems(problems);
    return problems.length === 0;
  }

  async #run(): Promise<void> {
    if (!(await this.#validate())) {
      this.#status("Fix the problems listed above first.", "error");
      return;
    }
    this.#status("Running…");
    const bar = this.querySelector<HTMLProgressElement>("[data-run-progress]")!;
    bar.value = 0;
    bar.hidden = false;
    const started = performance.now();
    const response = await ask({ kind: "run", text: this.#text() }, (progress) => {
      bar.value = progress.fraction;
      this.#status(`Running… ${progressLine(progress, (performance.now() - started) / 1000)}`);
    });
    bar.hidden = true;
    if (response.kind === "error") {
      this.#status(response.message, "error");
      if (response.problems.length > 0) this.#showProblems(response.problems);
      return;
    }
    if (response.kind === "explored") {
      this.#showExplored(response.result);
      await this.#showTopology(undefined, []);
      const found = response.result.violations.length;
      this.#status(
        `Done: ${response.result.executions.toLocaleString("en-US")} executions explored, ${found === 0 ? "no violation" : `${found} violation${found === 1 ? "" : "s"}`} found.`,
      );
      return;
    }
    if (response.kind !== "run") return;
    this.#showResult(response.result);
    await this.#showTopology(response.topology, response.result.trace?.requests ?? []);
    this.#status(`Done: ${response.result.simulated.events.toLocaleString("en-US")} events simulated.`);
  }

  /** A program's result as rows: the search, each outcome with its count, each violation and its schedule. */
  #showExplored(result: ExplorerResult): void {
    const rows: [string, string][] = [
      ["exhaustive", String(result.exhaustive)],
      ["executions", String(result.executions)],
      ["states", String(result.states)],
    ];
    if (result.stopped) rows.push(["stopped", result.stopped.message]);
    result.outcomes.forEach((o, i) => {
      const shared = Object.entries(o.shared)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ");
      rows.push([`outcomes[${i}]: ${shared}`, String(o.count)]);
    });
    result.violations.forEach((v, i) => {
      rows.push([`violations[${i}]: ${v.kind}, ${v.preemptions} preemptions`, v.message]);
      v.schedule.forEach((step, j) => {
        rows.push([`  ${j + 1}. ${step.thread}${step.preemption ? " (preempts)" : ""}`, step.action]);
      });
    });
    this.#fillTable(rows);
    this.querySelector<HTMLElement>("[data-trace]")!.hidden = true;
    this.#traceShown++;
    for (const box of this.querySelectorAll<HTMLElement>("[data-series-chart]")) {
      box.closest("figure")!.hidden = true;
    }
  }

  #fillTable(rows: [string, string][]): void {
    this.querySelector<HTMLElement>("[data-results]")!.hidden = false;
    const body = this.querySelector("[data-result-table] tbody")!;
    body.replaceChildren(
      ...rows.map(([path, value]) => {
        const row = document.createElement("tr");
        const name = document.createElement("td");
        name.textContent = path;
        name.dataset.field = path;
        const cell = document.createElement("td");
        cell.className = "num";
        cell.textContent = value;
        row.append(name, cell);
        return row;
      }),
    );
  }

  /** A traced run's requests animated over its topology; the animation's code loads on first use. */
  async #showTopology(layout: TopologyLayout | undefined, requests: readonly TracedRequest[]): Promise<void> {
    const figure = this.querySelector<HTMLElement>("[data-topology]")!;
    this.#hideTopology?.();
    this.#hideTopology = undefined;
    figure.hidden = layout === undefined || requests.length === 0;
    if (figure.hidden) return;
    const { showTopology } = await import("./topology-view");
    this.#hideTopology = showTopology(figure, layout!, requests);
  }

  #showResult(result: Result): void {
    this.#fillTable(resultRows(result, "", []));
    void this.#showTrace(result);
    for (const box of this.querySelectorAll<HTMLElement>("[data-series-chart]")) {
      box.closest("figure")!.hidden = false;
      const key = box.dataset.seriesChart as "throughput" | "latencyMean" | "inSystem";
      const spec = SERIES_CHARTS[key]!;
      const values = result.series[key] ?? [];
      let chart = this.#charts.get(key);
      if (!chart) {
        chart = new WidgetChart(box, `series-summary-${key}`);
        this.#charts.set(key, chart);
      }
      const points = result.series.time.map((t, i): [number, number] => [t, (values[i] ?? 0) * spec.scale]);
      const summary = seriesSummary(spec.yLabel, points, result.series.bucketWidth * points.length);
      const caption = box.parentElement?.querySelector("[data-summary]");
      if (caption) caption.textContent = summary;
      chart.draw({
        title: spec.title,
        summary,
        xLabel: "Simulated time (s)",
        yLabel: spec.yLabel,
        series: [{ name: spec.yLabel, style: "line", points }],
      });
    }
  }

  /** A traced run's waterfall and breakdown; their code loads with the first traced run, as most runs trace nothing. */
  async #showTrace(result: Result): Promise<void> {
    const section = this.querySelector<HTMLElement>("[data-trace]")!;
    section.hidden = true;
    const shown = ++this.#traceShown;
    if (!result.trace) return;
    const { traceFiguresHtml } = await import("@syslab/charts");
    // A later result came while the code loaded: it is the one on show.
    if (shown !== this.#traceShown) return;
    const figures = traceFiguresHtml(result.trace, result.components);
    // Markup from the charts package, every name in it escaped there.
    this.querySelector<HTMLElement>("[data-trace-figures]")!.innerHTML = figures;
    section.hidden = figures === "";
  }

  #scenario(): unknown {
    try {
      return JSON.parse(this.#text());
    } catch {
      return undefined;
    }
  }

  async #share(): Promise<void> {
    const scenario = this.#scenario();
    if (scenario === undefined || !(await this.#validate())) {
      this.#status("Fix the problems listed above first.", "error");
      return;
    }
    this.#status("Storing the run…");
    try {
      const run = await shareRun(scenario);
      const link = this.querySelector<HTMLAnchorElement>("[data-share-link]")!;
      link.href = run.url;
      link.textContent = run.url;
      link.hidden = false;
      this.#status((await copyText(run.url)) ? "Link copied:" : "Link:");
      this.#followServerRun(run.id);
    } catch (error) {
      this.#status(`Could not share: ${error instanceof Error ? error.message : String(error)}`, "error");
    }
  }

  /** The API runs a shared scenario too: its progress, from the run's event stream, shows beside the link. */
  #followServerRun(id: string): void {
    this.#unfollow?.();
    const line = this.querySelector<HTMLElement>("[data-share-progress]")!;
    line.hidden = false;
    line.textContent = "The server is running it…";
    this.#unfollow = followRun(
      id,
      (p) => {
        line.textContent = `The server's run: ${p.percent.toFixed(0)}% · ${p.events.toLocaleString("en-US")} events`;
      },
      (end) => {
        line.textContent =
          end === "done"
            ? "The server's run is done: the link shows its result."
            : end === "failed"
              ? "The server's run failed: the link shows why."
              : "";
        line.hidden = end === "lost";
      },
    );
  }

  async #copyCurl(): Promise<void> {
    const scenario = this.#scenario();
    if (scenario === undefined) {
      this.#status("The scenario is not valid JSON.", "error");
      return;
    }
    const command = curlCommand(scenario);
    const box = this.querySelector<HTMLElement>("[data-curl]")!;
    box.textContent = command;
    box.hidden = false;
    this.#status((await copyText(command)) ? "curl command copied." : "Copy the curl command below.");
  }
}

customElements.define("syslab-playground", SyslabPlayground);
