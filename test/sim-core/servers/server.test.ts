// The claims about servers on cores, each shown by a scenario from examples/servers run
// through the sweep API, and checked against the arithmetic the notes give.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Result, ServerStats } from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";
import { sweep } from "../../../packages/sim-core/src/run/sweep";

const EXAMPLES = join(import.meta.dirname, "../../../examples/servers");
// biome-ignore lint/suspicious/noExplicitAny: scenarios are plain JSON edited in place by some tests
const example = (name: string): any => JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), "utf8"));
const web = (result: Result): ServerStats => result.components.web as ServerStats;
const byValue = (name: string, path: string, values: (number | string | boolean)[]) =>
  new Map(
    sweep(example(name), path, values as (number | string)[]).rows.map((row) => [row.value, row.result]),
  );
const within = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected) / expected, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);

describe("threads on cores", () => {
  test("CPU-bound work saturates at cores / CPU time, whatever the thread count", () => {
    const runs = byValue("cpu-bound-saturation", "components.web.architecture.threads", [2, 8, 32, 256]);
    for (const result of runs.values()) {
      within(result.throughput, 2 / 0.01, 0.05);
      expect(web(result).cpu.useful).toBeGreaterThan(0.99);
    }
    // More threads add only waiting in the run queue: the tail grows.
    expect(runs.get(256)!.latency.p99).toBeGreaterThan(5 * runs.get(2)!.latency.p99);
  });

  test("with I/O wait, throughput rises with threads to cores × (1 + wait/compute) = 20, then flattens", () => {
    const runs = byValue(
      "io-wait-thread-count",
      "components.web.architecture.threads",
      [1, 2, 5, 10, 20, 40, 100],
    );
    // Below the knee each thread completes one request per 100 ms.
    for (const threads of [1, 2, 5, 10]) within(runs.get(threads)!.throughput, threads * 10, 0.1);
    expect(runs.get(20)!.throughput).toBeGreaterThan(0.75 * 200);
    within(runs.get(40)!.throughput, 200, 0.05);
    within(runs.get(100)!.throughput, runs.get(40)!.throughput, 0.03);
    expect(web(runs.get(100)!).cpu.useful).toBeGreaterThan(0.98);
  });

  test("with a switch cost, very many threads lose throughput: a knee near 20, then a decline", () => {
    const counts = [5, 10, 20, 40, 100, 400, 1000, 2000];
    const runs = byValue("thrashing", "components.web.architecture.threads", counts);
    const throughput = counts.map((n) => runs.get(n)!.throughput);
    const peak = Math.max(...throughput);
    expect([10, 20, 40]).toContain(counts[throughput.indexOf(peak)]);
    // Past the knee it only goes down …
    for (let i = counts.indexOf(40); i + 1 < counts.length; i++) {
      expect(throughput[i + 1]!).toBeLessThanOrEqual(throughput[i]! * 1.02);
    }
    expect(runs.get(1000)!.throughput).toBeLessThan(0.3 * peak);
    // … because switching eats a fifth of the cores (CFS slices at their 0.75 ms floor,
    // 200 µs per switch) and the requests that take longer than their 2 s timeout are wasted work.
    expect(web(runs.get(5)!).cpu.switching).toBeLessThan(0.02);
    expect(web(runs.get(100)!).cpu.switching).toBeGreaterThan(0.15);
    expect(web(runs.get(1000)!).wastedCpu).toBeGreaterThan(20 * web(runs.get(20)!).wastedCpu + 10);
    // The same sweep point with a 3 µs switch spends almost nothing on switching.
    const cheap = example("thrashing");
    cheap.components.web.contextSwitch = "3us";
    cheap.components.web.architecture.threads = 100;
    const cheapRun = simulate(cheap);
    expect(web(cheapRun).cpu.switching).toBeLessThan(0.01);
    expect(cheapRun.throughput).toBeGreaterThan(runs.get(100)!.throughput);
  });

  test("the notes' case: 2 cores, 1.8 s of CPU, 100 per second → about 1.1 completed per second", () => {
    const runs = byValue("cpu-heavy-breaks", "components.web.architecture.threads", [2, 200]);
    const limited = runs.get(2)!;
    within(limited.throughput, 2 / 1.8, 0.1);
    const { arrived, completed, failed } = limited.requests;
    expect((failed.rejected + failed.timeout) / arrived).toBeGreaterThan(0.98);
    expect(completed + failed.rejected + failed.timeout).toBeLessThanOrEqual(arrived + 5);
    // With 200 threads every request shares the cores with 199 others: none finishes within
    // its 30 s timeout, and the cores work for clients that have gone.
    const crowded = runs.get(200)!;
    expect(crowded.requests.completed).toBe(0);
    expect(web(crowded).cpu.useful).toBeGreaterThan(0.99);
    expect(web(crowded).wastedCpu / 120).toBeGreaterThan(1.5); // core-seconds per measured second
  });

  test("the scheduler's overhead is reported per core and adds up", () => {
    const result = byValue("thrashing", "components.web.architecture.threads", [100]).get(100)!;
    const cpu = web(result).cpu;
    expect(cpu.cores).toHaveLength(2);
    const mean = (pick: (c: { useful: number; switching: number }) => number) =>
      cpu.cores.reduce((s, c) => s + pick(c), 0) / 2;
    expect(mean((c) => c.useful)).toBeCloseTo(cpu.useful, 6);
    expect(mean((c) => c.switching)).toBeCloseTo(cpu.switching, 6);
    expect(web(result).utilization).toBeCloseTo(cpu.useful + cpu.switching, 6);
    expect(web(result).contextSwitches).toBeGreaterThan(0);
  });
});

