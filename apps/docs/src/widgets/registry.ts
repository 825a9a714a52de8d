// Every widget model by name: what the Worker can compute.
import { architectures } from "./architectures";
import { blockingIo } from "./blocking-io";
import { connectionPools } from "./connection-pools";
import { hockeyStick } from "./hockey-stick";
import { loadBalancing } from "./load-balancing";
import { lockContention } from "./lock-contention";
import { overload } from "./overload";
import { pythonConcurrency } from "./python-concurrency";
import { threadsVsCores } from "./threads-vs-cores";
import type { WidgetModel } from "./view";

export const widgetModels: Record<string, WidgetModel> = Object.fromEntries(
  [
    hockeyStick,
    threadsVsCores,
    architectures,
    overload,
    connectionPools,
    blockingIo,
    pythonConcurrency,
    lockContention,
    loadBalancing,
  ].map((model) => [model.name, model]),
);
