import { describe, expect, test } from "vitest";
import type { Problem } from "../../../packages/sim-core/src/errors/problem";
import type { Scenario } from "../../../packages/sim-core/src/scenario/model";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";
import { designFull, designMmc, tandem } from "./scenario-fixtures";

function valid(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(`expected a valid scenario, got:\n${lines(parsed.problems)}`);
  return parsed.scenario;
}

function problems(input: unknown): Problem[] {
  const parsed = parseScenario(input);
  if (parsed.ok) throw new Error("expected problems, the scenario validated");
  return parsed.problems;
}

const lines = (list: Problem[]) => list.map((p) => `${p.path}: ${p.message}`).join("\n");
const where = (list: Problem[]) => list.map((p) => [p.path, p.code]);

describe("valid scenarios", () => {
  test("DESIGN.md's smallest M/M/c parses, with every default filled in", () => {
    expect(valid(designMmc)).toEqual({
      version: 1,
      seed: 7,
      run: {
        length: { kind: "requests", count: 200000 },
        warmup: { kind: "requests", count: 0 },
        limits: {},
      },
      workload: {
        arrival: { process: "poisson", rate: 3.6 },
        requests: [
          {
            name: "job",
            weight: 1,
            priority: 0,
            steps: [{ kind: "service", duration: { kind: "exp", mean: 1 } }],
          },
        ],
      },
      entry: "q",
      components: { q: { type: "station", servers: 4, discipline: "fcfs" } },
    });
  });

  test("DESIGN.md's full example parses", () => {
    const parsed = parseScenario(designFull);
    expect(parsed.ok ? "" : lines(parsed.problems)).toBe("");
    if (!parsed.ok) return;
    expect(parsed.scenario.components.web).toMatchObject({ type: "server", cores: 2 });
    expect(parsed.scenario.run).toEqual({
      length: { kind: "time", duration: 60 },
      warmup: { kind: "time", duration: 5 },
      limits: {},
    });
    const steps = parsed.scenario.workload.requests[0]!.steps;
    expect(steps[0]).toEqual({ kind: "cpu", duration: { kind: "exp", mean: 0.005 } });
    expect(steps[1]).toMatchObject({ kind: "call", target: "db", hold: { kind: "lognormal" } });
    expect(parsed.scenario.workload.requests[0]!.timeout).toBe(2);
  });

  test("a run by duration takes its warm-up as a duration; limits are read in seconds and counts", () => {
    const s = tandem();
    s.run = {
      duration: "2m",
      warmup: "500ms",
      limits: { maxEvents: 1000000, maxWallTime: "30s", maxSimTime: "1h" },
    };
    expect(valid(s).run).toEqual({
      length: { kind: "time", duration: 120 },
      warmup: { kind: "time", duration: 0.5 },
      limits: { maxEvents: 1000000, maxWallTime: 30, maxSimTime: 3600 },
    });
  });

  test("a run by requests takes its warm-up as a count", () => {
    const s = tandem();
    s.run = { requests: 5000, warmup: 100 };
    expect(valid(s).run.warmup).toEqual({ kind: "requests", count: 100 });
  });

  test("the seed defaults to 1; description and $schema are accepted and left out of the normalized scenario", () => {
    const s = tandem();
    delete s.seed;
    s.description = "what this shows";
    s.$schema = "https://example.org/scenario.schema.json";
    const scenario = valid(s);
    expect(scenario.seed).toBe(1);
    expect(scenario).not.toHaveProperty("description");
    expect(scenario).not.toHaveProperty("$schema");
  });

  test("closed clients: users and think time (0 when absent)", () => {
    const s = tandem();
    delete s.workload.arrival;
    s.workload.clients = { users: 10 };
    expect(valid(s).workload.clients).toEqual({ users: 10, think: { kind: "constant", value: 0 } });
    s.workload.clients = { users: 10, think: { exp: "1s" } };
    expect(valid(s).workload.clients).toEqual({ users: 10, think: { kind: "exp", mean: 1 } });
  });

  test("arrival processes: constant, piecewise rate, on/off", () => {
    const s = tandem();
    s.workload.arrival = { process: "constant", rate: 50 };
    expect(valid(s).workload.arrival).toEqual({ process: "constant", rate: 50 });
    s.workload.arrival = {
      process: "poisson",
      rate: [
        { from: "0s", rate: 10 },
        { from: "1m", rate: 0 },
      ],
    };
    expect(valid(s).workload.arrival).toEqual({
      process: "poisson",
      rate: [
        { from: 0, rate: 10 },
        { from: 60, rate: 0 },
      ],
    });
    s.workload.arrival = { process: "onoff", rate: 300, on: "1s", off: { exp: "4s" } };
    expect(valid(s).workload.arrival).toEqual({
      process: "onoff",
      rate: 300,
      on: { kind: "constant", value: 1 },
      off: { kind: "exp", mean: 4 },
    });
  });

  test("request classes: weight, priority and timeout", () => {
    const s = tandem();
    s.workload.requests.push({
      name: "batch",
      weight: 3,
      priority: -1,
      timeout: "250ms",
      steps: [{ service: "1ms" }],
    });
    const [page, batch] = valid(s).workload.requests;
    expect(page).toMatchObject({ name: "page", weight: 1, priority: 0 });
    expect(page).not.toHaveProperty("timeout");
    expect(batch).toMatchObject({ name: "batch", weight: 3, priority: -1, timeout: 0.25 });
  });

  test("stations: disciplines and capacity", () => {
    const s = tandem();
    s.components.web = { type: "station", servers: 3, discipline: "ps", capacity: 3 };
    expect(valid(s).components.web).toEqual({ type: "station", servers: 3, discipline: "ps", capacity: 3 });
    for (const discipline of ["fcfs", "lifo", "priority", "ps"]) {
      s.components.web = { type: "station", discipline };
      expect(valid(s).components.web).toMatchObject({ discipline });
    }
  });

  test("a call step keeps its target and hold", () => {
    expect(valid(tandem()).workload.requests[0]!.steps[1]).toEqual({
      kind: "call",
      target: "db",
      hold: { kind: "constant", value: 0.002 },
    });
  });
});

