// Every widget model by name: what the Worker can compute.
import { acksAndCrashes } from "./acks-and-crashes";
import { architectures } from "./architectures";
import { backendDies } from "./backend-dies";
import { blockingIo } from "./blocking-io";
import { cachingMissRatio } from "./caching-miss-ratio";
import { cachingStaleness } from "./caching-staleness";
import { cachingStampede } from "./caching-stampede";
import { connectionPools } from "./connection-pools";
import { consistentHashing } from "./consistent-hashing";
import { consumerLag } from "./consumer-lag";
import { counterExplorer } from "./counter-explorer";
import { deadLetters } from "./dead-letters";
import { deadlockExplorer } from "./deadlock-explorer";
import { headOfLine } from "./head-of-line";
import { hockeyStick } from "./hockey-stick";
import { leaseTimeline } from "./lease-timeline";
import { loadBalancing } from "./load-balancing";
import { lockContention } from "./lock-contention";
import { overload } from "./overload";
import { pythonConcurrency } from "./python-concurrency";
import { raceExplorer } from "./race-explorer";
import { retryAmplification } from "./retry-amplification";
import { retryStorm } from "./retry-storm";
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
    cachingMissRatio,
    cachingStampede,
    cachingStaleness,
    leaseTimeline,
    raceExplorer,
    counterExplorer,
    deadlockExplorer,
    waitingForJobs,
    acksAndCrashes,
    consumerLag,
    headOfLine,
    deadLetters,
    loadBalancing,
    consistentHashing,
    backendDies,
    retryAmplification,
    retryStorm,
  ].map((model) => [model.name, model]),
);