describe("architectures", () => {
  test("an event loop holds thousands of slow requests on one core in little memory", () => {
    const loop = simulate(example("event-loop-slow-io"));
    expect(loop.requests.failed).toEqual({ rejected: 0, reset: 0, timeout: 0, limited: 0 });
    within(loop.throughput, 1000, 0.03); // everything offered
    expect(web(loop).inSystem.mean).toBeGreaterThan(1900); // ≈ 1000/s × 2 s, Little's law
    within(web(loop).cpu.useful, 1000 * 0.0003, 0.05);
    expect(web(loop).peakMemory).toBeLessThan(64 * 2 ** 20);
  });

  test("a thread pool of 200 runs out of threads on the same load; 4096 threads keep up in 2 GB", () => {
    const runs = byValue("thread-pool-slow-io", "components.web.architecture.threads", [200, 4096]);
    const small = runs.get(200)!;
    within(small.throughput, 200 / 2, 0.05);
    expect(small.requests.failed.rejected / small.requests.arrived).toBeGreaterThan(0.85);
    expect(web(small).cpu.useful).toBeLessThan(0.05); // the core idles while threads wait
    const large = runs.get(4096)!;
    expect(large.requests.failed.rejected).toBe(0);
    expect(web(large).peakMemory).toBeGreaterThan(1.9 * 2 ** 30);
    const loop = simulate(example("event-loop-slow-io"));
    expect(web(large).peakMemory).toBeGreaterThan(30 * web(loop).peakMemory);
  });

  test("a CPU-heavy step blocks the event loop for every request on it", () => {
    const runs = byValue("event-loop-head-of-line", "workload.requests.1.steps.0.cpu", ["1ms", "300ms"]);
    const alone = runs.get("1ms")!.requests.byClass.light!.latencyMean;
    const blocked = runs.get("300ms")!.requests.byClass.light!.latencyMean;
    within(alone, 0.012, 0.05); // 1 ms + 10 ms + 1 ms, nothing in the way
    expect(blocked).toBeGreaterThan(5 * alone);
    // Not for want of CPU: the loop's core is busy less than half the time.
    expect(web(runs.get("300ms")!).cpu.useful * 4).toBeLessThan(0.5);
  });

  test("with gil: true, CPU-bound threads of one process do not scale past one core", () => {
    const runs = byValue("gil-threads", "components.web.architecture.gil", [false, true]);
    within(runs.get(false)!.throughput, 4 / 0.02, 0.05);
    within(runs.get(true)!.throughput, 1 / 0.02, 0.08);
    within(web(runs.get(true)!).cpu.useful, 0.25, 0.02);
    // The threads kind (one process) is held back the same way.
    const threads = example("gil-threads");
    threads.components.web.architecture = { kind: "threads", threads: 4, connections: 100, gil: true };
    within(simulate(threads).throughput, 1 / 0.02, 0.08);
  });

  test("the GIL's switch interval trades I/O-bound latency for CPU-bound latency (the convoy effect)", () => {
    // Three I/O-bound requests (1 ms of CPU, 40 ms waiting) for each CPU-bound one (20 ms) share a GIL.
    const mixed = (interval?: string) => {
      const scenario = example("gil-threads");
      scenario.workload = {
        clients: { users: 16, think: 0 },
        requests: [
          { name: "io", weight: 3, steps: [{ cpu: { exp: "1ms" } }, { io: { exp: "40ms" } }] },
          { name: "cpu", weight: 1, steps: [{ cpu: { exp: "20ms" } }] },
        ],
      };
      scenario.components.web.architecture = { kind: "thread-pool", threads: 32, queue: 100, gil: true };
      if (interval !== undefined) scenario.components.web.gilSwitchInterval = interval;
      return simulate(scenario);
    };
    const [short, standard, long] = [mixed("1ms"), mixed(), mixed("100ms")];
    // Absent, the interval is CPython's 5 ms.
    expect(mixed("5ms").latency).toEqual(standard.latency);
    // A woken I/O-bound thread waits for the holder's interval to run out before it gets the GIL.
    expect(short.requests.byClass.io!.latencyMean).toBeLessThan(standard.requests.byClass.io!.latencyMean);
    expect(long.requests.byClass.io!.latencyMean).toBeGreaterThan(
      1.2 * standard.requests.byClass.io!.latencyMean,
    );
    // The CPU-bound threads, handed the GIL less often, finish sooner with a long interval.
    expect(long.requests.byClass.cpu!.latencyMean).toBeLessThan(short.requests.byClass.cpu!.latencyMean);
    // More hand-overs mean more context switches.
    expect(web(short).contextSwitches).toBeGreaterThan(2 * web(long).contextSwitches);
  });

  test("prefork processes, each with its own GIL, use all the cores", () => {
    const result = simulate(example("gil-prefork"));
    within(result.throughput, 4 / 0.02, 0.05);
    expect(web(result).cpu.useful).toBeGreaterThan(0.98);
  });
});