describe("problems", () => {
  test("input that is not an object", () => {
    for (const input of [null, [], "scenario", 3]) {
      expect(where(problems(input))).toEqual([["", "scenario.not-object"]]);
    }
  });

  test("missing top-level fields are each reported by name", () => {
    expect(where(problems({}))).toEqual([
      ["version", "scenario.required"],
      ["run", "scenario.required"],
      ["workload", "scenario.required"],
      ["entry", "scenario.required"],
      ["components", "scenario.required"],
    ]);
  });

  test("version must be 1", () => {
    const s = tandem();
    s.version = 2;
    expect(where(problems(s))).toEqual([["version", "scenario.version"]]);
  });

  test("unknown keys, at any depth, with a suggestion for a near miss", () => {
    const s = tandem();
    s.entyr = "web";
    s.components.web.sevrers = 2;
    const found = problems(s);
    const byPath = new Map(found.map((p) => [p.path, p]));
    expect([...byPath.keys()].sort()).toEqual(["components.web.sevrers", "entyr"]);
    expect(byPath.get("entyr")).toMatchObject({
      code: "scenario.unknown-key",
      message: expect.stringContaining('Did you mean "entry"?'),
    });
    expect(byPath.get("components.web.sevrers")).toMatchObject({
      code: "scenario.unknown-key",
      message: expect.stringContaining('Did you mean "servers"?'),
    });
  });

  test("wrong unit, negative rate, bad seed, zero servers", () => {
    const s = tandem();
    s.run.duration = "10 sec";
    s.workload.arrival.rate = -5;
    s.seed = 1.5;
    s.components.web.servers = 0;
    expect(where(problems(s))).toEqual([
      ["seed", "scenario.integer"],
      ["run.duration", "scenario.duration"],
      ["workload.arrival.rate", "scenario.too-small"],
      ["components.web.servers", "scenario.too-small"],
    ]);
  });

  test("run: exactly one of duration or requests, and a warm-up of the same kind", () => {
    const s = tandem();
    s.run = {};
    expect(where(problems(s))).toEqual([["run", "scenario.run-length"]]);
    s.run = { duration: "10s", requests: 100 };
    expect(where(problems(s))).toEqual([["run", "scenario.run-length"]]);
    s.run = { requests: 100, warmup: "5s" };
    expect(where(problems(s))).toEqual([["run.warmup", "scenario.warmup"]]);
    s.run = { requests: 100, warmup: 2.5 };
    expect(where(problems(s))).toEqual([["run.warmup", "scenario.warmup"]]);
    s.run = { duration: "10s", warmup: "5 s" };
    expect(where(problems(s))).toEqual([["run.warmup", "scenario.warmup"]]);
    s.run = { requests: 0 };
    expect(where(problems(s))).toEqual([["run.requests", "scenario.too-small"]]);
  });

  test("the workload needs exactly one of arrival and clients", () => {
    const s = tandem();
    s.workload.clients = { users: 5 };
    expect(where(problems(s))).toEqual([["workload", "scenario.workload-kind"]]);
    delete s.workload.clients;
    delete s.workload.arrival;
    expect(where(problems(s))).toEqual([["workload", "scenario.workload-kind"]]);
  });

  test("clients: users must be a whole number, at least 1", () => {
    const s = tandem();
    delete s.workload.arrival;
    s.workload.clients = { users: 2.5 };
    expect(where(problems(s))).toEqual([["workload.clients.users", "scenario.integer"]]);
    s.workload.clients = { users: 0 };
    expect(where(problems(s))).toEqual([["workload.clients.users", "scenario.too-small"]]);
  });

  test("arrival process names, with a suggestion", () => {
    const s = tandem();
    s.workload.arrival = { process: "poison", rate: 5 };
    const found = problems(s);
    expect(where(found)).toEqual([["workload.arrival.process", "scenario.value"]]);
    expect(found[0]!.message).toContain('Did you mean "poisson"?');
    s.workload.arrival = { rate: 5 };
    expect(where(problems(s))).toEqual([["workload.arrival.process", "scenario.required"]]);
    s.workload.arrival = [];
    expect(where(problems(s))).toEqual([["workload.arrival", "scenario.type"]]);
  });

  test("a missing field of a trace, a diurnal curve or a flash crowd says what to write", () => {
    const s = tandem();
    const message = (arrival: unknown) => {
      s.workload.arrival = arrival as Scenario["workload"]["arrival"];
      return lines(problems(s));
    };
    expect(message({ rate: 5 })).toContain('"poisson", "constant", "onoff" or "trace"');
    expect(message({ process: "trace" })).toContain('e.g. "arrivals": [0.1, "250ms"');
    expect(message({ process: "poisson", rate: 5, diurnal: {} })).toContain('e.g. "peakFactor": 3');
    const crowd = message({ process: "poisson", rate: 5, flashCrowds: [{}] });
    expect(crowd).toContain('e.g. "at": "60s"');
    expect(crowd).toContain('e.g. "for": "30s"');
    expect(crowd).toContain('e.g. "factor": 5');
  });

  test("piecewise rates start at 0, increase, and are not all zero", () => {
    const s = tandem();
    s.workload.arrival.rate = [
      { from: "1s", rate: 5 },
      { from: "1s", rate: 6 },
    ];
    expect(where(problems(s))).toEqual([
      ["workload.arrival.rate[0].from", "scenario.rate-segments"],
      ["workload.arrival.rate[1].from", "scenario.rate-segments"],
    ]);
    s.workload.arrival.rate = [{ from: 0, rate: 0 }];
    expect(where(problems(s))).toEqual([["workload.arrival.rate", "scenario.rate-segments"]]);
    s.workload.arrival.rate = [];
    expect(where(problems(s))).toEqual([["workload.arrival.rate", "scenario.rate-segments"]]);
  });

  test("request classes: a name, unique; positive weight; at least one step; at least one class", () => {
    const s = tandem();
    s.workload.requests.push({ name: "page", weight: 0, steps: [] });
    s.workload.requests.push({ steps: [{ service: "1ms" }] });
    expect(where(problems(s))).toEqual([
      ["workload.requests[1].weight", "scenario.too-small"],
      ["workload.requests[1].steps", "scenario.empty"],
      ["workload.requests[2].name", "scenario.required"],
      ["workload.requests[1].name", "scenario.duplicate-name"],
    ]);
    s.workload.requests = [];
    expect(where(problems(s))).toEqual([["workload.requests", "scenario.empty"]]);
  });

  test("an unknown step, with a suggestion", () => {
    const s = tandem();
    s.workload.requests[0].steps[0] = { servce: "1ms" };
    const found = problems(s);
    expect(where(found)).toEqual([["workload.requests[0].steps[0]", "scenario.step"]]);
    expect(found[0]!.message).toContain('Did you mean "service"?');
  });

  test("a component that is not an object, or has no type", () => {
    const s = tandem();
    s.components.db = 5;
    s.components.web = { servers: 2 };
    expect(where(problems(s))).toEqual([
      ["components.web.type", "scenario.required"],
      ["components.db", "scenario.type"],
    ]);
  });

  test("a timeout must be greater than 0; a rate must be a number or a list of segments", () => {
    const s = tandem();
    s.workload.requests[0].timeout = "0s";
    s.workload.arrival.rate = "100";
    const found = problems(s);
    expect(where(found)).toEqual([
      ["workload.arrival.rate", "scenario.type"],
      ["workload.requests[0].timeout", "scenario.too-small"],
    ]);
    expect(found[0]!.message).toBe('Must be a number or a list; got "100".');
  });

  test("unknown component type, with a suggestion", () => {
    const s = tandem();
    s.components.db.type = "statoin";
    const found = problems(s);
    expect(where(found)).toEqual([["components.db.type", "scenario.component-type"]]);
    expect(found[0]!.message).toContain('Did you mean "station"?');
  });

  test("station: discipline from the list, capacity a whole number not below servers", () => {
    const s = tandem();
    s.components.web = { type: "station", servers: 4, discipline: "FCFS", capacity: 2 };
    expect(where(problems(s))).toEqual([
      ["components.web.discipline", "scenario.value"],
      ["components.web.capacity", "scenario.capacity"],
    ]);
    s.components.web = { type: "station", capacity: 1.5 };
    expect(where(problems(s))).toEqual([["components.web.capacity", "scenario.integer"]]);
  });
});

