// The base of every widget element: reads its controls, asks the Worker for a new view, and redraws
// the charts with the sentences that state them, the key numbers and the data tables, then announces
// the new numbers to screen readers; "Share" and "Copy as curl" act on the current run.
import type { DataTable, Params, WidgetView } from "../widgets/view";
import { copyText, curlCommand, shareRun } from "./share-run";
import { ask } from "./sim-client";
import { WidgetChart } from "./uplot-chart";

function formatControl(value: number, format: string | undefined): string {
  if (format === "percent") return `${Math.round(value * 100)} %`;
  return String(value);
}

export class SimWidget extends HTMLElement {
  #scenario: unknown;
  readonly #charts = new Map<HTMLElement, WidgetChart>();
  #sequence = 0;

  connectedCallback(): void {
    const form = this.querySelector("form");
    const scenarioScript = this.querySelector("script[data-scenario]");
    this.#scenario = JSON.parse(scenarioScript?.textContent ?? "null");
    for (const hidden of this.querySelectorAll<HTMLElement>("[data-needs-js]")) hidden.hidden = false;
    const controls = this.querySelector("fieldset");
    if (controls) controls.disabled = false;
    form?.addEventListener("submit", (event) => event.preventDefault());
    form?.addEventListener("input", (event) => this.#showControlValue(event.target));
    form?.addEventListener("change", () => {
      this.#applyRelevance();
      void this.#update();
    });
    this.#applyRelevance();
    this.querySelector("[data-action=share]")?.addEventListener("click", () => void this.#share());
    this.querySelector("[data-action=curl]")?.addEventListener("click", () => void this.#copyCurl());
  }

  #params(): Params {
    const params: Params = {};
    for (const control of this.querySelectorAll<HTMLInputElement | HTMLSelectElement>("form [name]")) {
      const number = Number(control.value);
      params[control.name] = control.value !== "" && Number.isFinite(number) ? number : control.value;
    }
    return params;
  }

  /** Disables controls that cannot affect the chosen run (data-only-when="name=value"). */
  #applyRelevance(): void {
    const params = this.#params();
    for (const label of this.querySelectorAll<HTMLElement>("[data-only-when]")) {
      const [name, value] = (label.dataset.onlyWhen ?? "").split("=");
      const relevant = String(params[name ?? ""]) === value;
      for (const control of label.querySelectorAll<HTMLSelectElement | HTMLInputElement>("select, input")) {
        control.disabled = !relevant;
      }
      label.classList.toggle("irrelevant", !relevant);
    }
  }

  #showControlValue(target: EventTarget | null): void {
    if (!(target instanceof HTMLInputElement) || target.type !== "range") return;
    const output = this.querySelector<HTMLOutputElement>(`output[for="${target.id}"]`);
    if (output) output.value = formatControl(Number(target.value), target.dataset.format);
  }

  #status(text: string, kind: "info" | "error" = "info"): void {
    const status = this.querySelector<HTMLElement>("[data-status]");
    if (!status) return;
    status.textContent = text;
    status.dataset.kind = kind;
  }

  async #update(): Promise<void> {
    const sequence = ++this.#sequence;
    this.dataset.state = "running";
    this.#status("Simulating…");
    const widget = this.dataset.widget ?? "";
    const response = await ask({ kind: "widget", widget, params: this.#params() });
    if (sequence !== this.#sequence) return; // a newer change is on its way
    this.dataset.state = "idle";
    if (response.kind !== "widget") {
      this.#status(response.kind === "error" ? response.message : "Unexpected answer.", "error");
      return;
    }
    this.#render(response.view);
    this.#status("");
  }

  #render(view: WidgetView): void {
    this.#scenario = view.scenario;
    const figures = [{ chart: view.chart, table: view.table }, ...(view.extraFigures ?? [])];
    figures.forEach(({ chart, table }, i) => {
      const box = this.querySelector<HTMLElement>(`[data-chart="${i}"]`);
      if (box) {
        let drawn = this.#charts.get(box);
        if (!drawn) {
          drawn = new WidgetChart(box, box.dataset.summaryId);
          this.#charts.set(box, drawn);
        }
        drawn.draw(chart);
      }
      const summary = this.querySelector(`[data-summary="${i}"]`);
      if (summary) summary.textContent = chart.summary;
      this.#renderTable(i, table);
    });
    for (const number of view.numbers) {
      const cell = this.querySelector<HTMLElement>(`[data-number="${number.id}"]`);
      if (!cell) continue;
      cell.textContent = number.text;
      cell.dataset.value = String(number.value);
      // Labels can name the chosen run ("Direct: queries/s"), so they change with it.
      const label = cell.previousElementSibling;
      if (label) label.textContent = number.label;
    }
    const link = this.querySelector<HTMLAnchorElement>("[data-share-link]");
    if (link) link.hidden = true;
    const announce = this.querySelector("[data-announce]");
    if (announce) announce.textContent = view.numbers.map((n) => `${n.label}: ${n.text}.`).join(" ");
  }

  #renderTable(index: number, table: DataTable): void {
    const caption = this.querySelector(`[data-table="${index}"] caption`);
    if (caption) caption.textContent = table.caption;
    const body = this.querySelector(`[data-table="${index}"] tbody`);
    body?.replaceChildren(
      ...table.rows.map((row) => {
        const tr = document.createElement("tr");
        for (const cell of row) {
          const td = document.createElement("td");
          td.textContent = cell;
          tr.append(td);
        }
        return tr;
      }),
    );
  }

  async #share(): Promise<void> {
    const button = this.querySelector<HTMLButtonElement>("[data-action=share]");
    if (button) button.disabled = true;
    this.#status("Storing the run…");
    try {
      const run = await shareRun(this.#scenario);
      const link = this.querySelector<HTMLAnchorElement>("[data-share-link]");
      if (link) {
        link.href = run.url;
        link.textContent = run.url;
        link.hidden = false;
      }
      this.#status((await copyText(run.url)) ? "Link copied:" : "Link:");
    } catch (error) {
      this.#status(`Could not share: ${error instanceof Error ? error.message : String(error)}`, "error");
    } finally {
      if (button) button.disabled = false;
    }
  }

  async #copyCurl(): Promise<void> {
    const command = curlCommand(this.#scenario);
    const box = this.querySelector<HTMLElement>("[data-curl]");
    if (box) {
      box.textContent = command;
      box.hidden = false;
    }
    this.#status((await copyText(command)) ? "curl command copied." : "Copy the curl command below.");
  }
}
