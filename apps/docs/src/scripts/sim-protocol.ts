// Messages between the page and the simulation Worker.
import type { TopologyLayout } from "@syslab/charts";
import type { ExplorerResult, Problem, Progress, Result } from "@syslab/sim-core";
import type { Params, WidgetView } from "../widgets/view";
import type { DocumentKind } from "./document-kinds";

export type SimRequest =
  | { kind: "widget"; widget: string; params: Params }
  | { kind: "schema"; document: DocumentKind }
  | { kind: "validate"; text: string }
  | { kind: "run"; text: string };

export type SimResponse =
  | { kind: "widget"; view: WidgetView }
  | { kind: "schema"; schema: Record<string, unknown> | null }
  | { kind: "validate"; problems: Problem[] }
  | { kind: "run"; result: Result; topology?: TopologyLayout }
  | { kind: "explored"; result: ExplorerResult }
  | { kind: "error"; message: string; problems: Problem[] };

/** What the Worker posts while a run goes on, before its response. */
export type SimProgress = Progress;
