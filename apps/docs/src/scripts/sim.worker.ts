// The Worker that runs sim-core for the widgets of a page, off the main thread.
import { widgetModels } from "../widgets/registry";
import { serveRequests } from "./sim-worker-handler";

serveRequests(widgetModels);
