// Every component kind in the list keeps the descriptor's promises: what it says it hosts and how
// calls reach it agree with the component it builds, and its figures come back as an object.
import { describe, expect, test } from "vitest";
import type { ComponentContext } from "../../packages/sim-core/src/component/component";
import type { RequestFlow } from "../../packages/sim-core/src/component/request-flow";
import { componentKinds } from "../../packages/sim-core/src/component-kinds";
import { Simulation } from "../../packages/sim-core/src/kernel/simulation";
import { randomStream } from "../../packages/sim-core/src/random/streams";
import { hostedSteps } from "../../packages/sim-core/src/workload/compiled-step";

function context(): ComponentContext {
  const flow = { measuring: true } as unknown as RequestFlow;
  return { sim: new Simulation(), rng: randomStream(1, "kinds"), flow, components: new Map() };
}

describe.each(componentKinds.map((kind) => [kind.type, kind] as const))("the %s kind", (type, kind) => {
  const minimal = kind.schema.parse({ type });

  test("its schema accepts the smallest component, { type }, and names the type", () => {
    expect(minimal.type).toBe(type);
  });

  test("the steps its components run themselves are among those its frames may hold", () => {
    const component = kind.create("c", minimal as never, context());
    const allowed = hostedSteps(kind.hosts.steps);
    expect(component.hosts & ~allowed).toBe(0);
    expect(kind.hosts.use.length).toBeGreaterThan(10);
  });

  test("a component that routes calls hosts no steps; one that does not needs a hold or steps", () => {
    const component = kind.create("c", minimal as never, context());
    const rule = kind.call({ type });
    if (component.routesCalls) expect(kind.hosts.steps).toEqual([]);
    else expect(rule).not.toHaveProperty("through");
  });

  test("reports its figures as an object once measuring has started", () => {
    const component = kind.create("c", minimal as never, context());
    component.startMeasurement(0);
    const stats: object = component.stats(10);
    expect(typeof stats).toBe("object");
    expect(stats).not.toHaveProperty("type"); // the engine adds the type
  });

  test("names no other component when it is given none", () => {
    expect(kind.names({ type })).toEqual([]);
  });
});

test("kinds are listed once each, by distinct types", () => {
  const types = componentKinds.map((kind) => kind.type);
  expect(new Set(types).size).toBe(types.length);
});
