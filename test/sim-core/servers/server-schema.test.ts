// The server component's fields: defaults from real figures, and clear errors for bad values.
import { describe, expect, test } from "vitest";
import type { Problem } from "../../../packages/sim-core/src/errors/problem";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

const withServer = (web: object) => ({
  version: 1,
  seed: 1,
  run: { duration: "1s" },
  workload: { arrival: { process: "poisson", rate: 1 }, requests: [{ name: "r", steps: [{ cpu: "1ms" }] }] },
  entry: "web",
  components: { web: { type: "server", ...web } },
});

function parsedServer(web: object) {
  const parsed = parseScenario(withServer(web));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return parsed.scenario.components.web;
}

function problems(web: object): Problem[] {
  const parsed = parseScenario(withServer(web));
  if (parsed.ok) throw new Error("expected problems, the scenario validated");
  return parsed.problems;
}

describe("server schema", () => {
  test("an empty server gets every default", () => {
    expect(parsedServer({})).toEqual({
      type: "server",
      cores: 1,
      timeslice: 0.003,
      minTimeslice: 0.00075,
      contextSwitch: 0.000003,
      migration: 0.00003,
      affinity: "floating",
      architecture: { kind: "thread-pool", threads: 200, queue: 100, gil: false },
      acceptBacklog: 511,
      onOverflow: "drop",
      memory: { process: 10 * 2 ** 20, thread: 2 ** 20, connection: 16 * 2 ** 10 },
    });
  });

  test("DESIGN.md's server fields parse, with units", () => {
    const web = parsedServer({
      cores: 2,
      timeslice: "3ms",
      contextSwitch: "3us",
      migration: "30us",
      affinity: "pinned",
      architecture: { kind: "thread-pool", threads: 200, queue: 100, gil: false },
      acceptBacklog: 511,
      onOverflow: "reset",
    });
    expect(web).toMatchObject({
      cores: 2,
      timeslice: 0.003,
      contextSwitch: 0.000003,
      migration: 0.00003,
      affinity: "pinned",
      onOverflow: "reset",
    });
  });

  test("each architecture kind has its defaults", () => {
    expect(parsedServer({ architecture: { kind: "event-loop" } })).toMatchObject({
      architecture: { kind: "event-loop", workers: 1, connections: 512, gil: false },
    });
    expect(parsedServer({ architecture: { kind: "prefork", workers: 5 } })).toMatchObject({
      architecture: { kind: "prefork", workers: 5, gil: false },
    });
    // threads defaults to one per core (HAProxy's nbthread)
    expect(parsedServer({ cores: 8, architecture: { kind: "threads", gil: true } })).toMatchObject({
      architecture: { kind: "threads", threads: 8, connections: 4096, gil: true },
    });
  });

  test("the GIL's switch interval is optional: absent it stays absent (the scenario's hash does not move)", () => {
    expect(parsedServer({ gilSwitchInterval: "1ms" })).toMatchObject({ gilSwitchInterval: 0.001 });
    expect("gilSwitchInterval" in parsedServer({})!).toBe(false);
    const [p] = problems({ gilSwitchInterval: 0 });
    expect(p).toMatchObject({
      path: "components.web.gilSwitchInterval",
      code: "scenario.too-small",
      message: "Must be more than 0 seconds; got 0.",
    });
  });

  test("an unknown architecture kind names the allowed ones and the nearest", () => {
    const [p] = problems({ architecture: { kind: "threadpool" } });
    expect(p).toMatchObject({ path: "components.web.architecture.kind", code: "scenario.value" });
    expect(p!.message).toBe(
      'Must be one of "event-loop", "thread-pool", "prefork", "threads"; got "threadpool". Did you mean "thread-pool"?',
    );
  });

  test("a field of another kind is named as unknown, with the fields allowed", () => {
    const [p] = problems({ architecture: { kind: "event-loop", threads: 4 } });
    expect(p).toMatchObject({ path: "components.web.architecture.threads", code: "scenario.unknown-key" });
    expect(p!.message).toContain("workers, connections, gil");
  });

  test("counts must be positive whole numbers, durations valid, enums exact", () => {
    const found = problems({
      cores: 0,
      timeslice: "0ms",
      contextSwitch: "3 us",
      affinity: "floatin",
      onOverflow: "rst",
      acceptBacklog: 1.5,
      architecture: { kind: "thread-pool", threads: -1, queue: -1 },
      memory: { thread: -1, stack: 8 },
    });
    const byPath = Object.fromEntries(found.map((p) => [p.path, p]));
    expect(byPath["components.web.cores"]).toMatchObject({ code: "scenario.too-small" });
    expect(byPath["components.web.timeslice"]).toMatchObject({
      code: "scenario.too-small",
      message: "Must be more than 0 seconds; got 0.",
    });
    expect(byPath["components.web.contextSwitch"]).toMatchObject({ code: "scenario.duration" });
    expect(byPath["components.web.affinity"]!.message).toBe(
      'Must be one of "pinned", "floating"; got "floatin". Did you mean "floating"?',
    );
    expect(byPath["components.web.onOverflow"]).toMatchObject({ code: "scenario.value" });
    expect(byPath["components.web.acceptBacklog"]).toMatchObject({ code: "scenario.integer" });
    expect(byPath["components.web.architecture.threads"]).toMatchObject({ code: "scenario.too-small" });
    expect(byPath["components.web.architecture.queue"]).toMatchObject({ code: "scenario.too-small" });
    expect(byPath["components.web.memory.thread"]).toMatchObject({ code: "scenario.too-small" });
    expect(byPath["components.web.memory.stack"]).toMatchObject({ code: "scenario.unknown-key" });
    expect(found).toHaveLength(10);
  });

  test("a call to a server must give the steps it runs there", () => {
    const input = withServer({});
    input.workload.requests[0]!.steps = [{ call: "api", hold: "1ms" } as never];
    const parsed = parseScenario({ ...input, components: { ...input.components, api: { type: "server" } } });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.code)).toContain("scenario.call-needs-steps");
  });
});
