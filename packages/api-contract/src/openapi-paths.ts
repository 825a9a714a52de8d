// Generated from the OpenAPI document by openapi-typescript: do not edit.
// Regenerate with: npm run generate -w @syslab/api-contract

export interface paths {
    "/v1/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a scenario or a program
         * @description Validates the scenario (or the program, a document with "kind": "program", which the explorer runs) and queues a run. The run id derives from the canonical document and the engine version: submitting the same scenario again answers 200 with the stored run instead of 201.
         */
        post: operations["createRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a parameter sweep
         * @description Sets `path` in the scenario to each of `values` in turn and submits one ordinary run per value.
         */
        post: operations["createSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comparisons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a paired comparison of two scenarios
         * @description Runs scenarios `a` and `b` as replications on side a's seeds (the larger `run.replications`, 10 when neither gives one) on common random numbers: request N arrives at the same time and brings the same work on both sides. The result is `{ a, b, difference }`, the difference b − a of each key figure with a 95% interval over the paired replications. Stored like a run: the same pair again answers 200 with the stored comparison. A problem's path starts with its side (`a.entry`, `b.run.precision`).
         */
        post: operations["createComparison"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/comparisons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a comparison
         * @description Status, timings and, when done, the result `{ a, b, difference }`. With `wait`, holds the request until it finishes.
         */
        get: operations["getComparison"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a run
         * @description Status, timings and, when done, the result. With `wait`, holds the request until the run finishes.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream a run's progress
         * @description Server-sent events: `status` ({status}), `progress` ({simulatedTime, events, percent}), then `result` (the run, with its result) or `failed` (the run, with its error), after which the stream ends.
         */
        get: operations["streamRunEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/chart.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A chart of the run, as SVG
         * @description A comparison's chart draws both sides, a and b, each in its own colour and named in a legend: with `latency`, their means over the paired replications side by side; with `series`, both first paired replications' mean latency over time.
         */
        get: operations["getRunChart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/runs/{id}/trace.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A traced run's requests, as Chrome Trace Event JSON
         * @description The run's per-request traces (its scenario's `run.trace`) in the Chrome Trace Event format, the same file the CLI's `--trace` writes; ui.perfetto.dev and chrome://tracing open it as it is.
         */
        get: operations["getRunTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The share page of a run
         * @description HTML with what was simulated (the topology summarised, the scenario as JSON), the key numbers, SVG charts, every component's figures, the failures by kind, the engine version, links to open the scenario in the playground and to run it again, and link-preview meta tags (og:image is /r/{id}/card.png). While the run is unfinished it shows the run's progress from the event stream (without scripts it reloads itself). The topology is an SVG diagram; for a run with traces (`run.trace`), a script from /r/assets/ animates the traced requests over it.
         */
        get: operations["sharePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/assets/topology-animation.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script of the share pages: topology-animation.js
         * @description One of the ES modules of a traced run's topology animation (topology-animation.js imports topology-player.js, which imports topology-frames.js), loaded by the share page; cached for five minutes.
         */
        get: operations["sharePageScriptTopologyAnimation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/assets/topology-player.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script of the share pages: topology-player.js
         * @description One of the ES modules of a traced run's topology animation (topology-animation.js imports topology-player.js, which imports topology-frames.js), loaded by the share page; cached for five minutes.
         */
        get: operations["sharePageScriptTopologyPlayer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/assets/topology-frames.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script of the share pages: topology-frames.js
         * @description One of the ES modules of a traced run's topology animation (topology-animation.js imports topology-player.js, which imports topology-frames.js), loaded by the share page; cached for five minutes.
         */
        get: operations["sharePageScriptTopologyFrames"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{id}/card.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The link-preview card of a run, as PNG
         * @description A 1200×630 PNG (the size of og:image and twitter:card summary_large_image) with the run's name, headline numbers and latency chart; a placeholder while the run is unfinished. Cached for an hour once the run is finished (Cache-Control: public, max-age=3600), never before (no-store).
         */
        get: operations["shareCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and queue figures */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: whether to send this process traffic
         * @description 200 when the process is not draining and its run store answers; 503 otherwise. Liveness is /healthz, which answers from memory and stays 200 while the database is down.
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Text exposition format: syslab_runs{status} (from the store, for the whole deployment), syslab_run_duration_seconds{outcome} (runs executed by this process), syslab_http_request_duration_seconds{method,route,status}, syslab_store_up, and Node's process metrics.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Readiness: {
            /** @enum {string} */
            status: "ready" | "draining" | "unavailable";
            reason?: string;
        };
        /**
         * syslab scenario (version 1)
         * @description A system to simulate: the workload sent to it, the components that serve it, and how long to run. Durations are seconds or strings with a unit; distributions are a duration (constant) or an object naming the distribution.
         */
        Scenario: {
            /**
             * @description The scenario format's version: always 1.
             * @constant
             */
            version: 1;
            /** @description A title for the scenario, repeated in the result. */
            name?: string;
            /** @description What the scenario shows, for people reading it. Does not change the run (nor its hash). */
            description?: string;
            /**
             * @description Seed of the random number generator, a whole number from 0 to 4294967295. The same scenario with the same seed gives the same result. Default 1.
             * @default 1
             */
            seed?: number;
            /** @description How long to run: { "duration": "60s", "warmup": "5s" } or { "requests": 100000, "warmup": 1000 }. The warm-up comes first and is never measured; every statistic covers the measured part only. */
            run: {
                /** @description Measure this much simulated time after the warm-up. Give this or `requests`, not both. */
                duration?: components["schemas"]["Duration"];
                /** @description Measure this many requests (counted by arrival) after the warm-up. Give this or `duration`. */
                requests?: number;
                /** @description Run this long first, unmeasured: a duration when the run has `duration`, a count of requests when it has `requests`. Default 0. */
                warmup?: number | string;
                /** @description Bounds that end a run with an error instead of letting it go on; the engine has defaults for each. */
                limits?: {
                    /** @description Stop the run with an error after this many events. */
                    maxEvents?: number;
                    /** @description Stop the run with an error after this much real time. */
                    maxWallTime?: components["schemas"]["Duration"];
                    /** @description Stop the run with an error when simulated time passes this (warm-up included). */
                    maxSimTime?: components["schemas"]["Duration"];
                    /** @description Stop the run with an error when more requests than this are in the system at once (an overloaded system's queues grow without bound; this bounds the run's memory). */
                    maxInFlight?: number;
                };
                /** @description Run this many independent replications (seeds derived from the scenario's) and report across-replication 95% intervals for every key figure. */
                replications?: number;
                /** @description Replicate until the key figure's across-replication 95% interval is narrow enough, checking after each replication. */
                precision?: {
                    /** @description The key figure to make precise: "latency.mean", "latency.p50", "latency.p90", "latency.p99", "wait.mean", "wait.p99", "throughput", "inSystem.mean" or "components.<name>.utilization". */
                    metric: string;
                    /** @description Stop when the 95% interval's half-width is at most this fraction of the estimate (0.05: within ±5%). */
                    relative: number;
                    /** @description Replications run before the precision is first checked (default 3; at least 2). */
                    minReplications?: number;
                    /** @description Stop here even if the precision is not reached (default 50). */
                    maxReplications?: number;
                };
                /** @description Record per-request traces: every visit to a component, with its time queued. Tracing only observes: the run's statistics are the same. */
                trace?: {
                    /** @description The fraction of measured requests to trace, e.g. 0.01 (1 traces every request). */
                    sample: number;
                    /** @description Keep at most this many traces, a uniform sample of the traced ones (default 1000). */
                    max?: number;
                };
            } & ({
                warmup?: number | string;
            } | {
                warmup?: number;
            });
            /** @description Who sends requests and what they ask for. Give exactly one of `arrival` (open) or `clients` (closed). */
            workload: {
                /** @description Open arrivals, independent of how fast requests complete: { "process": "poisson", "rate": 800 }, { "process": "constant", "rate": 800 }, { "process": "onoff", "rate": 2000, "on": "1s", "off": "4s" }, or { "process": "trace", "arrivals": [0.1, "250ms", …] }. */
                arrival?: {
                    /** @constant */
                    process: "poisson";
                    /** @description Arrivals per second: a number, or a piecewise rate over time. */
                    rate: number | ({
                        /** @description Simulated time (from the start of the run, warm-up included) this rate starts at. */
                        from: components["schemas"]["Duration"];
                        /** @description Arrivals per second from `from` until the next segment. */
                        rate: number;
                    }[] & unknown);
                    /** @description A smooth daily curve: the rate rises from `rate` at the trough to `rate` × `peakFactor` at `peakAt` and back, as a raised cosine: { "period": "24h", "peakFactor": 3, "peakAt": "14h" }. */
                    diurnal?: {
                        /** @description Length of one cycle of the curve; absent: "24h". */
                        period?: components["schemas"]["Duration"];
                        /** @description The rate at the peak, as a multiple of the rate at the trough (`rate`); from 1 to 1000. */
                        peakFactor: number;
                        /** @description Simulated time (from the start of the run) of the first peak; the trough is half a period away. */
                        peakAt?: components["schemas"]["Duration"];
                    };
                    /** @description Bursts over the rate (at most 100); where two overlap, their multipliers multiply. */
                    flashCrowds?: {
                        /** @description Simulated time (from the start of the run) the crowd arrives. */
                        at: components["schemas"]["Duration"];
                        /** @description How long the crowd stays, ramps included. */
                        for: components["schemas"]["Duration"];
                        /** @description The rate's multiplier while the crowd is there (above 0, at most 1000). */
                        factor: number;
                        /** @description How long the multiplier takes to rise from 1 to `factor`, and to fall back; absent: at once. */
                        ramp?: components["schemas"]["Duration"];
                    }[];
                } | {
                    /** @constant */
                    process: "constant";
                    /** @description Arrivals per second: a number, or a piecewise rate over time. */
                    rate: number | ({
                        /** @description Simulated time (from the start of the run, warm-up included) this rate starts at. */
                        from: components["schemas"]["Duration"];
                        /** @description Arrivals per second from `from` until the next segment. */
                        rate: number;
                    }[] & unknown);
                } | {
                    /** @constant */
                    process: "onoff";
                    /** @description Poisson arrivals per second during an on-period. */
                    rate: number;
                    /** @description Length of each on-period (a burst). */
                    on: components["schemas"]["Distribution"];
                    /** @description Length of each silent off-period between bursts. */
                    off: components["schemas"]["Distribution"];
                } | {
                    /** @constant */
                    process: "trace";
                    /** @description Arrival times, in non-decreasing order (at most 100000): seconds or durations, or objects { "at", "class", "key" }. */
                    arrivals: (components["schemas"]["Duration"] | {
                        /** @description Simulated time (from the start of the run) the request arrives at. */
                        at: components["schemas"]["Duration"];
                        /** @description The name of its request class; absent: drawn by weight. */
                        class?: string;
                        /** @description The key it is about (a whole number, at least 0); absent: drawn from its class's `key`. */
                        key?: number;
                    })[];
                };
                /** @description Closed workload: { "users": 10, "think": { "exp": "1s" } }. */
                clients?: {
                    /** @description Number of users, at most 1000000; each sends a request, waits for the reply, then thinks. */
                    users: number;
                    /**
                     * @description Think time between a reply and the user's next request. Default 0.
                     * @default 0
                     */
                    think?: components["schemas"]["Distribution"];
                };
                /** @description Open workloads: how many distinct clients send the requests, each request from one of them at random (a DNS cache, a per-client limit or a hash balancer tells them apart). Default: clients are not told apart. */
                population?: number;
                /** @description The request classes; each arrival picks one by weight. */
                requests: {
                    /** @description Name of the class; results are reported per class under this name. */
                    name: string;
                    /**
                     * @description Share of arrivals (or of a client's requests) relative to the other classes. Default 1.
                     * @default 1
                     */
                    weight?: number;
                    /**
                     * @description Higher is served first at a station with discipline "priority" (non-preemptive). Default 0.
                     * @default 0
                     */
                    priority?: number;
                    /** @description The client gives up on an attempt after this long and counts it as timed out (the server does not learn, and goes on). Default: never. */
                    timeout?: components["schemas"]["Duration"];
                    /** @description The client retries a failed attempt: { "attempts": 3, "on": ["rejected", "timeout"], "backoff": { "base": "100ms", "cap": "2s", "jitter": "full" } }. Each attempt has the class's timeout; a timed-out attempt goes on being served. */
                    retry?: {
                        /**
                         * @description Attempts in all, the first included (1 sends once and never retries). Default 3.
                         * @default 3
                         */
                        attempts?: number;
                        /**
                         * @description The failures that are retried: "rejected" (503), "reset" (RST), "timeout" (no answer within the class's timeout) and "limited" (429, a limiter refused it). Default all four.
                         * @default [
                         *       "rejected",
                         *       "reset",
                         *       "timeout",
                         *       "limited"
                         *     ]
                         */
                        on?: ("rejected" | "reset" | "timeout" | "limited")[];
                        /**
                         * @description The wait before each retry: exponential from `base`, capped at `cap`, with jitter.
                         * @default {}
                         */
                        backoff?: {
                            /** @description The first retry's backoff, doubling each time. Default 100ms. */
                            base?: components["schemas"]["Duration"];
                            /** @description The longest backoff. Default 20s. */
                            cap?: components["schemas"]["Duration"];
                            /**
                             * @description Randomness in each backoff b: "none" sleeps b; "full" (default) a uniform time in [0, b]; "equal" b/2 plus a uniform time in [0, b/2]; "decorrelated" a uniform time in [base, 3 × the previous sleep], capped.
                             * @default full
                             * @enum {string}
                             */
                            jitter?: "none" | "full" | "equal" | "decorrelated";
                        };
                        /** @description A retry budget (Finagle, Envoy): retries may be at most this fraction of the class's requests over the last 10 s, so a failing backend sees at most 1 + budget times the traffic. Absent: no budget. */
                        budget?: number;
                    };
                    /** @description Hedged requests: { "after": "50ms" } or { "quantile": 0.95 }. The first answer wins; the other copy is still served (reported as wasted). */
                    hedge?: {
                        /** @description Send the second copy after this long without an answer. */
                        after: components["schemas"]["Duration"];
                    } | {
                        /** @description Send the second copy once the first has taken longer than this quantile of the class's attempts so far (0.95: its p95). */
                        quantile: number;
                    };
                    /** @description A client-side circuit breaker: { "failures": 5, "window": "10s", "openFor": "30s" }. Open, it fails requests at once; half-open, it lets one probe through and closes if it succeeds. */
                    circuitBreaker?: {
                        /**
                         * @description Failed attempts within `window` that open the circuit. Default 5.
                         * @default 5
                         */
                        failures?: number;
                        /** @description How far back failures count. Default 10s. */
                        window?: components["schemas"]["Duration"];
                        /** @description How long it stays open (requests fail at once, as rejected) before one probe is let through. Default 30s. */
                        openFor?: components["schemas"]["Duration"];
                    };
                    /** @description The key each request is about, for hash balancers and caches: { "zipf": { "keys": 1000, "s": 0.8 } } or { "uniform": { "keys": 1000 } }. */
                    key?: {
                        /** @description Zipf popularity: a few hot keys and a long tail. */
                        zipf: {
                            /** @description How many distinct keys there are (0 … keys − 1), at most 1,000,000,000. */
                            keys: number;
                            /** @description The exponent: key k is drawn with probability ∝ (k + 1)^−s; 0 is uniform, about 0.6–1.2 is typical of web and cache traffic. */
                            s: number;
                            /** @description A working set that moves: { "every": "60s", "by": 100 } makes keys 100 … 199 the hottest after a minute, 200 … 299 after two. */
                            shift?: {
                                /** @description How often the popular keys change (simulated time since the run began). */
                                every: components["schemas"]["Duration"];
                                /** @description How many ranks the popularity moves by each time: rank r's key becomes rank r + by's. */
                                by: number;
                            };
                        };
                    } | {
                        /** @description Every key equally likely. */
                        uniform: {
                            /** @description How many distinct keys there are (0 … keys − 1), at most 1,000,000,000. */
                            keys: number;
                        };
                    };
                    /**
                     * @description Its requests write the key they are about: a cache they call passes them to its target and invalidates the key (or writes it through, per the cache's onWrite). Default false.
                     * @default false
                     */
                    write?: boolean;
                    /** @description What the request does, in order. */
                    steps: components["schemas"]["Step"][];
                }[];
            } & (unknown | unknown);
            /** @description Name of the component every request arrives at (a key of `components`). */
            entry: string;
            /** @description The components of the system, by name; requests reach them by `entry` and by `call` steps. */
            components: {
                [key: string]: {
                    /** @constant */
                    type: "station";
                    /**
                     * @description Number of servers (c). Default 1.
                     * @default 1
                     */
                    servers?: number;
                    /**
                     * @description Queue discipline: "fcfs" first come first served (default), "lifo" last come first served, "priority" highest request priority first (non-preemptive), "deadline" earliest deadline (arrival + timeout) first, "ps" processor sharing.
                     * @default fcfs
                     * @enum {string}
                     */
                    discipline?: "fcfs" | "lifo" | "priority" | "deadline" | "ps";
                    /** @description The most requests in the station, in service and waiting together (K), at least `servers`; an arrival that finds it full is rejected and counted in requests.failed.rejected. Default: unbounded. */
                    capacity?: number;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "server";
                    /**
                     * @description CPU cores, at most 1024. Default 1.
                     * @default 1
                     */
                    cores?: number;
                    /** @description Round-robin time slice of the OS scheduler. Default 3ms (Linux CFS: 6 ms latency shared by runnable threads). */
                    timeslice?: components["schemas"]["Duration"];
                    /** @description Shortest slice: with n > 2 threads runnable on a core each gets max(2 × timeslice / n, minTimeslice), as CFS divides sched_latency. Default 0.75ms (sched_min_granularity). */
                    minTimeslice?: components["schemas"]["Duration"];
                    /** @description Core time lost each time a core switches to another thread. Default 3us. */
                    contextSwitch?: components["schemas"]["Duration"];
                    /** @description Core time lost refilling caches when a thread resumes on another core than before. Default 30us. */
                    migration?: components["schemas"]["Duration"];
                    /**
                     * @description "floating" (default): the OS moves threads to idle cores; "pinned": each thread stays on one core (taskset, worker_cpu_affinity).
                     * @default floating
                     * @enum {string}
                     */
                    affinity?: "pinned" | "floating";
                    /**
                     * @description How the server takes requests: { "kind": "thread-pool", "threads": 200, "queue": 100 }, { "kind": "event-loop", "workers": 2, "connections": 512 }, { "kind": "prefork", "workers": 5 } or { "kind": "threads", "threads": 8 }.
                     * @default {
                     *       "kind": "thread-pool",
                     *       "threads": 200,
                     *       "queue": 100,
                     *       "gil": false
                     *     }
                     */
                    architecture?: {
                        /** @constant */
                        kind: "event-loop";
                        /**
                         * @description Worker processes, one thread each (NGINX worker_processes), at most 4096. Default 1.
                         * @default 1
                         */
                        workers?: number;
                        /**
                         * @description Most open connections per worker (NGINX worker_connections, default 512); more wait in the accept queue.
                         * @default 512
                         */
                        connections?: number;
                        /**
                         * @description Only one thread of a process runs CPU work at a time, handing over every 5 ms while others wait (CPython's GIL). Default false.
                         * @default false
                         */
                        gil?: boolean;
                    } | {
                        /** @constant */
                        kind: "thread-pool";
                        /**
                         * @description Most threads, started as needed (Tomcat maxThreads, default 200).
                         * @default 200
                         */
                        threads?: number;
                        /**
                         * @description Accepted connections that may wait for a thread (Tomcat acceptCount, default 100); one more is rejected (HTTP 503, requests.failed.rejected).
                         * @default 100
                         */
                        queue?: number;
                        /**
                         * @description Only one thread of a process runs CPU work at a time, handing over every 5 ms while others wait (CPython's GIL). Default false.
                         * @default false
                         */
                        gil?: boolean;
                    } | {
                        /** @constant */
                        kind: "prefork";
                        /**
                         * @description Worker processes, each serving one request at a time (Gunicorn --workers, default 1), at most 4096.
                         * @default 1
                         */
                        workers?: number;
                        /**
                         * @description Only one thread of a process runs CPU work at a time, handing over every 5 ms while others wait (CPython's GIL). Default false.
                         * @default false
                         */
                        gil?: boolean;
                    } | {
                        /** @constant */
                        kind: "threads";
                        /** @description Threads of the one process (HAProxy nbthread), at most 4096. Default: one per core. */
                        threads?: number;
                        /**
                         * @description Most open connections in the process (HAProxy maxconn); more wait in the accept queue. Default 4096.
                         * @default 4096
                         */
                        connections?: number;
                        /**
                         * @description Only one thread of a process runs CPU work at a time, handing over every 5 ms while others wait (CPython's GIL). Default false.
                         * @default false
                         */
                        gil?: boolean;
                    };
                    /** @description With "gil": true, how long a thread runs holding the GIL while another waits for it before handing it over (CPython's sys.setswitchinterval). Default 5ms. */
                    gilSwitchInterval?: components["schemas"]["Duration"];
                    /**
                     * @description Listen backlog: connections waiting for accept(). The kernel caps it at somaxconn (4096). Default 511.
                     * @default 511
                     */
                    acceptBacklog?: number;
                    /**
                     * @description When the accept queue is full: "drop" (Linux default) ignores the handshake so the client retries after 1, 3, 7, 15, 31 s; "reset" answers RST (requests.failed.reset).
                     * @default drop
                     * @enum {string}
                     */
                    onOverflow?: "drop" | "reset";
                    /**
                     * @description Memory figures behind the result's peakMemory.
                     * @default {
                     *       "process": 10485760,
                     *       "thread": 1048576,
                     *       "connection": 16384
                     *     }
                     */
                    memory?: {
                        /**
                         * @description Resident bytes per process. Default 10485760.
                         * @default 10485760
                         */
                        process?: number;
                        /**
                         * @description Resident bytes per thread (its stack). Default 1048576.
                         * @default 1048576
                         */
                        thread?: number;
                        /**
                         * @description Resident bytes per open connection. Default 16384.
                         * @default 16384
                         */
                        connection?: number;
                    };
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "pool";
                    /**
                     * @description "pool" (default): an application-side pool (HikariCP); "transaction": a pgbouncer multiplexing client connections onto `size` server connections, one transaction at a time.
                     * @default pool
                     * @enum {string}
                     */
                    mode?: "pool" | "transaction";
                    /** @description Connections (to the target). Default 10 for a pool (HikariCP), 20 for transaction mode (pgbouncer default_pool_size). */
                    size?: number;
                    /** @description Callers that may wait for a connection ("pool" mode); one more is rejected. Default: unbounded. */
                    queue?: number;
                    /** @description Client connections accepted ("transaction" mode; pgbouncer max_client_conn, default 100); one more is rejected. */
                    clientConnections?: number;
                    /** @description Longest wait for a connection before the caller is rejected. Default 30s (HikariCP connectionTimeout); 120s in transaction mode (query_wait_timeout). */
                    acquireTimeout?: components["schemas"]["Duration"];
                    /** @description The component that serves each call on a connection: a station serves the call's `hold`; a server runs the call's `steps`. Absent: the pool holds the connection for the call's `hold` itself. */
                    target?: string;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | ({
                    /** @constant */
                    type: "cache";
                    /** @description The component a miss goes to (a station, server, pool or balancer): it serves the call's `hold` or runs its `steps`. Absent: a miss costs the call's `hold` at the cache itself, as a memoised computation. */
                    target?: string;
                    /** @description Entries the cache holds at most; one more evicts one by `policy`. Default: unbounded. */
                    capacity?: number;
                    /** @description Bytes the cache holds at most (each key `size` bytes); evicts until the new value fits. Default: unbounded. */
                    capacityBytes?: number;
                    /** @description Bytes per value, for `capacityBytes`: a number, or { "min": 100, "max": 10000 }. Default 1. */
                    size?: number | {
                        /** @description The smallest value, in bytes. */
                        min: number;
                        /** @description The largest value, in bytes. */
                        max: number;
                    };
                    /**
                     * @description What a full cache evicts: "lru" (default), "lfu", "fifo", "random", "sieve" (NSDI 2024) or "s3-fifo" (SOSP 2023).
                     * @default lru
                     * @enum {string}
                     */
                    policy?: "lru" | "lfu" | "fifo" | "random" | "sieve" | "s3-fifo";
                    /** @description How long a stored value lives, from when it was stored (a hit does not extend it): "60s", or a distribution such as { "uniform": ["50s", "70s"] } to spread expiries. Default: forever. */
                    ttl?: components["schemas"]["Distribution"];
                    /** @description What a hit costs, e.g. "200us" for a Redis GET over the network. Default 0. A miss costs the target's time only: add the lookup to the call's hold where it matters. */
                    hit?: components["schemas"]["Distribution"];
                    /**
                     * @description What concurrent misses of one key do: "each" (default; every miss calls the target: a stampede), "coalesce" (one call per key, the rest wait for it), "early-refresh" (XFetch: a read refreshes early with a probability that rises near expiry), "stale-while-revalidate" (an expired value is served while one refresh runs).
                     * @default each
                     * @enum {string}
                     */
                    onMiss?: "each" | "coalesce" | "early-refresh" | "stale-while-revalidate";
                    /** @description XFetch's β for "early-refresh" (Vattani et al., VLDB 2015): 1 (default) is optimal; larger refreshes earlier. */
                    beta?: number;
                    /** @description How long past expiry a value may still be served while it is refreshed ("stale-while-revalidate"). Default: any age. */
                    staleFor?: components["schemas"]["Duration"];
                    /** @description A call to the target not answered in this long fails; waiting readers fail with it (timeout). Default: never. */
                    fetchTimeout?: components["schemas"]["Duration"];
                    /**
                     * @description What a request of a class marked "write" does here: "invalidate" (default) drops the key and passes the write to the target; "write-through" passes it on and stores the new value when it returns.
                     * @default invalidate
                     * @enum {string}
                     */
                    onWrite?: "invalidate" | "write-through";
                    /**
                     * @description Keys stored before the run starts, the most popular first: true fills `capacity`, a number stores that many keys, false (default) starts cold.
                     * @default false
                     */
                    warm?: boolean | number;
                    /** @description Mean time between changes of each key's value at the source (Poisson), to measure staleness: a hit served after its value changed counts in staleHits. Default: values never change. */
                    changeEvery?: components["schemas"]["Duration"];
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } & (unknown & unknown & unknown & unknown)) | {
                    /** @constant */
                    type: "broker";
                    /** @description A delivered message that is not acked within this long becomes visible again and is delivered again (SQS default 30s; Celery's Redis transport: 1h). */
                    visibilityTimeout?: components["schemas"]["Duration"];
                    /** @description Deliveries after which a message goes to the dead-letter queue instead of being delivered again (SQS maxReceiveCount). Default: never. */
                    maxReceives?: number;
                    /**
                     * @description Priority levels (RabbitMQ x-max-priority): a task's priority 0 … levels − 1, higher delivered first. Default 1: one FIFO.
                     * @default 1
                     */
                    priorities?: number;
                    /** @description A message not yet delivered after this long is dropped (SQS MessageRetentionPeriod, default 4 days). */
                    retention?: components["schemas"]["Duration"];
                    /** @description Most messages waiting for delivery (RabbitMQ x-max-length); then `overflow` applies. Default: unbounded. */
                    maxLength?: number;
                    /**
                     * @description What a full queue does with one more message (RabbitMQ x-overflow): "drop-head" (default) drops the oldest waiting message; "reject-publish" refuses the publish, and the publishing request fails (503), which its client may retry.
                     * @default drop-head
                     * @enum {string}
                     */
                    overflow?: "drop-head" | "reject-publish";
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "exchange";
                    /** @description The queues bound to the exchange, each getting its own copy of every message published to it (RabbitMQ's fanout exchange, SNS topic → SQS subscriptions): brokers, each consumed by its own workers, or other exchanges (an exchange-to-exchange binding). A queue reached by two paths still gets one copy. Between 1 and 100, each listed once. */
                    queues: string[];
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "workers";
                    /** @description The broker whose tasks these workers run (a key of `components`). Default: the scenario's broker, when it has exactly one. */
                    broker?: string;
                    /** @description Processes, each running one task at a time (Celery --concurrency). Default: its server's cores (as Celery's default, the CPU count), or 1. */
                    processes?: number;
                    /** @description A server (a key of `components`) the workers run on: their `cpu` steps need its cores, shared with whatever else runs there. Default: none (a `cpu` step holds the process like `service`). */
                    server?: string;
                    /**
                     * @description Prefetch multiplier (Celery worker_prefetch_multiplier): at most prefetch × processes messages held unacked. 0: unlimited. Default 4.
                     * @default 4
                     */
                    prefetch?: number;
                    /**
                     * @description "early" (Celery's default): a task is acked just before it runs, so a crash loses it; "late" (acks_late): acked after it finishes, so a crash leaves it to be delivered again.
                     * @default early
                     * @enum {string}
                     */
                    acks?: "early" | "late";
                    /** @description Consumer priority (RabbitMQ's x-priority consumer argument, https://www.rabbitmq.com/docs/consumer-priority): the broker gives each message to a consumer of the highest priority that has room in its prefetch window, and to lower ones only while every higher one is full; consumers of equal priority take turns. Default 0. */
                    priority?: number;
                    /**
                     * @description "fair" (Celery -Ofair, the default since 4.0): a reserved task goes to the first idle process; "default": reserved tasks are handed to processes in turn as they arrive, so one can wait behind a long task while another process idles.
                     * @default fair
                     * @enum {string}
                     */
                    optimization?: "fair" | "default";
                    /**
                     * @description With late acks and crash "children": a task whose process was killed is requeued (true) rather than acked and lost (false, Celery's default).
                     * @default false
                     */
                    rejectOnWorkerLost?: boolean;
                    /**
                     * @description What an outage kills: "worker" (the machine; nothing is acked, unacked messages come back after the visibility timeout) or "children" (the pool's processes; the main process acks or requeues their tasks and keeps its reserved ones).
                     * @default worker
                     * @enum {string}
                     */
                    crash?: "worker" | "children";
                    /** @description A result backend (a key of `components`) each execution stores its result in before the process is free. Default: none. */
                    results?: string;
                    /** @description When the workers crash: [ { "at": "60s", "for": "30s" } ] or [ { "mtbf": "10m", "mttr": "30s" } ]. */
                    outages?: ({
                        /** @description When the crash happens, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long until the workers are back. */
                        for: components["schemas"]["Duration"];
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                    })[];
                } | {
                    /** @constant */
                    type: "result-backend";
                    /** @description Time to read a result (each poll that calls it). Default 0.5ms. */
                    read?: components["schemas"]["Distribution"];
                    /** @description Time to store a result (each execution, holding its worker process). Default 0.5ms. */
                    write?: components["schemas"]["Distribution"];
                    /**
                     * @description Operations served at once (Redis: one command at a time). Default 1.
                     * @default 1
                     */
                    servers?: number;
                    /** @description Operations in the store at once, waiting or served; one more is rejected (a full backend). Default: unbounded. */
                    capacity?: number;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "lock-service";
                    /** @description How long a lease lasts unless renewed. Default 10s. */
                    ttl?: components["schemas"]["Duration"];
                    /** @description How often a holder renews its lease (each renewal makes it last `ttl` from then). Default: ttl / 3. */
                    renew?: components["schemas"]["Duration"];
                    /** @description Callers that may wait for a held lock; one more is refused (0: try-lock, refuse at once). Default: unbounded. */
                    queue?: number;
                    /** @description Longest wait for the lock before the caller is refused. Default: forever. */
                    wait?: components["schemas"]["Duration"];
                    /** @description Pauses of the holders while they work in the critical section (their io and cpu steps): a paused holder neither works nor renews. */
                    pauses?: {
                        /** @description Pauses per second of running time (a Poisson process). */
                        rate: number;
                        /** @description How long each pause lasts: a distribution, e.g. { "exp": "5s" }. */
                        for: components["schemas"]["Distribution"];
                    };
                    /** @description Record the first this many lease events of the measured part (grants, pauses, wakes, expiries, releases, writes) in the result's `timeline`, for a chart. Default: none. */
                    timeline?: number;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "storage";
                    /**
                     * @description Check fencing tokens: refuse a write whose lock token is below the highest this storage has accepted for that lock (Kleppmann 2016). Default false.
                     * @default false
                     */
                    fencing?: boolean;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "leader-election";
                    /**
                     * @description Processes competing for the lease (at most 1000). Default 3.
                     * @default 3
                     */
                    candidates?: number;
                    /** @description How long followers wait after they last saw the lease change before taking it. Default 15s. */
                    leaseDuration?: components["schemas"]["Duration"];
                    /** @description The leader steps down when it has not renewed for this long. Default 10s. */
                    renewDeadline?: components["schemas"]["Duration"];
                    /** @description Time between a candidate's tries to acquire or renew the lease. Default 2s. */
                    retryPeriod?: components["schemas"]["Duration"];
                    /**
                     * @description A follower waits retryPeriod × (1 + jitter × u), u uniform in [0, 1), between tries. Default 1.2 (client-go).
                     * @default 1.2
                     */
                    jitter?: number;
                    /** @description Crashes of the leader: { "at": "60s", "for": "30s" } or { "every": { "exp": "120s" }, "for": "30s" }. */
                    crashes?: ({
                        /** @description When the leader crashes (measured from the start of the run). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it stays down before it restarts. Default: for good. */
                        for?: components["schemas"]["Distribution"];
                    } | {
                        /** @description Time between crashes of the leader, e.g. { "exp": "120s" }. */
                        every: components["schemas"]["Distribution"];
                        /** @description How long it stays down before it restarts. Default: for good. */
                        for?: components["schemas"]["Distribution"];
                    })[];
                    /** @description Pauses of each candidate (GC, stalls): a paused leader neither renews nor acts, and on waking acts until its next try shows it lost the lease. */
                    pauses?: {
                        /** @description Pauses per second of running time (a Poisson process). */
                        rate: number;
                        /** @description How long each pause lasts: a distribution, e.g. { "exp": "5s" }. */
                        for: components["schemas"]["Distribution"];
                    };
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | ({
                    /** @constant */
                    type: "balancer";
                    /**
                     * @description How a backend is chosen: "round-robin" (default), "weighted-round-robin" (smooth, as NGINX), "random" (by weight), "least-connections" (fewest in flight from this balancer, per weight), "power-of-two" (least loaded of `choices` sampled), "hash" (request key or client modulo the backends), "consistent-hash" (a ring of virtual nodes, optionally with bounded load).
                     * @default round-robin
                     * @enum {string}
                     */
                    algorithm?: "round-robin" | "weighted-round-robin" | "random" | "least-connections" | "power-of-two" | "hash" | "consistent-hash";
                    /**
                     * @description The components it sends to: names, or { "target": "s3", "weight": 5 } for a weight. With none, every request is rejected (503, as Envoy answers "no healthy upstream").
                     * @default []
                     */
                    backends?: (string | {
                        /** @description The backend: the name of any component. */
                        target: string;
                        /**
                         * @description Its weight, relative to the other backends'. Default 1.
                         * @default 1
                         */
                        weight?: number;
                    })[];
                    /** @description Backends sampled per request ("power-of-two" only). Default 2. */
                    choices?: number;
                    /** @description Points on the ring per backend, times its weight ("consistent-hash" only). Default 160 (ketama). */
                    virtualNodes?: number;
                    /** @description Consistent hashing with bounded loads ("consistent-hash" only): no backend takes more than ⌈c × the mean⌉ in flight; the next on the ring gets the request. Default: unbounded. */
                    boundedLoad?: number;
                    /** @description Active health checks (HAProxy's model): { "interval": "2s", "timeout": "1s", "fall": 3, "rise": 2 }. A check sees whether the backend is down (an outage), not how loaded it is. */
                    healthCheck?: {
                        /** @description Time between checks of each backend. Default 2s (HAProxy inter). */
                        interval?: components["schemas"]["Duration"];
                        /** @description How long a check waits for a hung backend before it fails. Default: the interval (HAProxy). */
                        timeout?: components["schemas"]["Duration"];
                        /**
                         * @description Consecutive failed checks that mark a backend down. Default 3.
                         * @default 3
                         */
                        fall?: number;
                        /**
                         * @description Consecutive passed checks that mark it up again. Default 2.
                         * @default 2
                         */
                        rise?: number;
                    };
                    /** @description Passive ejection (Envoy outlier detection, NGINX max_fails): { "consecutiveFailures": 5, "baseEjectionTime": "30s", "maxEjectionPercent": 10 }. */
                    outlierDetection?: {
                        /**
                         * @description Consecutive failed requests (rejected, reset or hung) that eject a backend. Default 5 (Envoy consecutive_5xx).
                         * @default 5
                         */
                        consecutiveFailures?: number;
                        /** @description How long the first ejection lasts; the n-th lasts n times as long. Default 30s. */
                        baseEjectionTime?: components["schemas"]["Duration"];
                        /**
                         * @description The most backends ejected at once, as a percentage (one may always be). Default 10.
                         * @default 10
                         */
                        maxEjectionPercent?: number;
                    };
                    /**
                     * @description Below this percentage of healthy backends the balancer sends to all of them, healthy or not (Envoy's panic threshold). Default 50; 0 never panics.
                     * @default 50
                     */
                    panicThreshold?: number;
                    /** @description A backend that comes back gets its weight ramped up linearly over this time, from 10% (Envoy slow start). Default 0: none. */
                    slowStart?: components["schemas"]["Duration"];
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } & (unknown & unknown & unknown)) | ({
                    /** @constant */
                    type: "limiter";
                    /**
                     * @description "token-bucket" (default): `burst` tokens refilled at `rate`/s, a request without a token refused; "leaky-bucket": NGINX limit_req, requests spaced at 1/`rate` with up to `burst` waiting (`nodelay`: passed at once); "sliding-window": at most `limit` per `window`, by the sliding window counter; "concurrency": at most `limit` in flight.
                     * @default token-bucket
                     * @enum {string}
                     */
                    algorithm?: "token-bucket" | "leaky-bucket" | "sliding-window" | "concurrency";
                    /** @description Requests per second the bucket lets through (token and leaky buckets). Default 100. */
                    rate?: number;
                    /** @description Token bucket: tokens it holds (default 1, at least 1 to pass anything); leaky bucket: requests that may wait beyond the rate (NGINX burst, default 0). */
                    burst?: number;
                    /** @description Leaky bucket: pass requests within the burst at once instead of spacing them (NGINX nodelay). Default false. */
                    nodelay?: boolean;
                    /** @description Sliding window: requests per window; concurrency: requests in flight at once. Default 100. */
                    limit?: number;
                    /** @description Sliding window: its length. Default 1s. */
                    window?: components["schemas"]["Duration"];
                    /**
                     * @description Whose requests share a limit: "global" (default) all of them; "key" each request key its own; "client" each client (a closed workload's user, or one of an open workload's population).
                     * @default global
                     * @enum {string}
                     */
                    per?: "global" | "key" | "client";
                    /** @description The component the requests it passes go to. Absent: a passed call ends at once. */
                    target?: string;
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } & (unknown & unknown & unknown & unknown & unknown)) | {
                    /** @constant */
                    type: "stream";
                    /**
                     * @description Partitions (Kafka num.partitions). Default 1.
                     * @default 1
                     */
                    partitions?: number;
                    /** @description A record not yet consumed after this long is deleted (Kafka log.retention, default 7 days). */
                    retention?: components["schemas"]["Duration"];
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "consumer-group";
                    /** @description The stream the group reads (a key of `components`). Default: the scenario's stream, when it has exactly one. */
                    stream?: string;
                    /**
                     * @description Consumers, each handling one record at a time from the partitions assigned to it. Default 1.
                     * @default 1
                     */
                    consumers?: number;
                    /** @description How long the whole group stops when a consumer joins or leaves (an eager rebalance). Default 3s. */
                    rebalance?: components["schemas"]["Duration"];
                    /** @description Changes to the number of consumers over the run, each followed by a rebalance. */
                    changes?: {
                        /** @description When, in simulated time from the start of the run. */
                        at: components["schemas"]["Duration"];
                        /** @description The group's consumers from then on. */
                        consumers: number;
                    }[];
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                } | {
                    /** @constant */
                    type: "dns";
                    /**
                     * @description Components the name resolves to (balancers, usually), rotated on each answer; a client uses the first. With none, every request fails (reset: nothing to connect to).
                     * @default []
                     */
                    addresses?: string[];
                    /** @description How long a client caches an answer. Default 300s. */
                    ttl?: components["schemas"]["Duration"];
                    /** @description Changes of the records over time; clients see each only when their cached answer expires. */
                    changes?: {
                        /** @description When the records change (simulated time from the start). */
                        at: components["schemas"]["Duration"];
                        /** @description The addresses from then on. */
                        addresses: string[];
                    }[];
                    /** @description Some clients cache longer than the TTL, as resolvers with a minimum TTL and JVMs do: { "share": 0.1, "ttl": "1h" }. Default: none. */
                    longCache?: {
                        /** @description The share of clients that cache longer. */
                        share: number;
                        /** @description How long they cache. */
                        ttl: components["schemas"]["Duration"];
                    };
                    /** @description When the component is down: [ { "at": "60s", "for": "30s" } ] or random failures [ { "mtbf": "10m", "mttr": "30s", "mode": "hang" } ]. Requests that reach it while down fail; those already inside finish. */
                    outages?: ({
                        /** @description When the outage starts, in simulated time from the start of the run (warm-up included). */
                        at: components["schemas"]["Duration"];
                        /** @description How long it lasts. */
                        for: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    } | {
                        /** @description Mean time between failures: each up period is exponential with this mean. */
                        mtbf: components["schemas"]["Duration"];
                        /** @description Mean time to repair: each outage is exponential with this mean. */
                        mttr: components["schemas"]["Duration"];
                        /**
                         * @description How the component fails: "refuse" (default) refuses connections, so a request fails at once and counts as reset (RST); "hang" accepts and never answers, so a request waits until its client's timeout.
                         * @default refuse
                         * @enum {string}
                         */
                        mode?: "refuse" | "hang";
                    })[];
                };
            };
        };
        /** @description A duration: a number of seconds (0.005) or a string with a unit: "250ns", "150us", "5ms", "2s", "1m", "1h". */
        Duration: number | string;
        /** @description A distribution of durations. A bare duration ("5ms") is a constant; an object with one key names a distribution: exp, uniform, normal, lognormal, erlang, hyperexp, pareto or empirical. */
        Distribution: components["schemas"]["Duration"] | {
            /** @description Mean of the exponential distribution. */
            exp: components["schemas"]["Duration"];
        } | {
            /** @description The lowest and highest value: [min, max]. */
            uniform: [
                components["schemas"]["Duration"],
                components["schemas"]["Duration"]
            ];
        } | {
            /** @description The mean and standard deviation. */
            normal: {
                /** @description Mean of the (untruncated) normal. */
                mean: components["schemas"]["Duration"];
                /** @description Standard deviation. */
                sd: components["schemas"]["Duration"];
            };
        } | {
            /** @description Either the median and 99th percentile, or mu and sigma. */
            lognormal: {
                /** @description The median (50th percentile). */
                median: components["schemas"]["Duration"];
                /** @description The 99th percentile; must exceed the median. */
                p99: components["schemas"]["Duration"];
            } | {
                /** @description Mean of the underlying normal (of ln X, X in seconds). */
                mu: number;
                /** @description Standard deviation of the underlying normal; at least 0. */
                sigma: number;
            };
        } | {
            /** @description The number of phases and the mean. */
            erlang: {
                /** @description Number of exponential phases; a whole number from 1 to 1000. */
                k: number;
                /** @description Mean of the whole (sum of the k phases). */
                mean: components["schemas"]["Duration"];
            };
        } | {
            /** @description The mean and the squared coefficient of variation. */
            hyperexp: {
                /** @description Mean. */
                mean: components["schemas"]["Duration"];
                /** @description Squared coefficient of variation (variance / mean²); at least 1. */
                scv: number;
            };
        } | {
            /** @description The scale and the shape. */
            pareto: {
                /** @description The smallest value (x_m). */
                scale: components["schemas"]["Duration"];
                /** @description Tail index alpha; the mean is finite only above 1, the variance above 2. */
                shape: number;
            };
        } | {
            /** @description The observed values; each is drawn with equal probability. */
            empirical: components["schemas"]["Duration"][];
        };
        /** @description One step of a request: an object with one of service, cpu, io, call, publish or fanout. */
        Step: {
            /** @description Service time at the station. */
            service: components["schemas"]["Distribution"];
        } | {
            /** @description CPU time needed. */
            cpu: components["schemas"]["Distribution"];
        } | {
            /** @description Time waiting on I/O. */
            io: components["schemas"]["Distribution"];
        } | {
            /** @description Name of the component called (a key of `components`). */
            call: string;
            /** @description How long a called station or pool serves the request. Required for a station or a pool. */
            hold?: components["schemas"]["Distribution"];
            /** @description What a called server does for the request. Required for a server. */
            steps?: components["schemas"]["Step"][];
        } | {
            /** @description The broker the task is published to (a key of `components`): point to point, one of its workers runs it. Or an exchange: every broker bound to it gets a copy, run by its own workers. Or a stream. */
            publish: string;
            /** @description The task published: its steps run on the workers that consume the broker. */
            task: {
                /**
                 * @description Name of the task (its class). Default "task".
                 * @default task
                 */
                name?: string;
                /** @description What an execution does, on a process of the workers that take it: { "service": … } holds the process, { "io": … } waits holding it, { "call": … } visits another component. */
                steps: components["schemas"]["Step"][];
                /**
                 * @description Priority level on a broker with `priorities` levels (higher first; capped at the top level). Default 0.
                 * @default 0
                 */
                priority?: number;
                /** @description Delayed delivery: the message becomes visible this long after it is published. Default 0. */
                countdown?: components["schemas"]["Duration"];
                /**
                 * @description Probability that an execution raises an error (retried as `retry` says). Default 0.
                 * @default 0
                 */
                fails?: number;
                /** @description How a failed execution is retried, as Celery's autoretry_for: { "maxRetries": 5, "backoff": "1s", "backoffMax": "600s", "jitter": true }. */
                retry?: {
                    /**
                     * @description Retries after the first execution fails (Celery max_retries). Default 3.
                     * @default 3
                     */
                    maxRetries?: number;
                    /** @description Delay before each retry when there is no backoff (Celery default_retry_delay). Default 180s. */
                    countdown?: components["schemas"]["Duration"];
                    /** @description Exponential backoff factor: retry n (0, 1, 2, …) waits backoff × 2^n, capped (Celery retry_backoff; true there is 1s). Default 0: no backoff, wait `countdown`. */
                    backoff?: components["schemas"]["Duration"];
                    /** @description Cap of the backoff (Celery retry_backoff_max). Default 600s. */
                    backoffMax?: components["schemas"]["Duration"];
                    /**
                     * @description Full jitter: each backoff is drawn uniformly between 0 and its value (Celery retry_jitter). Default true.
                     * @default true
                     */
                    jitter?: boolean;
                };
                /** @description Hard time limit (Celery time_limit): an execution still running after this long is killed and the task fails, without retry. Default: none. */
                timeLimit?: components["schemas"]["Duration"];
                /**
                 * @description Whether a task already done does nothing when delivered again (false: a duplicate delivery does the work twice, counted in duplicatesExecuted). Default false.
                 * @default false
                 */
                idempotent?: boolean;
                /**
                 * @description What a scheduled (cron) publish does while the previous run of this publish step is unfinished — waiting, running or due for a retry: "allow" (default) publishes another run beside it; "skip" publishes nothing, counted in the broker's `skipped`, and the request goes on at once (Kubernetes CronJob concurrencyPolicy Forbid, APScheduler max_instances 1).
                 * @enum {string}
                 */
                overlap?: "allow" | "skip";
            };
            /** @description How the client learns the task is done: { "by": "poll", "interval": "1s", "call": "api", "steps": [ … ] }, { "by": "long-poll", "timeout": "20s", "call": "api", "steps": [ … ] }, { "by": "push", "delay": "20ms" } or { "by": "none" } (fire and forget, the default). A publish to an exchange is always fire and forget: there is no one task to wait for. */
            wait?: {
                /**
                 * @description Fire and forget: the request goes on as soon as the task is published.
                 * @constant
                 */
                by: "none";
            } | {
                /**
                 * @description Poll the API every `interval`.
                 * @constant
                 */
                by: "poll";
                /** @description Time between polls, from when the previous one was sent. */
                interval: components["schemas"]["Duration"];
                /** @description The API component each poll calls (a key of `components`). */
                call: string;
                /** @description How long a called station or pool serves each poll. */
                hold?: components["schemas"]["Distribution"];
                /** @description What a called server does for each poll. */
                steps?: components["schemas"]["Step"][];
            } | {
                /**
                 * @description Long-poll the API: it holds each poll until the result or `timeout`.
                 * @constant
                 */
                by: "long-poll";
                /** @description How long the API holds a poll before answering empty (SQS allows at most 20 s). Default 20s. */
                timeout?: components["schemas"]["Duration"];
                /** @description The API component each poll calls (a key of `components`). */
                call: string;
                /** @description How long a called station or pool serves each poll. */
                hold?: components["schemas"]["Distribution"];
                /** @description What a called server does for each poll. */
                steps?: components["schemas"]["Step"][];
            } | {
                /**
                 * @description The result is pushed over a connection the client holds open.
                 * @constant
                 */
                by: "push";
                /** @description Network delay of the notification over the open connection (SSE, WebSocket). Default 0. */
                delay?: components["schemas"]["Distribution"];
            };
        } | {
            /** @description The calls a fan-out sends in parallel. */
            fanout: {
                /** @description Name of the component each copy calls (a balancer, to spread them). */
                call: string;
                /** @description How long a called station or pool serves each copy. */
                hold?: components["schemas"]["Distribution"];
                /** @description What a called server does for each copy. */
                steps?: components["schemas"]["Step"][];
                /** @description How many calls go out at once. */
                count: number;
                /** @description How many answers the request waits for (the first k), at most `count`. Default: all of them. */
                wait?: number;
            };
        };
        /** syslab program (version 1) */
        Program: {
            /**
             * @description The document format's version: always 1.
             * @constant
             */
            version: 1;
            /**
             * @description Always "program": a small concurrent program for the explorer.
             * @constant
             */
            kind: "program";
            /** @description A title for the program. */
            name?: string;
            /** @description What the program shows. Does not change the result. */
            description?: string;
            /**
             * @description "sc" (default): sequential consistency; "tso": x86-TSO, a FIFO store buffer per thread that fences and locked read-modify-writes drain.
             * @default sc
             * @enum {string}
             */
            memoryModel?: "sc" | "tso";
            /**
             * @description Shared variables and their initial values: { "counter": 0 }.
             * @default {}
             */
            shared?: {
                [key: string]: number;
            };
            /**
             * @description Shared variables whose loads and stores synchronise (atomics, Java volatile): they never race.
             * @default []
             */
            atomic?: string[];
            /**
             * @description Semaphores and their initial permits: { "slots": 2 }.
             * @default {}
             */
            semaphores?: {
                [key: string]: number;
            };
            /**
             * @description Whether a thread waiting on a condition variable may wake without a notify. Default false.
             * @default false
             */
            spuriousWakeups?: boolean;
            /**
             * @description Entries in each thread's store buffer under TSO; a store waits while it is full. Default 4.
             * @default 4
             */
            storeBuffer?: number;
            /** @description The threads, at most 8. */
            threads: ({
                /** @description The thread's name, shown in schedules. */
                name: string;
                steps: components["schemas"]["ProgramStep"][];
            } | {
                /** @description The thread's name. */
                name: string;
                /** @description Name of the thread whose steps it runs. */
                copy: string;
            })[];
            /**
             * @description What must hold of every execution.
             * @default {}
             */
            check?: {
                /** @description An expression over shared variables that must hold when every thread has finished: "counter == 2". */
                final?: string;
            };
            /**
             * @description How to search the program's schedules, and the budgets that end a search with a clear result.
             * @default {
             *       "strategy": "exhaustive",
             *       "reduction": "dpor",
             *       "preemptions": 2,
             *       "unbounded": true,
             *       "seed": 1,
             *       "depth": 3,
             *       "maxExecutions": 100000,
             *       "maxStates": 1000000,
             *       "maxSteps": 10000000,
             *       "maxWallTime": 10
             *     }
             */
            search?: {
                /**
                 * @description "exhaustive" (default): every schedule up to partial-order equivalence; "random": seeded random schedules; "pct": probabilistic concurrency testing, for programs too big to exhaust.
                 * @default exhaustive
                 * @enum {string}
                 */
                strategy?: "exhaustive" | "random" | "pct";
                /**
                 * @description "dpor" (default): one execution per equivalence class of schedules; "none": every interleaving.
                 * @default dpor
                 * @enum {string}
                 */
                reduction?: "dpor" | "none";
                /**
                 * @description Exhaustive search first runs with at most 0, 1, … this many preemptions (so each violation is first shown with the fewest), then without a bound. Default 2.
                 * @default 2
                 */
                preemptions?: number;
                /**
                 * @description Whether exhaustive search ends with a pass without a preemption bound (default true). With false, it covers only the schedules within `preemptions`.
                 * @default true
                 */
                unbounded?: boolean;
                /**
                 * @description Seed of random and PCT search. Default 1.
                 * @default 1
                 */
                seed?: number;
                /**
                 * @description PCT's bug depth (change points plus one). Default 3.
                 * @default 3
                 */
                depth?: number;
                /**
                 * @description Most executions explored. Default 100000.
                 * @default 100000
                 */
                maxExecutions?: number;
                /**
                 * @description Most distinct states recorded. Default 1000000.
                 * @default 1000000
                 */
                maxStates?: number;
                /**
                 * @description Most steps executed in all. Default 10000000.
                 * @default 10000000
                 */
                maxSteps?: number;
                /**
                 * @description Most seconds of real time. Default 10.
                 * @default 10
                 */
                maxWallTime?: number;
            };
        };
        /** @description One atomic step of a thread: an object with one of load, store, let, cas, fetchAdd, lock, unlock, tryLock, wait, notify, notifyAll, acquire, release, fence, yield, if, while or assert. */
        ProgramStep: {
            load: string;
            into: string;
        } | {
            store: string;
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            value: number | string;
        } | {
            let: string;
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            value: number | string;
        } | {
            cas: string;
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            expect: number | string;
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            value: number | string;
            into?: string;
        } | {
            fetchAdd: string;
            /**
             * @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0".
             * @default 1
             */
            by?: number | string;
            into?: string;
        } | {
            lock: string;
        } | {
            unlock: string;
        } | {
            tryLock: string;
            into: string;
        } | {
            wait: string;
            mutex: string;
        } | {
            notify: string;
        } | {
            notifyAll: string;
        } | {
            acquire: string;
        } | {
            release: string;
        } | {
            /** @constant */
            fence: true;
        } | {
            /** @constant */
            yield: true;
        } | {
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            if: number | string;
            then: components["schemas"]["ProgramStep"][];
            else?: components["schemas"]["ProgramStep"][];
        } | {
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            while: number | string;
            do: components["schemas"]["ProgramStep"][];
        } | {
            /** @description An integer, or an expression over registers such as "r + 1" or "f == 1 && t == 0". */
            assert: number | string;
            message?: string;
        };
        /** @description A scenario (no "kind"), simulated; or a program ("kind": "program"), explored. */
        Document: components["schemas"]["Scenario"] | components["schemas"]["Program"];
        SweepRequest: {
            scenario: components["schemas"]["Scenario"];
            /**
             * @description Where in the scenario each value goes, e.g. workload.arrival.rate or components.q.servers.
             * @example workload.arrival.rate
             */
            path: string;
            /** @description One run per value, each a normal run (deduplicated like POST /v1/runs). */
            values: (number | string | boolean | Record<string, unknown> | unknown[])[];
        };
        Links: {
            /** Format: uri */
            self: string;
            /** Format: uri */
            events: string;
            /** Format: uri */
            share: string;
            /** Format: uri */
            chart: string;
        };
        /** @description The Chrome Trace Event format's JSON object form. */
        ChromeTrace: {
            traceEvents: {
                name: string;
                /** @description b/e: async begin/end; X: complete; s/f: flow start/finish; M: metadata. */
                ph: string;
                /** @enum {string} */
                bp?: "e";
                pid: number;
                tid: number;
                /** @description Microseconds of simulated time. */
                ts?: number;
                dur?: number;
                cat?: string;
                id?: string;
                args?: Record<string, unknown>;
            }[];
            /** @enum {string} */
            displayTimeUnit: "ms";
        };
        /** @enum {string} */
        Status: "queued" | "running" | "done" | "failed";
        RunCreated: {
            id: string;
            status: components["schemas"]["Status"];
            name?: string | null;
            links: components["schemas"]["Links"];
        };
        SweepCreated: {
            path: string;
            values: unknown[];
            runs: (components["schemas"]["RunCreated"] & {
                value?: unknown;
            })[];
        };
        Run: {
            id: string;
            status: components["schemas"]["Status"];
            name?: string | null;
            engineVersion: string;
            scenarioHash: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            /** @description Wall-clock milliseconds the run took. */
            wallMs?: number | null;
            links: components["schemas"]["Links"];
            /** @description While running: the latest progress. */
            progress?: {
                simulatedTime?: number;
                events?: number;
                percent?: number;
            };
            /** @description When done: the result (see the Result contract in the docs). */
            result?: Record<string, unknown>;
            error?: components["schemas"]["RunError"];
        };
        ComparisonRequest: {
            /** @description A title for the comparison. */
            name?: string;
            a: components["schemas"]["Scenario"];
            b: components["schemas"]["Scenario"];
        };
        ComparisonLinks: {
            /** Format: uri */
            self: string;
        };
        ComparisonCreated: {
            id: string;
            status: components["schemas"]["Status"];
            name?: string | null;
            links: components["schemas"]["ComparisonLinks"];
        };
        /** @description b − a: its mean over the paired replications and a Student-t 95% interval. */
        Difference: {
            value: number;
            ci95: number[];
        };
        Comparison: {
            id: string;
            status: components["schemas"]["Status"];
            name?: string | null;
            engineVersion: string;
            /** @description Hash of the canonical comparison (both sides as paired). */
            scenarioHash: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt?: string | null;
            /** Format: date-time */
            finishedAt?: string | null;
            wallMs?: number | null;
            links: components["schemas"]["ComparisonLinks"];
            /** @description When done: each side's replicated result and the paired differences b − a. */
            result?: {
                a: Record<string, unknown>;
                b: Record<string, unknown>;
                difference: {
                    latency: {
                        mean: components["schemas"]["Difference"];
                        p50: components["schemas"]["Difference"];
                        p90: components["schemas"]["Difference"];
                        p99: components["schemas"]["Difference"];
                    };
                    wait: {
                        mean?: components["schemas"]["Difference"];
                        p99?: components["schemas"]["Difference"];
                    };
                    throughput: components["schemas"]["Difference"];
                    inSystem: {
                        mean?: components["schemas"]["Difference"];
                    };
                    components: {
                        [key: string]: {
                            utilization?: components["schemas"]["Difference"];
                        };
                    };
                };
            };
            error?: components["schemas"]["RunError"];
        };
        RunError: {
            /**
             * @example limit.events
             * @example limit.wall-time
             * @example limit.sim-time
             */
            code: string;
            title: string;
            message: string;
            hint: string;
            problems?: components["schemas"]["ValidationProblem"][];
        };
        ValidationProblem: {
            /** @example workload.requests[0].steps[1].call */
            path: string;
            code: string;
            message: string;
        };
        /** @description RFC 9457 problem details. */
        Problem: {
            /** Format: uri */
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            code: string;
            hint?: string;
            problems?: components["schemas"]["ValidationProblem"][];
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "draining";
            engineVersion: string;
            runs: {
                pending?: number;
                running?: number;
                queueLimit?: number;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    createRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Document"];
            };
        };
        responses: {
            /** @description This scenario was submitted before; the existing run. */
            200: {
                headers: {
                    /** @description URL of the run. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCreated"];
                };
            };
            /** @description A new run was queued. */
            201: {
                headers: {
                    /** @description URL of the run. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunCreated"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server sets API_TOKENS and the request carries no valid bearer token. */
            401: {
                headers: {
                    /** @description The scheme to use: Bearer realm="syslab". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than BODY_LIMIT. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The scenario (or sweep) is not valid; every problem is listed with its JSON path. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The run queue is full or the server is stopping; see Retry-After. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSweep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SweepRequest"];
            };
        };
        responses: {
            /** @description Every run existed already. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepCreated"];
                };
            };
            /** @description At least one new run was queued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepCreated"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server sets API_TOKENS and the request carries no valid bearer token. */
            401: {
                headers: {
                    /** @description The scheme to use: Bearer realm="syslab". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than BODY_LIMIT. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The scenario (or sweep) is not valid; every problem is listed with its JSON path. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The run queue is full or the server is stopping; see Retry-After. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createComparison: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComparisonRequest"];
            };
        };
        responses: {
            /** @description This pair was submitted before; the existing comparison. */
            200: {
                headers: {
                    /** @description URL of the comparison. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonCreated"];
                };
            };
            /** @description A new comparison was queued. */
            201: {
                headers: {
                    /** @description URL of the comparison. */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ComparisonCreated"];
                };
            };
            /** @description The body is not JSON. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server sets API_TOKENS and the request carries no valid bearer token. */
            401: {
                headers: {
                    /** @description The scheme to use: Bearer realm="syslab". */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than BODY_LIMIT. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Content-Type is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The scenario (or sweep) is not valid; every problem is listed with its JSON path. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; see Retry-After. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The run queue is full or the server is stopping; see Retry-After. */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getComparison: {
        parameters: {
            query?: {
                /** @description Long poll: seconds to wait for the comparison to finish (capped by the server's MAX_WAIT). */
                wait?: number;
            };
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comparison. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                };
            };
            /** @description `wait` is not a non-negative number. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No comparison has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: {
                /** @description Long poll: seconds to wait for the run to finish (capped by the server's MAX_WAIT). */
                wait?: number;
            };
            header?: {
                /** @description Entity tags from an earlier answer (or `*`): a done run whose tag is among them answers 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. A done run carries a strong `ETag`; an unfinished one carries none. */
            200: {
                headers: {
                    /** @description The done run's entity tag; absent while the run is queued or running. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The run is done and unchanged since the answer that gave the tag named in If-None-Match. */
            304: {
                headers: {
                    /** @description The done run's entity tag. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `wait` is not a non-negative number. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamRunEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description No run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRunChart: {
        parameters: {
            query?: {
                /** @description `latency` (percentiles, the default) or `series` (mean latency over time). */
                kind?: "latency" | "series";
            };
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chart; a placeholder while the run is unfinished. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description `kind` is not latency or series. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRunTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChromeTrace"];
                };
            };
            /** @description No run has this id (`run.not-found`), or it has no trace (`run.trace-not-found`): it is unfinished, failed, or its scenario has no `run.trace`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sharePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description No run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sharePageScriptTopologyAnimation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sharePageScriptTopologyPlayer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sharePageScriptTopologyFrames: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shareCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A run id, as returned by POST /v1/runs. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description No run has this id. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client. */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openApi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, unknown>;
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Serving. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Draining before a stop. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            /** @description Draining, or the run store cannot be reached. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
        };
    };
}
