// Finding the schema of a place in a scenario: through $ref, oneOf/anyOf chosen by the document's own
// discriminators ("type", "kind", a distribution's key), properties, additionalProperties and items.
import { scenarioJsonSchema } from "@syslab/sim-core";
import { expect, describe as group, it } from "vitest";
import {
  describe,
  type JsonSchema,
  propertiesAt,
  valuesAt,
} from "../../../apps/docs/src/scripts/editor/json-schema-walk";

const schema = scenarioJsonSchema as JsonSchema;
const names = (document: unknown, path: (string | number)[]) =>
  propertiesAt(schema, document, path).map((p) => p.name);

group("JSON Schema walk", () => {
  it("offers the top-level fields with their descriptions, the required ones marked", () => {
    const offers = propertiesAt(schema, {}, []);
    expect(offers.map((o) => o.name)).toEqual(
      expect.arrayContaining(["version", "seed", "run", "workload", "entry", "components"]),
    );
    expect(offers.find((o) => o.name === "version")).toMatchObject({ required: true });
    expect(offers.find((o) => o.name === "seed")!.description).toMatch(
      /^Seed of the random number generator/,
    );
    expect(offers.map((o) => o.name)).not.toContain("$schema");
  });

  it("a component with no type yet may be any kind; its type narrows it to that kind's fields", () => {
    const open = names({ components: { q: {} } }, ["components", "q"]);
    expect(open).toEqual(expect.arrayContaining(["type", "servers", "cores", "architecture", "size"]));
    const station = names({ components: { q: { type: "station" } } }, ["components", "q"]);
    expect(station).toEqual(["type", "servers", "discipline", "capacity", "outages"]);
    const server = names({ components: { web: { type: "server" } } }, ["components", "web"]);
    expect(server).toEqual(
      expect.arrayContaining(["cores", "architecture", "gilSwitchInterval", "acceptBacklog"]),
    );
    expect(server).not.toContain("servers");
  });

  it("offers the values a field spells out: a component's types, a discipline's enum, booleans", () => {
    expect(valuesAt(schema, { components: { q: {} } }, ["components", "q", "type"])).toEqual(
      expect.arrayContaining(["station", "server", "pool"]),
    );
    expect(
      valuesAt(schema, { components: { q: { type: "station" } } }, ["components", "q", "discipline"]),
    ).toEqual(["fcfs", "lifo", "priority", "deadline", "ps"]);
    const gil = ["components", "web", "architecture", "gil"];
    const document = { components: { web: { type: "server", architecture: { kind: "thread-pool" } } } };
    expect(valuesAt(schema, document, gil)).toEqual([true, false]);
  });

  it("follows an architecture's kind and a distribution's key down through $ref", () => {
    const document = {
      components: { web: { type: "server", architecture: { kind: "event-loop" } } },
      workload: { requests: [{ name: "r", steps: [{ cpu: { exp: "5ms" } }] }] },
    };
    expect(names(document, ["components", "web", "architecture"])).toEqual([
      "kind",
      "workers",
      "connections",
      "gil",
    ]);
    expect(
      describe(schema, document, ["workload", "requests", 0, "steps", 0, "cpu", "exp"])!.description,
    ).toBe("Mean of the exponential distribution.");
  });

  it("describes a field by the text of its own use, and gives its default", () => {
    const found = describe(schema, { components: { q: { type: "station" } } }, [
      "components",
      "q",
      "servers",
    ]);
    expect(found).toEqual({ description: "Number of servers (c). Default 1.", defaultValue: 1 });
    // `warmup` is a Duration; its own description says what this duration means.
    expect(describe(schema, {}, ["run", "duration"])!.description).toMatch(
      /^Measure this much simulated time/,
    );
  });
});
