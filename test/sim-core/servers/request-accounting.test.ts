// A property over every pairing of architectures: each measured request ends exactly once —
// completed, rejected, reset or timed out — through accept queues, GILs, calls between servers,
// a pool and a bounded database, so no thread, connection or pooled request leaks.
import { describe, expect, test } from "vitest";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

const ARCHITECTURES = [
  { kind: "event-loop", workers: 2, connections: 20 },
  { kind: "thread-pool", threads: 8, queue: 5, gil: true },
  { kind: "prefork", workers: 3 },
  { kind: "threads", threads: 3, connections: 10, gil: true },
];

function scenario(web: object, api: object, onOverflow: string, affinity: string, seed: number) {
  return {
    version: 1,
    seed,
    run: { requests: 3000, warmup: 100 },
    workload: {
      arrival: { process: "onoff", rate: 400, on: "1s", off: "1s" },
      requests: [
        {
          name: "a",
          timeout: "300ms",
          steps: [
            { cpu: { exp: "2ms" } },
            {
              call: "api",
              steps: [{ cpu: { exp: "3ms" } }, { call: "pool", hold: { exp: "5ms" } }, { io: "4ms" }],
            },
            { io: { exp: "5ms" } },
          ],
        },
        { name: "b", weight: 0.3, steps: [{ io: "1ms" }, { call: "db", hold: "2ms" }, { cpu: "1ms" }] },
      ],
    },
    entry: "web",
    components: {
      web: { type: "server", cores: 2, affinity, architecture: web, acceptBacklog: 10, onOverflow },
      api: { type: "server", cores: 2, architecture: api, acceptBacklog: 10, onOverflow },
      pool: { type: "pool", size: 3, queue: 5, acquireTimeout: "20ms", target: "db" },
      db: { type: "station", servers: 2, capacity: 6 },
    },
  };
}

describe("request accounting through servers and pools", () => {
  let seed = 0;
  for (const web of ARCHITECTURES) {
    for (const api of ARCHITECTURES) {
      const onOverflow = seed % 2 === 0 ? "drop" : "reset";
      const affinity = seed % 3 === 0 ? "pinned" : "floating";
      const run = seed++;
      test(`${web.kind} calling ${api.kind} (${onOverflow}, ${affinity})`, () => {
        const result = simulate(scenario(web, api, onOverflow, affinity, run));
        const { arrived, completed, failed } = result.requests;
        expect(completed + failed.rejected + failed.reset + failed.timeout).toBe(arrived);
        expect(completed).toBeGreaterThan(0);
      });
    }
  }
});