describe("the accept queue", () => {
  test("when full, connections get in on the clients' retransmissions: latencies come in waves, none fail", () => {
    const result = byValue("accept-queue-overflow", "components.web.onOverflow", ["drop"]).get("drop")!;
    expect(result.requests.failed).toEqual({ rejected: 0, reset: 0, timeout: 0, limited: 0 });
    const queue = web(result).acceptQueue;
    // Connections needing 1, 2, 3, 4 SYN retransmissions (1, 2, 3, 4 s late) …
    for (const k of [1, 2, 3, 4]) expect(queue.retransmitted[k]!).toBeGreaterThan(100);
    expect(queue.drops).toBeGreaterThan(1000);
    // … behind a queue that holds the backlog + 1 (sk_acceptq_is_full compares with >), with
    // SYN cookies once the SYN queue is as crowded.
    expect(queue.peak).toBe(65);
    expect(queue.synCookies).toBeGreaterThan(0);
    // Most wait for at least one retransmission; the tail waits for the requests' own, which
    // back off past the SYNs' 1-s steps.
    expect(result.latency.p50).toBeGreaterThan(1);
    expect(result.latency.p99).toBeGreaterThan(10);
    expect(result.latency.max).toBeLessThan(65);
  });

  test('with onOverflow "reset" a handshake ACK that finds the queue full is reset, but a SYN is still dropped and retried', () => {
    const result = byValue("accept-queue-overflow", "components.web.onOverflow", ["reset"]).get("reset")!;
    expect(result.requests.failed.reset).toBeGreaterThan(1000);
    expect(result.requests.failed.reset).toBe(web(result).acceptQueue.resets);
    expect(web(result).acceptQueue.retransmitted[1]!).toBeGreaterThan(100);
    expect(result.latency.max).toBeGreaterThan(1); // waited for a SYN retransmission
    expect(result.latency.max).toBeLessThan(10);
  });

  test("a blocking worker that accepts a connection before its request arrived waits in read() for it, holding its thread", () => {
    // One worker behind a backlog of 64, 1000 new connections in 2 s: a few connections are
    // established by the bare ACK that answers a SYN-ACK retransmission, without their request.
    const scenario = example("accept-queue-overflow");
    scenario.components.web.architecture.workers = 1;
    scenario.workload.arrival = {
      process: "poisson",
      rate: [
        { from: 0, rate: 500 },
        { from: "2s", rate: 0 },
      ],
    };
    scenario.workload.requests[0].steps = [{ io: "10ms" }];
    scenario.run = { duration: "70s" };
    const queue = web(simulate(scenario)).acceptQueue;
    expect(queue.acceptedBeforeData).toBeGreaterThan(0);
    // Each waits (its worker serving no one) until the client's next retransmission of its
    // request, which is at most one backed-off retransmission timeout away.
    expect(queue.readWait).toBeGreaterThan(0);
    expect(queue.readWait).toBeLessThan(27 * queue.acceptedBeforeData);
  });

  test("a thread pool's full queue rejects (503) rather than filling the accept queue", () => {
    const result = simulate(example("cpu-bound-saturation"));
    expect(result.requests.failed.rejected).toBeGreaterThan(0);
    expect(web(result).rejected).toBe(result.requests.failed.rejected);
    // Its acceptor takes each connection the moment the handshake completes.
    expect(web(result).acceptQueue.peak).toBeLessThanOrEqual(1);
  });
});

