// Components that others find by name rather than visit (a broker bound to an exchange, a stream
// and its consumer group, a result backend, a lock service) keep working when they have outages:
// the outage refuses what reaches them while down and stops what they hand out, nothing else.
import { describe, expect, test } from "vitest";
import type {
  BrokerStats,
  ConsumerGroupStats,
  ExchangeStats,
  Result,
  ResultBackendStats,
  ServerStats,
  StorageStats,
  StreamStats,
} from "../../../packages/sim-core/src/result/model";
import { simulate } from "../../../packages/sim-core/src/run/simulate";

type Json = Record<string, unknown>;

/** Evenly spaced arrival times, `gap` apart from `gap / 2`, before `until` (no arrival on an outage's edge). */
const evenly = (gap: number, until: number): number[] =>
  Array.from({ length: Math.floor(until / gap) }, (_, i) => (i + 0.5) * gap);
const within = (times: number[], from: number, to: number): number =>
  times.filter((t) => t >= from && t < to).length;
const stats = <T>(result: Result, name: string): T => result.components[name] as unknown as T;
const outagesOf = (result: Result, name: string) =>
  stats<{ outages: { failed: number } }>(result, name).outages;

const OUTAGE = { at: 100, for: 50 };
const arrivals = evenly(0.25, 300); // 1,200 arrivals, 200 of them in [100, 150)
const during = within(arrivals, 100, 150);
const task: Json = { name: "t", steps: [{ service: "100ms" }] };

function scenario(entry: string, components: Json, run: Json = { duration: 400 }, work = task): Json {
  return {
    version: 1,
    seed: 2,
    run,
    workload: {
      arrival: { process: "trace", arrivals },
      requests: [{ name: "r", steps: [{ publish: entry, task: work }] }],
    },
    entry,
    components,
  };
}

describe("an exchange", () => {
  test("a bound broker that is down refuses its copies; the other queue takes every one", () => {
    const result = simulate(
      scenario("fan", {
        fan: { type: "exchange", queues: ["a", "b"] },
        a: { type: "broker", outages: [OUTAGE] },
        b: { type: "broker" },
        wa: { type: "workers", broker: "a", processes: 2 },
        wb: { type: "workers", broker: "b", processes: 2 },
      }),
    );
    const fan = stats<ExchangeStats>(result, "fan");
    expect(fan.published).toBe(arrivals.length);
    expect(fan.queues.b!.published).toBe(arrivals.length);
    expect(fan.queues.a!.published).toBe(arrivals.length - during);
    expect(fan.queues.a!.refused).toBe(during);
    expect(fan.queues.a!.completed).toBe(arrivals.length - during);
    // The publisher is nacked, as for a queue that rejects the publish.
    expect(fan.refused).toBe(during);
    expect(result.requests.failed.rejected).toBe(during);
  });

  test("an exchange that is down, as the entry, refuses publishes; the rest reach both queues", () => {
    const result = simulate(
      scenario("fan", {
        fan: { type: "exchange", queues: ["a", "b"], outages: [OUTAGE] },
        a: { type: "broker" },
        b: { type: "broker" },
        wa: { type: "workers", broker: "a", processes: 2 },
        wb: { type: "workers", broker: "b", processes: 2 },
      }),
    );
    const fan = stats<ExchangeStats>(result, "fan");
    expect(fan.published).toBe(arrivals.length - during);
    expect(result.requests.failed.reset).toBe(during);
    expect(outagesOf(result, "fan").failed).toBe(during);
    for (const q of ["a", "b"])
      expect(stats<BrokerStats>(result, q).completed).toBe(arrivals.length - during);
  });
});

