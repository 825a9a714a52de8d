// Every widget model by name: what the Worker can compute.
import { acksAndCrashes } from "./acks-and-crashes";
import { architectures } from "./architectures";
import { blockingIo } from "./blocking-io";
import { connectionPools } from "./connection-pools";
import { hockeyStick } from "./hockey-stick";
import { lockContention } from "./lock-contention";
import { overload } from "./overload";
import { pythonConcurrency } from "./python-concurrency";
import { threadsVsCores } from "./threads-vs-cores";
import type { WidgetModel } from "./view";
import { waitingForJobs } from "./waiting-for-jobs";

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
    waitingForJobs,
    acksAndCrashes,
  ].map((model) => [model.name, model]),
);
