// What a simulation Worker does with each request: widgets computed by the models it was given,
// documents (scenarios and programs) validated and run by sim-core. The widgets' Worker
// (sim.worker.ts) serves every widget model; the playground's (playground.worker.ts) serves none,
// so the playground never loads the widgets' code.
import { SyslabError } from "@syslab/sim-core";
import type { WidgetModel } from "../widgets/view";
import { documentProblems, documentSchema, documentTopology, runAnyDocument } from "./document-handlers";
import { parseJsonText } from "./json-text";
import type { SimProgress, SimRequest, SimResponse } from "./sim-protocol";

// Typed through Worker: the same postMessage / "message" pair, without the webworker lib clashing with DOM.
const scope = self as unknown as Worker;

function handle(
  request: SimRequest,
  widgetModels: Record<string, WidgetModel>,
  onProgress: (progress: SimProgress) => void,
): SimResponse {
  switch (request.kind) {
    case "widget": {
      const model = widgetModels[request.widget];
      if (!model) return { kind: "error", message: `No widget named ${request.widget}.`, problems: [] };
      return { kind: "widget", view: model.compute(request.params) };
    }
    case "schema":
      return { kind: "schema", schema: documentSchema(request.document) };
    case "validate": {
      const json = parseJsonText(request.text);
      if (!json.ok) return { kind: "validate", problems: [json.problem] };
      return { kind: "validate", problems: documentProblems(json.value) };
    }
    case "run": {
      const json = parseJsonText(request.text);
      if (!json.ok) return { kind: "error", message: json.problem.message, problems: [json.problem] };
      const run = runAnyDocument(json.value, onProgress);
      if (run.kind === "program") return { kind: "explored", result: run.output };
      // A traced run comes with its topology's layout, for the page to animate the traces over.
      const topology = run.output.trace?.requests.length ? documentTopology(json.value) : undefined;
      return topology ? { kind: "run", result: run.output, topology } : { kind: "run", result: run.output };
    }
  }
}

/** Answers the page's requests in this Worker, widgets from these models. */
export function serveRequests(widgetModels: Record<string, WidgetModel>): void {
  scope.addEventListener("message", (event: MessageEvent<{ id: number; request: SimRequest }>) => {
    const { id, request } = event.data;
    let response: SimResponse;
    try {
      // Progress goes out as the run goes on: the page is not blocked, only this Worker is.
      response = handle(request, widgetModels, (progress) => scope.postMessage({ id, progress }));
    } catch (error) {
      response =
        error instanceof SyslabError
          ? { kind: "error", message: `${error.message} ${error.hint}`.trim(), problems: error.problems }
          : { kind: "error", message: error instanceof Error ? error.message : String(error), problems: [] };
    }
    scope.postMessage({ id, response });
  });
}