describe("references between parts", () => {
  test("entry must name a component, with the list of components and a suggestion", () => {
    const s = tandem();
    s.entry = "wbe";
    const found = problems(s);
    expect(where(found)).toEqual([["entry", "scenario.unknown-component"]]);
    expect(found[0]!.message).toBe(
      '"wbe" is not a component; components are: web, db. Did you mean "web"? Add it under components or fix the name.',
    );
  });

  test("every call must name a component", () => {
    const s = tandem();
    s.workload.requests[0].steps[1].call = "cache";
    expect(where(problems(s))).toEqual([
      ["workload.requests[0].steps[1].call", "scenario.unknown-component"],
    ]);
  });

  test("a pool's target must name a component", () => {
    const s = tandem();
    s.components.pool = { type: "pool", size: 5, target: "dbb" };
    const found = problems(s);
    expect(where(found)).toEqual([["components.pool.target", "scenario.unknown-component"]]);
    expect(found[0]!.message).toContain('Did you mean "db"?');
  });

  test("a call to a server needs steps; a call to a pool needs hold", () => {
    const s = structuredClone(designFull) as typeof designFull & { components: Record<string, unknown> };
    s.components.pool = { type: "pool", size: 5, target: "db" };
    s.workload.requests[0]!.steps.push({ call: "pool" } as never, { call: "web" } as never);
    expect(where(problems(s))).toEqual([
      ["workload.requests[0].steps[3]", "scenario.call-needs-hold"],
      ["workload.requests[0].steps[4]", "scenario.call-needs-steps"],
    ]);
  });

  test("a call to a station needs hold, and takes no steps", () => {
    const s = tandem();
    delete s.workload.requests[0].steps[1].hold;
    expect(where(problems(s))).toEqual([["workload.requests[0].steps[1]", "scenario.call-needs-hold"]]);
    s.workload.requests[0].steps[1] = { call: "db", hold: "1ms", steps: [{ cpu: "1ms" }] };
    expect(where(problems(s))).toEqual([["workload.requests[0].steps[1].steps", "scenario.call-extra"]]);
  });

  test("a station runs service steps, not cpu or io", () => {
    const s = tandem();
    s.workload.requests[0].steps = [{ cpu: "1ms" }, { io: "1ms" }, { service: "1ms" }];
    expect(where(problems(s))).toEqual([
      ["workload.requests[0].steps[0]", "scenario.step-not-here"],
      ["workload.requests[0].steps[1]", "scenario.step-not-here"],
    ]);
  });

  test("references are checked even when other parts are broken, so every problem comes at once", () => {
    const s = tandem();
    s.version = 3;
    s.run.duration = "5 seconds";
    s.workload.arrival.rate = -1;
    s.workload.requests[0].steps[0] = { service: { lognormal: { median: "20ms", p99: "10ms" } } };
    s.workload.requests[0].steps[1].call = "dbb";
    s.entry = "nope";
    s.components.db.servers = "two";
    const found = problems(s);
    expect(where(found)).toEqual([
      ["version", "scenario.version"],
      ["run.duration", "scenario.duration"],
      ["workload.arrival.rate", "scenario.too-small"],
      ["workload.requests[0].steps[0].service.lognormal.p99", "scenario.distribution-parameter"],
      ["components.db.servers", "scenario.type"],
      ["entry", "scenario.unknown-component"],
      ["workload.requests[0].steps[1].call", "scenario.unknown-component"],
    ]);
    expect(lines(found)).toMatchInlineSnapshot(`
      "version: Must be 1, the only scenario format so far; got 3. Write "version": 1.
      run.duration: "5 seconds" is not a duration; write a number of seconds (0.005) or a string with a unit: "250ns", "150us", "5ms", "2s", "1m", "1h".
      workload.arrival.rate: Must be greater than 0; got -1.
      workload.requests[0].steps[0].service.lognormal.p99: In this lognormal distribution, p99 must be greater than the median; got p99 0.01 s and median 0.02 s.
      components.db.servers: Must be a number; got "two".
      entry: "nope" is not a component; components are: web, db. Add it under components or fix the name.
      workload.requests[0].steps[1].call: "dbb" is not a component; components are: web, db. Did you mean "db"? Add it under components or fix the name."
    `);
  });
});

describe("counts that would stall a run before it starts", () => {
  test("closed users and Erlang phases are bounded, with the bound in the message", () => {
    const found = problems({
      ...designMmc,
      workload: {
        clients: { users: 1e8 },
        requests: [{ name: "job", steps: [{ service: { erlang: { k: 1e12, mean: "1s" } } }] }],
      },
    });
    expect(found.map((p) => [p.path, p.message])).toEqual([
      ["workload.clients.users", "Must be at most 1000000; got 100000000."],
      [
        "workload.requests[0].steps[0].service.erlang.k",
        "In this erlang distribution, k must be a whole number from 1 to 1000; got 1000000000000.",
      ],
    ]);
  });
});
