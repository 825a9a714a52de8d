// A client that retries: attempts are spawned children of the client's operation, spaced by
// capped exponential backoff with jitter, and each attempt's load is real load on the system.
import { describe, expect, test } from "vitest";
import type { ChildWatcher } from "../../../packages/sim-core/src/component/request-flow";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../../packages/sim-core/src/random/streams";
import { Measurements } from "../../../packages/sim-core/src/run/measurements";
import { type OperationHost, RetryingClient } from "../../../packages/sim-core/src/run/retrying-client";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import type { RetryPolicy } from "../../../packages/sim-core/src/scenario/model";
import type { CompiledStep } from "../../../packages/sim-core/src/workload/compiled-step";
import { Request } from "../../../packages/sim-core/src/workload/request";

/** Sends one operation whose every attempt fails at once; returns when each attempt went out and how it ended. */
function failingOperation(policy: RetryPolicy, seed = 1) {
  const sim = new Simulation();
  const sent: number[] = [];
  const finished: [number, string][] = [];
  const host: OperationHost = {
    spawn(parent: Request, _call: CompiledStep, watcher: ChildWatcher) {
      sent.push(sim.now);
      const attempt = new Request();
      attempt.parent = parent;
      attempt.parentGeneration = parent.generation;
      watcher.onChildEnd(attempt, "rejected");
      return attempt;
    },
    finishOperation: (_operation, outcome) => finished.push([sim.now, outcome]),
    counted: () => true,
  };
  const stats = new Measurements(1, 1, sim);
  const client = new RetryingClient(
    sim,
    randomStream(seed, "retry"),
    stats,
    {} as CompiledStep,
    policy,
    Infinity,
  );
  client.attach(host);
  client.send(new Request());
  sim.run();
  return { sent, finished, attempts: stats.classAttempts[0] };
}

const policy = (jitter: RetryPolicy["backoff"]["jitter"], attempts = 5): RetryPolicy => ({
  attempts,
  on: ["rejected", "reset", "timeout"],
  backoff: { base: 0.1, cap: 0.5, jitter },
});

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

describe("retry backoff", () => {
  test("without jitter, attempts are spaced base × 2^n, capped: 0.1, 0.2, 0.4, 0.5 s", () => {
    const { sent, finished, attempts } = failingOperation(policy("none"));
    expect(gaps(sent).map((g) => Number(g.toFixed(9)))).toEqual([0.1, 0.2, 0.4, 0.5]);
    expect(finished).toEqual([[sent[4], "rejected"]]); // the last failure is the operation's
    expect(attempts).toBe(5);
  });

  test.each([
    ["full", (ceiling: number): [number, number] => [0, ceiling]],
    ["equal", (ceiling: number): [number, number] => [ceiling / 2, ceiling]],
  ] as const)("%s jitter keeps each sleep within its bounds of the capped exponential", (jitter, bounds) => {
    for (let seed = 1; seed <= 200; seed++) {
      const { sent } = failingOperation(policy(jitter), seed);
      gaps(sent).forEach((gap, n) => {
        const [low, high] = bounds(Math.min(0.5, 0.1 * 2 ** n));
        expect(gap).toBeGreaterThanOrEqual(low);
        expect(gap).toBeLessThanOrEqual(high);
      });
    }
  });

  test("decorrelated jitter sleeps between base and three times the previous sleep, capped", () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { sent } = failingOperation(policy("decorrelated", 8), seed);
      let previous = 0.1;
      for (const gap of gaps(sent)) {
        expect(gap).toBeGreaterThanOrEqual(0.1 - 1e-12);
        expect(gap).toBeLessThanOrEqual(Math.min(0.5, previous * 3) + 1e-12);
        previous = gap;
      }
    }
  });

  test("a failure the policy does not retry on ends the operation at once", () => {
    const { sent, finished } = failingOperation({ ...policy("none"), on: ["timeout"] });
    expect(sent).toEqual([0]);
    expect(finished).toEqual([[0, "rejected"]]);
  });
});

// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited per test
function station(extra: any, cls: any) {
  return {
    version: 1,
    seed: 3,
    run: { duration: "2000s", warmup: "10s" },
    workload: { arrival: { process: "poisson", rate: 0.5 }, requests: [{ name: "r", ...cls }] },
    entry: "db",
    components: { db: { type: "station", ...extra } },
  };
}

describe("retrying clients in a run", () => {
  test("when every attempt is refused, the station sees each operation `attempts` times", () => {
    // The first request (in the warm-up) holds the only place for ever: every later attempt is refused.
    const result = simulate(
      station(
        { servers: 1, capacity: 1 },
        { steps: [{ service: 1e9 }], retry: { attempts: 3, backoff: { base: "10ms", jitter: "none" } } },
      ),
    );
    const refused = result.components.db!.rejected;
    const operations = result.requests.failed.rejected;
    expect(operations).toBeGreaterThan(800);
    expect(result.requests.completed).toBe(0);
    expect(Math.abs(refused / operations - 3)).toBeLessThan(0.01);
    expect(result.requests.byClass.r!.attempts).toBe(refused);
  });

  test("an attempt that times out keeps its place, so its retry adds load instead of replacing it", () => {
    // Each attempt needs 0.3 s but the client waits 0.2 s: both attempts time out, and both are served.
    const result = simulate(
      station(
        { servers: 1 },
        {
          timeout: "200ms",
          steps: [{ service: "300ms" }],
          retry: { attempts: 2, on: ["timeout"], backoff: { base: "1ms", jitter: "none" } },
        },
      ),
    );
    expect(result.requests.completed).toBe(0);
    // Counted by the measured window: an operation sent in the warm-up may fail inside it.
    expect(Math.abs(result.requests.failed.timeout - result.requests.arrived)).toBeLessThanOrEqual(2);
    expect(Math.abs(result.components.db!.served / result.requests.arrived - 2)).toBeLessThan(0.01);
  });

  test("retries turn a refusal into a success once there is room, and latency counts the backoff", () => {
    // Two places and 1 s of service at 0.5/s: a refused attempt retried 1.5 s later often gets in.
    const once = simulate(station({ servers: 1, capacity: 1 }, { steps: [{ service: "1s" }] }));
    const retried = simulate(
      station(
        { servers: 1, capacity: 1 },
        {
          steps: [{ service: "1s" }],
          retry: { attempts: 4, backoff: { base: "1500ms", cap: "2s", jitter: "none" } },
        },
      ),
    );
    expect(retried.requests.failed.rejected).toBeLessThan(0.3 * once.requests.failed.rejected);
    expect(retried.latency.max).toBeGreaterThan(2.5); // 1.5 s of backoff, then 1 s of service
    expect(retried.requests.byClass.r!.attempts).toBeGreaterThan(retried.requests.arrived);
  });
});
