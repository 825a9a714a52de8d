// Scenarios for API tests: a quick M/M/c queue and a long one (a few seconds of wall time).

/** The M/M/c example from DESIGN.md, shortened: finishes in well under a second. */
export function quickScenario(seed = 7, requests = 20_000) {
  return {
    version: 1,
    name: `M/M/4 queue, seed ${seed}`,
    seed,
    run: { requests },
    workload: {
      arrival: { process: "poisson", rate: 3.6 },
      requests: [{ name: "job", steps: [{ service: { exp: "1s" } }] }],
    },
    entry: "q",
    components: { q: { type: "station", servers: 4 } },
  };
}

/** About two million events per million requests; at a few million events a second this runs for seconds. */
export function longScenario(seed = 11, requests = 3_000_000) {
  return { ...quickScenario(seed, requests), name: `long M/M/4 queue, seed ${seed}` };
}
