// A traced scenario with every hop the topology animation draws: a balancer in front of two
// servers that share a connection pool to a database, every measured request traced.

export function tracedTopologyScenario(duration = "4s") {
  return {
    version: 1,
    name: "Two servers behind a balancer share a pool",
    seed: 5,
    run: { duration, warmup: "1s", trace: { sample: 1, max: 5000 } },
    workload: {
      arrival: { process: "poisson", rate: 200 },
      requests: [
        {
          name: "page",
          timeout: "1s",
          steps: [{ cpu: { exp: "2ms" } }, { call: "pool", hold: { exp: "8ms" } }, { cpu: "1ms" }],
        },
      ],
    },
    entry: "lb",
    components: {
      lb: { type: "balancer", algorithm: "round-robin", backends: ["web1", "web2"] },
      web1: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 16, queue: 50 } },
      web2: { type: "server", cores: 2, architecture: { kind: "thread-pool", threads: 16, queue: 50 } },
      pool: { type: "pool", size: 3, target: "db" },
      db: { type: "station", servers: 4 },
    },
  };
}
