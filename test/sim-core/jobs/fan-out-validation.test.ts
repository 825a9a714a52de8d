// What an exchange may be bound to and what a publish to it may ask for: each mistake is one
// problem at the field to fix, and the JSON Schema refuses what it can state of them.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, test } from "vitest";
import { MAX_QUEUES } from "../../../packages/sim-core/src/jobs/exchange-schema";
import { scenarioJsonSchema } from "../../../packages/sim-core/src/scenario/json-schema";
import { parseScenario } from "../../../packages/sim-core/src/scenario/parse-scenario";

type Json = Record<string, unknown>;

const schemaAccepts = new Ajv2020({ strict: false }).compile(scenarioJsonSchema);

/** A valid fan-out to "email" and "audit", changed by `edit`. */
function scenario(edit: (s: { publish: Json; components: Record<string, Json> }) => void = () => {}): Json {
  const publish: Json = { publish: "orders", task: { steps: [{ service: "10ms" }] } };
  const components: Record<string, Json> = {
    orders: { type: "exchange", queues: ["email", "audit"] },
    email: { type: "broker" },
    audit: { type: "broker" },
    "email-work": { type: "workers", broker: "email" },
    "audit-work": { type: "workers", broker: "audit" },
  };
  edit({ publish, components });
  return {
    version: 1,
    run: { duration: "10s" },
    workload: { arrival: { process: "poisson", rate: 1 }, requests: [{ name: "event", steps: [publish] }] },
    entry: "orders",
    components,
  };
}

function problems(input: Json): { path: string; code: string; message: string }[] {
  const parsed = parseScenario(input);
  return parsed.ok ? [] : parsed.problems;
}

const where = (input: Json) => problems(input).map((p) => `${p.code} at ${p.path}`);

describe("a fan-out scenario", () => {
  test("is valid as written, for the validator and the JSON Schema", () => {
    expect(problems(scenario())).toEqual([]);
    expect(schemaAccepts(scenario())).toBe(true);
  });

  test("an unknown queue is named, with the nearest component", () => {
    const input = scenario(({ components }) => {
      components.orders!.queues = ["email", "audti"];
    });
    const found = problems(input);
    expect(found.map((p) => `${p.code} at ${p.path}`)).toEqual([
      "scenario.unknown-component at components.orders.queues[1]",
    ]);
    expect(found[0]!.message).toContain('"audit"');
  });

  test("an empty list, a missing one, a list too long and a queue listed twice are refused at `queues`", () => {
    const cases: [string, (components: Record<string, Json>) => void, string][] = [
      ["empty", (c) => (c.orders!.queues = []), "scenario.empty at components.orders.queues"],
      ["missing", (c) => delete c.orders!.queues, "scenario.required at components.orders.queues"],
      [
        "too long",
        (c) => (c.orders!.queues = Array.from({ length: MAX_QUEUES + 1 }, () => "email")),
        "scenario.list-length at components.orders.queues",
      ],
      [
        "duplicate",
        (c) => (c.orders!.queues = ["email", "audit", "email"]),
        "scenario.duplicate-queue at components.orders.queues[2]",
      ],
    ];
    for (const [label, edit, expected] of cases) {
      const input = scenario(({ components }) => edit(components));
      expect(where(input), label).toContain(expected);
      expect(schemaAccepts(input), `${label}: the JSON Schema refuses it too`).toBe(false);
    }
    const empty = problems(scenario(({ components }) => (components.orders!.queues = [])));
    expect(empty[0]!.message).toBe("Must list at least one queue.");
    const missing = problems(scenario(({ components }) => delete components.orders!.queues));
    expect(missing[0]!.message).toContain('"queues": ["email", "audit"]');
  });

  test(`${MAX_QUEUES} queues are allowed`, () => {
    const input = scenario(({ components }) => {
      const names = Array.from({ length: MAX_QUEUES }, (_, i) => `q${i}`);
      for (const name of names) components[name] = { type: "broker" };
      components.orders!.queues = names;
    });
    expect(problems(input)).toEqual([]);
  });

  test("a queue that is not a broker or an exchange is refused", () => {
    const input = scenario(({ components }) => {
      components.db = { type: "station" };
      components.orders!.queues = ["email", "db"];
    });
    const found = problems(input);
    expect(found.map((p) => `${p.code} at ${p.path}`)).toEqual([
      "scenario.exchange-queue-type at components.orders.queues[1]",
    ]);
    expect(found[0]!.message).toContain('"db" is a station');
  });

  test("exchanges bound in a circle, or to themselves, are refused once per circle", () => {
    const circle = scenario(({ components }) => {
      components.orders!.queues = ["email", "more"];
      components.more = { type: "exchange", queues: ["audit", "orders"] };
    });
    const found = problems(circle);
    expect(found.map((p) => `${p.code} at ${p.path}`)).toEqual([
      "scenario.exchange-cycle at components.orders.queues",
    ]);
    expect(found[0]!.message).toContain('"orders" → "more" → "orders"');
    const self = scenario(({ components }) => {
      components.orders!.queues = ["email", "orders"];
    });
    expect(where(self)).toEqual(["scenario.exchange-cycle at components.orders.queues"]);
  });

  test("exchanges bound one after another without a circle are accepted", () => {
    const chain = scenario(({ components }) => {
      components.orders!.queues = ["email", "more"];
      components.more = { type: "exchange", queues: ["audit", "email"] };
    });
    expect(problems(chain)).toEqual([]);
  });

  test("a publish to an exchange that waits is refused at `wait`; fire and forget is accepted", () => {
    for (const wait of [{ by: "push" }, { by: "poll", interval: "1s", call: "email" }]) {
      const input = scenario(({ publish }) => {
        publish.wait = wait;
      });
      const found = problems(input);
      expect(found.map((p) => `${p.code} at ${p.path}`)).toContain(
        "scenario.publish-wait-exchange at workload.requests[0].steps[0].wait",
      );
      expect(found.find((p) => p.code === "scenario.publish-wait-exchange")!.message).toContain(
        'Remove "wait"',
      );
    }
    const none = scenario(({ publish }) => {
      publish.wait = { by: "none" };
    });
    expect(problems(none)).toEqual([]);
  });

  test("workers pointed at the exchange instead of a broker are told to consume a bound broker", () => {
    const input = scenario(({ components }) => {
      components["email-work"]!.broker = "orders";
    });
    const found = problems(input);
    expect(found.map((p) => `${p.code} at ${p.path}`)).toEqual([
      "scenario.workers-not-broker at components.email-work.broker",
    ]);
    expect(found[0]!.message).toContain("Bind a broker to it");
  });

  test("the task's steps are checked where each bound queue's workers run them", () => {
    // Workers cannot run a fan-out step: the problem is reported once for each subscriber's workers.
    const input = scenario(({ publish, components }) => {
      components.db = { type: "station" };
      publish.task = { steps: [{ fanout: { call: "db", hold: "1ms", count: 2 } }] };
    });
    const found = problems(input);
    expect(found.map((p) => `${p.code} at ${p.path}`)).toEqual([
      "scenario.step-not-here at workload.requests[0].steps[0].task.steps[0]",
      "scenario.step-not-here at workload.requests[0].steps[0].task.steps[0]",
    ]);
    expect(found[0]!.message).toContain('"email-work"');
    expect(found[1]!.message).toContain('"audit-work"');
  });

  test("the normalised exchange keeps its queues and nothing else", () => {
    const parsed = parseScenario(scenario());
    if (!parsed.ok) throw new Error("valid");
    expect(parsed.scenario.components.orders).toEqual({ type: "exchange", queues: ["email", "audit"] });
  });
});