describe("affinity", () => {
  test("floating threads migrate and pay for it; pinned threads never migrate and complete more", () => {
    const runs = byValue("affinity", "components.web.affinity", ["floating", "pinned"]);
    const floating = web(runs.get("floating")!);
    const pinned = web(runs.get("pinned")!);
    expect(floating.migrations).toBeGreaterThan(1000);
    expect(pinned.migrations).toBe(0);
    expect(floating.cpu.switching).toBeGreaterThan(5 * pinned.cpu.switching);
    expect(runs.get("pinned")!.throughput).toBeGreaterThan(1.03 * runs.get("floating")!.throughput);
  });

  test("pinning hurts when a pinned thread waits for its busy core while another core idles", () => {
    const s = example("affinity");
    s.components.web.migration = "30us";
    s.components.web.architecture.threads = 8;
    s.workload.arrival.rate = 1300;
    const runs = new Map(
      sweep(s, "components.web.affinity", ["floating", "pinned"]).rows.map((r) => [r.value, r.result]),
    );
    expect(runs.get("floating")!.throughput).toBeGreaterThan(1.03 * runs.get("pinned")!.throughput);
  });
});

describe("calls and waits", () => {
  /** web calls `target` once per request; `calls` are the call step's fields. */
  const calling = (webArch: object, call: object, components: object, rate = 50) => ({
    version: 1,
    seed: 21,
    run: { duration: "20s", warmup: "2s" },
    workload: {
      arrival: { process: "poisson", rate },
      requests: [{ name: "r", steps: [{ cpu: "1ms" }, call, { cpu: "1ms" }] }],
    },
    entry: "web",
    components: { web: { type: "server", cores: 2, architecture: webArch }, ...components },
  });

  test("a call to another server runs the call's own steps there, on its cores", () => {
    const result = simulate(
      calling(
        { kind: "thread-pool", threads: 50, queue: 10 },
        { call: "api", steps: [{ cpu: "4ms" }, { io: "20ms" }] },
        { api: { type: "server", cores: 1, architecture: { kind: "event-loop", workers: 1 } } },
      ),
    );
    const api = result.components.api as ServerStats;
    within(api.cpu.useful, 50 * 0.004, 0.08); // 50/s × 4 ms on 1 core
    within(web(result).cpu.useful, (50 * 0.002) / 2, 0.08);
    expect(api.served).toBeGreaterThan(0);
    expect(result.latency.p50).toBeGreaterThan(0.026); // 1 + 4 + 20 + 1 ms at least
    expect(result.latency.p50).toBeLessThan(0.04);
  });

  test("a blocking thread is held through a call; an event loop's thread is not", () => {
    // One thread (or one loop) in front of a database that holds each call 100 ms.
    const db = { db: { type: "station", servers: 100 } };
    const call = { call: "db", hold: "100ms" };
    const blocking = simulate(calling({ kind: "thread-pool", threads: 1, queue: 1000 }, call, db, 50));
    const loop = simulate(calling({ kind: "event-loop", workers: 1 }, call, db, 50));
    within(blocking.throughput, 1 / 0.102, 0.05); // one request per 102 ms, the rest queue
    within(loop.throughput, 50, 0.05); // all of them
    within(web(loop).inSystem.mean, 50 * 0.102, 0.1); // ~5 requests in flight on one thread (Little's law)
    expect(web(blocking).queueLength.mean).toBeGreaterThan(200); // the rest pile up waiting for the thread
  });

  test("the same scenario and seed give the same result", () => {
    const a = simulate(example("thrashing"));
    const b = simulate(example("thrashing"));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
