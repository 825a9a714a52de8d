// Examples that cannot rot: each widget's default scenario (examples/docs/<widget>.json) runs through
// the CLI, and the numbers the built page states for it must be exactly what the CLI prints.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Result } from "@syslab/sim-core";
import { describe, expect, it } from "vitest";
import { DOCS_DIST, ROOT } from "./support/docs-server";

const run = promisify(execFile);
const EXAMPLES = join(ROOT, "examples/docs");

const runs = new Map<string, Promise<Result>>();

/** The CLI's result for a scenario file; each file runs once per test file. */
function cli(file: string): Promise<Result> {
  let result = runs.get(file);
  if (!result) {
    result = runCli(file);
    runs.set(file, result);
  }
  return result;
}

async function runCli(file: string): Promise<Result> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "apps/cli/src/main.ts", "--json", file],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(stdout) as Result;
}

/** The numbers a built page states for a widget: data-number id → data-value. */
async function pageNumbers(widget: string): Promise<Record<string, number>> {
  const entries = await readdir(DOCS_DIST, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith(".html"))) {
    const html = await readFile(join(entry.parentPath, entry.name), "utf8");
    const start = html.indexOf(`data-widget="${widget}"`);
    if (start < 0) continue;
    const section = html.slice(start, html.indexOf("</section>", start));
    return Object.fromEntries(
      [...section.matchAll(/data-number="([^"]+)" data-value="([^"]+)"/g)].map((m) => [m[1]!, Number(m[2])]),
    );
  }
  throw new Error(`no built page shows the ${widget} widget (build the site first)`);
}

/** For each widget, the page's key numbers as a function of the CLI's result for its default scenario. */
const STATED: Record<string, (result: Result) => Record<string, number>> = {
  "hockey-stick": (result) => ({
    "mean-latency": result.latency.mean,
    "p99-latency": result.latency.p99,
    "in-system": result.inSystem.mean,
    little: result.throughput * result.latency.mean,
  }),
  "threads-vs-cores": (result) => ({
    throughput: result.throughput,
    "p99-latency": result.latency.p99,
    switching: server(result, "web").cpu.switching,
  }),
  architectures: (result) => ({
    throughput: result.throughput,
    "p99-latency": result.latency.p99,
    "peak-memory": server(result, "web").peakMemory,
    failed: result.requests.failed.rejected + result.requests.failed.reset + result.requests.failed.timeout,
  }),
  overload: (result) => ({
    throughput: result.throughput,
    rejected: result.requests.failed.rejected,
    reset: result.requests.failed.reset,
    timeout: result.requests.failed.timeout,
    "p99-latency": result.latency.p99,
    dropped: server(result, "web").acceptQueue.drops,
  }),
  "connection-pools": (result) => ({
    throughput: result.throughput,
    "p99-latency": result.latency.p99,
    switching: server(result, "db").cpu.switching,
    "peak-memory": server(result, "db").peakMemory,
  }),
  "blocking-io": (result) => ({
    throughput: result.throughput,
    "cpu-busy": server(result, "web").cpu.useful,
    "p99-latency": result.latency.p99,
  }),
  "python-concurrency": (result) => ({
    throughput: result.throughput,
    "mean-latency": result.latency.mean,
    "p99-latency": result.latency.p99,
    "cores-busy": server(result, "app").cpu.useful,
  }),
  "lock-contention": (result) => ({
    "mean-wait": result.wait.mean,
    "p99-wait": result.wait.p99,
    "lock-busy": result.components.lock!.utilization,
    throughput: result.throughput,
  }),
  "waiting-for-jobs": (result) => {
    const jobs = result.components.jobs as unknown as {
      notificationDelay: { mean: number };
      pollRate: number;
      pollsPerTask: number;
    };
    return {
      "notification-delay": jobs.notificationDelay.mean,
      "api-requests": jobs.pollRate,
      "polls-per-job": jobs.pollsPerTask,
      "api-busy": result.components.api!.utilization,
      "p99-latency": result.latency.p99,
    };
  },
  "acks-and-crashes": (result) => {
    const jobs = result.components.jobs as unknown as {
      redelivered: number;
      duplicatesExecuted: number;
      completed: number;
    };
    return {
      lost: (result.components.work as unknown as { lost: number }).lost,
      redelivered: jobs.redelivered,
      duplicates: jobs.duplicatesExecuted,
      completed: jobs.completed,
      "p99-latency": result.latency.p99,
    };
  },
  "head-of-line": (result) => ({
    "short-latency": result.requests.byClass.short!.latencyMean,
    "long-latency": result.requests.byClass.long!.latencyMean,
    "p99-latency": result.latency.p99,
  }),
  "consumer-lag": (result) => {
    const readers = result.components.readers as unknown as {
      lag: { max: number };
      idleConsumers: number;
      consumed: number;
    };
    return { "max-lag": readers.lag.max, idle: readers.idleConsumers, consumed: readers.consumed };
  },
};