describe("a stream and its consumer group", () => {
  // One partition, one consumer at 5 records/s against 4 a second: it keeps up, with a little lag.
  const streamed = (streamOutages: Json[], groupOutages: Json[], run?: Json, work = task) =>
    simulate(
      scenario(
        "log",
        {
          log: { type: "stream", partitions: 1, outages: streamOutages },
          readers: { type: "consumer-group", stream: "log", consumers: 1, outages: groupOutages },
        },
        run,
        work,
      ),
    );

  test("a stream that is down refuses appends; its group reads all the others", () => {
    const result = streamed([OUTAGE], []);
    expect(stats<StreamStats>(result, "log").appended).toBe(arrivals.length - during);
    expect(result.requests.failed.reset).toBe(during);
    expect(stats<ConsumerGroupStats>(result, "readers").consumed).toBe(arrivals.length - during);
  });

  test("while its stream is down the group cannot fetch: its backlog waits, then is read", () => {
    // Records of 1 s against 4 a second: by 100 s a backlog of about 300 waits in the log.
    const slow = { name: "t", steps: [{ service: "1s" }] };
    const down = stats<ConsumerGroupStats>(
      streamed([OUTAGE], [], { warmup: 101, duration: 49 }, slow),
      "readers",
    );
    expect(down.consumed).toBe(0);
    expect(down.lag.max).toBeGreaterThan(250);
    expect(down.lag.mean).toBe(down.lag.max); // nothing appended, nothing read
    const after = stats<ConsumerGroupStats>(
      streamed([OUTAGE], [], { warmup: 150, duration: 50.5 }, slow),
      "readers",
    );
    expect(after.consumed).toBe(50); // one a second again, ending at 151 s, 152 s, …, 200 s
  });

  test("a group that is down reads nothing; the log keeps the records and the lag is worked off after", () => {
    // Inside the group's outage (from 101 s, when the record in hand is done, to 150 s) nothing is consumed
    // and every record appended adds to the lag.
    const down = streamed([], [OUTAGE], { warmup: 101, duration: 49 });
    const group = stats<ConsumerGroupStats>(down, "readers");
    expect(group.consumed).toBe(0);
    expect(group.partitionLag[0]!.growth * 49).toBeCloseTo(within(arrivals, 101, 150), 6);
    const whole = streamed([], [OUTAGE]);
    expect(stats<ConsumerGroupStats>(whole, "readers").consumed).toBe(arrivals.length);
    expect(stats<ConsumerGroupStats>(whole, "readers").lag.max).toBeGreaterThanOrEqual(during);
  });
});

describe("a result backend", () => {
  test("the workers store their results in it; a write while it is down fails the task", () => {
    const result = simulate(
      scenario("jobs", {
        jobs: { type: "broker" },
        work: { type: "workers", broker: "jobs", processes: 2, results: "store" },
        store: { type: "result-backend", write: "1ms", read: "1ms", outages: [OUTAGE] },
      }),
    );
    const b = stats<BrokerStats>(result, "jobs");
    const store = stats<ResultBackendStats>(result, "store");
    // Tasks of 100 ms published every 250 ms: each ends 100 ms after its arrival, so the writes
    // refused are those of the tasks published in [99.9, 149.9).
    const refused = within(arrivals, 99.9, 149.9);
    expect(store.writes).toBe(arrivals.length - refused);
    expect(outagesOf(result, "store").failed).toBe(refused);
    expect(b.failed).toBe(refused);
    expect(b.completed).toBe(arrivals.length - refused);
  });
});

describe("a lock service", () => {
  test("writes inside its critical sections hold its lease; while it is down the sections are refused", () => {
    const result = simulate({
      version: 1,
      seed: 3,
      run: { duration: 300 },
      workload: {
        arrival: { process: "trace", arrivals },
        requests: [{ name: "update", steps: [{ io: "20ms" }, { call: "store", hold: "10ms" }] }],
      },
      entry: "locks",
      components: {
        locks: { type: "lock-service", ttl: "10s", outages: [OUTAGE] },
        store: { type: "storage" },
      },
    });
    const store = stats<StorageStats>(result, "store");
    expect(result.requests.failed.reset).toBe(during);
    expect(store.writes).toBe(arrivals.length - during);
    expect(store.unlocked).toBe(0);
  });
});

describe("a server that workers run on", () => {
  test("with outages it is still the workers' machine: one process per core, their CPU its cores'", () => {
    const result = simulate(
      scenario(
        "jobs",
        {
          jobs: { type: "broker" },
          work: { type: "workers", broker: "jobs", server: "box" },
          box: {
            type: "server",
            cores: 4,
            contextSwitch: 0,
            architecture: { kind: "thread-pool", threads: 8 },
            outages: [OUTAGE],
          },
        },
        { duration: 400 },
        { name: "t", steps: [{ cpu: "100ms" }] },
      ),
    );
    expect(stats<{ processes: number }>(result, "work").processes).toBe(4);
    // 1,200 tasks of 100 ms of CPU over 400 s on 4 cores.
    expect(stats<ServerStats>(result, "box").cpu.useful).toBeCloseTo(120 / 1600, 6);
  });
});
