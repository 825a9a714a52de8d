// Every widget model by name: what the Worker can compute.
import { hockeyStick } from "./hockey-stick";
import type { WidgetModel } from "./view";

export const widgetModels: Record<string, WidgetModel> = {
  [hockeyStick.name]: hockeyStick,
};
