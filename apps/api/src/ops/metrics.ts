// The process's Prometheus metrics (GET /metrics): runs by status (read from the store when scraped,
// so every replica reports the whole deployment), run durations where runs execute, HTTP latency by
// route and status, and Node's own figures (event loop, heap, GC).

import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type RunStore, runStatuses } from "../db/run-store";

/** What executing runs reports. */
export interface RunMetrics {
  observeRun(outcome: "done" | "failed", seconds: number): void;
}

export class Metrics implements RunMetrics {
  readonly registry = new Registry();
  private readonly runDuration: Histogram<"outcome">;
  private readonly httpDuration: Histogram<"method" | "route" | "status">;
  // Each (method, route, status) series bound once, so that a request builds no label set. Node's
  // parser admits a fixed list of methods, and routes and statuses are few: this stays small.
  private readonly httpSeries = new Map<string, { observe(seconds: number): void }>();

  constructor(store: Pick<RunStore, "countByStatus">) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    // prom-client collects every metric at once; the store's answer to the runs query also tells
    // whether it is up, so the second gauge waits for the first's query.
    let counted: Promise<boolean> = Promise.resolve(false);
    new Gauge({
      name: "syslab_runs",
      help: "Runs in the store by status (queued, running, done, failed).",
      labelNames: ["status"],
      registers,
      async collect() {
        counted = store.countByStatus().then(
          (counts) => {
            for (const status of runStatuses) this.set({ status }, counts[status]);
            return true;
          },
          () => {
            // Unknown is not zero: leave the series out rather than report a false count.
            this.reset();
            return false;
          },
        );
        await counted;
      },
    });
    new Gauge({
      name: "syslab_store_up",
      help: "1 when the run store answered this scrape, 0 when it could not be reached.",
      registers,
      async collect() {
        this.set((await counted) ? 1 : 0);
      },
    });
    this.runDuration = new Histogram({
      name: "syslab_run_duration_seconds",
      help: "Wall-clock time of the runs this process executed, by outcome (done, failed).",
      labelNames: ["outcome"],
      // From a quick M/M/c run to the default 30 s wall-time limit and beyond.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    });
    this.httpDuration = new Histogram({
      name: "syslab_http_request_duration_seconds",
      help: "Time to answer HTTP requests (to the first byte for event streams), by method, route and status.",
      labelNames: ["method", "route", "status"],
      // Sub-millisecond reads of stored runs up to long polls held for MAX_WAIT.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    });
  }

  observeRun(outcome: "done" | "failed", seconds: number): void {
    this.runDuration.observe({ outcome }, seconds);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.httpSeries.get(key);
    if (!series) {
      series = this.httpDuration.labels({ method, route, status: String(status) });
      this.httpSeries.set(key, series);
    }
    series.observe(seconds);
  }
}