/** Widgets whose default scenario lives beside the other examples of its topic (examples/caching). */
const CACHING = join(ROOT, "examples/caching");
const STATED_ELSEWHERE: Record<string, { file: string; stated: (result: Result) => Record<string, number> }> =
  {
    // Its default scenario lives with the other coordination examples, whose figures
    // test/sim-core/locks/coordination-examples.test.ts checks; the widget adds only a timeline.
    "lease-timeline": {
      file: join(ROOT, "examples/coordination/lease-shorter-than-pause.json"),
      stated: (result) => {
        const figures = result.components as unknown as Record<string, Record<string, number>>;
        return {
          "unsafe-writes": figures.store!.unsafeWrites!,
          fenced: figures.store!.fencedRejections!,
          "stale-writes": figures.store!.staleWrites!,
          expired: figures.locks!.expired!,
          pauses: figures.locks!.pauses!,
          grants: figures.locks!.grants!,
        };
      },
    },
    // Its default scenario lives with the other balancing examples (test/sim-core/run/resilient-client.test.ts).
    "retry-storm": {
      file: join(ROOT, "examples/balancing/retry-storm.json"),
      stated: (result) => ({
        amplification: result.requests.byClass.r!.amplification,
        failed: result.requests.failed.timeout,
      }),
    },
    // The load-balancing page's hot-key run lives with the other balancing examples.
    "consistent-hashing": {
      file: join(ROOT, "examples/balancing/hot-keys-bounded-load.json"),
      stated: (result) => {
        const sent = Object.values(
          (result.components.lb as unknown as { backends: Record<string, { requests: number }> }).backends,
        ).map((b) => b.requests);
        return {
          "busiest-share": Math.max(...sent) / sent.reduce((a, b) => a + b, 0),
          "p99-latency": result.latency.p99,
        };
      },
    },
    "caching-miss-ratio": {
      file: join(CACHING, "caching-miss-ratio.json"),
      stated: (result) => ({
        "hit-ratio": cache(result).hitRatio,
        "mean-latency": result.latency.mean,
        "db-reads": cache(result).targetCalls,
      }),
    },
    "caching-stampede": {
      file: join(CACHING, "caching-stampede.json"),
      stated: (result) => ({
        "db-queries": cache(result).targetCalls,
        "p99-latency": result.latency.p99,
        "hit-ratio": cache(result).hitRatio,
        expirations: cache(result).expirations,
      }),
    },
    "caching-staleness": {
      file: join(CACHING, "caching-staleness.json"),
      stated: (result) => ({
        "hit-ratio": cache(result).hitRatio,
        "stale-hits": cache(result).staleHits,
        staleness: cache(result).staleness.mean,
        "db-reads": cache(result).targetCalls,
      }),
    },
  };

interface CacheFigures {
  hitRatio: number;
  targetCalls: number;
  expirations: number;
  staleHits: number;
  staleness: { mean: number };
}

function cache(result: Result): CacheFigures {
  return result.components.cache as unknown as CacheFigures;
}

interface ServerFigures {
  cpu: { switching: number; useful: number };
  peakMemory: number;
  acceptQueue: { drops: number };
}

function server(result: Result, name: string): ServerFigures {
  return result.components[name] as unknown as ServerFigures;
}

