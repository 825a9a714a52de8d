// The one Worker that runs sim-core for every widget and the playground, off the main thread.
import { catalogueError, parseDocument, runDocument, SyslabError } from "@syslab/sim-core";
import { widgetModels } from "../widgets/registry";
import { parseJsonText } from "./json-text";
import type { SimRequest, SimResponse } from "./sim-protocol";

// Typed through Worker: the same postMessage / "message" pair, without the webworker lib clashing with DOM.
const scope = self as unknown as Worker;

function handle(request: SimRequest): SimResponse {
  switch (request.kind) {
    case "widget": {
      const model = widgetModels[request.widget];
      if (!model) return { kind: "error", message: `No widget named ${request.widget}.`, problems: [] };
      return { kind: "widget", view: model.compute(request.params) };
    }
    case "validate": {
      const json = parseJsonText(request.text);
      if (!json.ok) return { kind: "validate", problems: [json.problem] };
      const parsed = parseDocument(json.value);
      return { kind: "validate", problems: parsed.ok ? [] : parsed.problems };
    }
    case "run": {
      const json = parseJsonText(request.text);
      if (!json.ok) return { kind: "error", message: json.problem.message, problems: [json.problem] };
      const parsed = parseDocument(json.value);
      if (!parsed.ok)
        throw catalogueError("scenario.invalid", { count: parsed.problems.length }, parsed.problems);
      return { kind: "run", result: runDocument(parsed.document).output };
    }
  }
}

scope.addEventListener("message", (event: MessageEvent<{ id: number; request: SimRequest }>) => {
  const { id, request } = event.data;
  let response: SimResponse;
  try {
    response = handle(request);
  } catch (error) {
    response =
      error instanceof SyslabError
        ? { kind: "error", message: `${error.message} ${error.hint}`.trim(), problems: error.problems }
        : { kind: "error", message: error instanceof Error ? error.message : String(error), problems: [] };
  }
  scope.postMessage({ id, response });
});