describe("docs examples", () => {
  it("has a default scenario for every widget", async () => {
    const files = (await readdir(EXAMPLES)).filter((f) => f.endsWith(".json"));
    for (const widget of Object.keys(STATED)) expect(files).toContain(`${widget}.json`);
  });

  for (const [widget, stated] of Object.entries(STATED)) {
    it(`${widget}: the page states what the CLI computes`, async () => {
      const result = await cli(join(EXAMPLES, `${widget}.json`));
      const page = await pageNumbers(widget);
      for (const [id, value] of Object.entries(stated(result))) expect(page[id], id).toBe(value);
    });
  }

  for (const [widget, { file, stated }] of Object.entries(STATED_ELSEWHERE)) {
    it(`${widget}: the page states what the CLI computes for ${file.slice(ROOT.length + 1)}`, async () => {
      const result = await cli(file);
      const page = await pageNumbers(widget);
      for (const [id, value] of Object.entries(stated(result))) expect(page[id], id).toBe(value);
    });
  }

  it("hockey-stick: M/M/1 at ρ = 0.8 matches theory and Little's law", async () => {
    const result = await cli(join(EXAMPLES, "hockey-stick.json"));
    // W = S / (1 − ρ) = 10 ms / 0.2 = 50 ms; 20 000 requests near ρ = 0.8 give a few per cent of noise.
    expect(result.latency.mean).toBeGreaterThan(0.044);
    expect(result.latency.mean).toBeLessThan(0.056);
    expect(result.components.q!.utilization).toBeCloseTo(0.8, 1);
    // L = λW holds for any stable system, sample path by sample path, up to edge effects.
    const littles = result.throughput * result.latency.mean;
    expect(Math.abs(result.inSystem.mean - littles) / littles).toBeLessThan(0.03);
  });

  it("threads-vs-cores: at the knee, cores × (1 + wait/compute) = 10 threads, most of the 1000/s ceiling is reached", async () => {
    const result = await cli(join(EXAMPLES, "threads-vs-cores.json"));
    expect(result.throughput).toBeGreaterThan(650);
    expect(result.throughput).toBeLessThan(1000);
  });

  it("architectures: a 50-thread pool completes 1200 requests/s of 1 ms CPU + 20 ms I/O on 2 cores", async () => {
    const result = await cli(join(EXAMPLES, "architectures.json"));
    expect(result.throughput).toBeGreaterThan(1000);
    expect(result.requests.failed.rejected + result.requests.failed.timeout).toBe(0);
  });

  it("overload: a full accept queue drops handshakes, so clients time out rather than get 503s or resets", async () => {
    const result = await cli(join(EXAMPLES, "overload.json"));
    expect(server(result, "web").acceptQueue.drops).toBeGreaterThan(0);
    expect(result.requests.failed.timeout).toBeGreaterThan(0);
    expect(result.requests.failed.rejected).toBe(0);
    expect(result.requests.failed.reset).toBe(0);
  });

  it("connection-pools: 256 backends on 4 cores lose throughput to switching, below the 1000 queries/s ceiling", async () => {
    const result = await cli(join(EXAMPLES, "connection-pools.json"));
    expect(server(result, "db").cpu.switching).toBeGreaterThan(0.03);
    expect(result.throughput).toBeLessThan(850);
  });

  it("blocking-io: one blocking thread completes 1 / (50 ms + 50 ms) = 10 requests/s, its core half busy", async () => {
    const result = await cli(join(EXAMPLES, "blocking-io.json"));
    // Constant times and three clients with no think time: the run is periodic, so the figures are exact
    // up to the last unfinished cycle of the 20 s window.
    expect(result.throughput).toBeGreaterThan(9.9);
    expect(result.throughput).toBeLessThanOrEqual(10);
    expect(server(result, "web").cpu.useful).toBeCloseTo(0.5, 2);
    // Each request waits for the two ahead of it: 3 × 100 ms from send to answer.
    expect(result.latency.p99).toBeCloseTo(0.3, 3);
  });

  it("python-concurrency: 32 threads under one GIL keep at most one of four cores busy", async () => {
    const result = await cli(join(EXAMPLES, "python-concurrency.json"));
    expect(server(result, "app").cpu.useful).toBeLessThanOrEqual(0.25);
    expect(server(result, "app").cpu.useful).toBeGreaterThan(0.2);
    // One core's worth of Python: 3 requests of 1 ms for each of 20 ms, 23 ms per 4 requests at most 174/s.
    expect(result.throughput).toBeLessThan(4 / 0.023);
  });

  it("lock-contention: 8 threads, 100 µs inside and 1 ms outside wait as mean value analysis says (109 µs)", async () => {
    const result = await cli(join(EXAMPLES, "lock-contention.json"));
    // MVA for N = 8, Z = 1 ms, S = 100 µs: R = 209 µs, so a wait of 109 µs and X = 6,617 /s (lock 66 % busy).
    expect(result.wait.mean).toBeGreaterThan(0.000098);
    expect(result.wait.mean).toBeLessThan(0.00012);
    expect(result.components.lock!.utilization).toBeCloseTo(0.66, 1);
    expect(result.throughput).toBeGreaterThan(6300);
    expect(result.throughput).toBeLessThan(6900);
  });

  it("playground: the default scenario is an M/M/4 at 90% utilisation", async () => {
    const result = await cli(join(EXAMPLES, "playground.json"));
    expect(result.components.q!.utilization).toBeGreaterThan(0.85);
    expect(result.components.q!.utilization).toBeLessThan(0.95);
    expect(result.requests.completed).toBeGreaterThan(19_000);
  });
});
