import { describe, expect, test } from "vitest";
import {
  catalogueError,
  catalogueMessage,
  type ErrorCode,
  errorCatalogue,
} from "../../../packages/sim-core/src/errors/catalogue";
import { SyslabError } from "../../../packages/sim-core/src/errors/syslab-error";

// Details for each message, to pin its wording; an entry without one is pinned by title and hint.
const SAMPLES: Partial<Record<ErrorCode, object>> = {
  "scenario.invalid": { count: 3 },
  "scenario.not-object": { got: "an empty list" },
  "scenario.too-deep": { max: 64 },
  "scenario.too-many-values": { max: 1000000 },
  "scenario.reserved-key": { key: "__proto__" },
  "scenario.required": {
    field: "entry",
    guide: 'Name the component requests arrive at, e.g. "entry": "web".',
  },
  "scenario.unknown-key": { key: "sevrers", allowed: ["type", "servers"], near: "servers" },
  "scenario.type": { expected: "a number", got: '"two"' },
  "scenario.too-small": { limit: "greater than 0", got: "-1" },
  "scenario.too-large": { limit: "at most 4294967295", got: "5000000000" },
  "scenario.integer": { got: "1.5" },
  "scenario.value": { allowed: ["fcfs", "lifo"], got: '"FCFS"', near: "fcfs" },
  "scenario.version": { got: "2" },
  "scenario.empty": { what: "step" },
  "scenario.list-length": { length: 2, got: "a list ([1])" },
  "scenario.duration": { got: '"5 sec"' },
  "scenario.distribution": { got: 'an object with "expo"', near: "exp" },
  "scenario.distribution-parameter": {
    distribution: "lognormal",
    problem: "p99 must be greater than the median.",
  },
  "scenario.run-length": { got: "an empty object {}" },
  "scenario.warmup": { length: "requests", got: '"5s"' },
  "scenario.workload-kind": { both: true },
  "scenario.precision-metric": { got: '"latency.p42"' },
  "scenario.replications-and-precision": {},
  "scenario.precision-range": { min: 10, max: 5 },
  "comparison.precision": {},
  "document.comparison": { detail: 'scenario "b" is missing.' },
  "limit.replications": { what: "events", limit: "1000000", done: 3, planned: 10 },
  "scenario.step": { got: 'an object with "cpux"', near: "cpu" },
  "scenario.component-type": { got: '"statoin"', types: ["station"], near: "station" },
  "scenario.rate-segments": { problem: "The first segment must start at 0." },
  "scenario.arrival-trace": {
    problem: "Arrival 2 comes before arrival 1; list arrivals in non-decreasing time.",
  },
  "scenario.flash-crowd": {
    problem: "The rise and the fall (2 × `ramp`) last longer than the crowd (`for`); shorten `ramp`.",
  },
  "scenario.unknown-class": { name: "jb", classes: ["job", "page"], near: "job" },
  "scenario.duplicate-name": { name: "page" },
  "scenario.capacity": { capacity: 2, servers: 4 },
  "scenario.unknown-component": { name: "dbb", components: ["web", "db"], near: "db" },
  "scenario.call-needs-hold": { target: "db", type: "station" },
  "scenario.call-needs-steps": { target: "api", via: { name: "bouncer", type: "pool" } },
  "scenario.routing-cycle": { cycle: ["a", "b", "a"] },
  "scenario.call-extra": { target: "db", type: "station", field: "steps" },
  "scenario.publish-not-broker": { name: "db", type: "station" },
  "scenario.publish-wait-exchange": { name: "orders" },
  "scenario.exchange-queue-type": { name: "db", type: "station" },
  "scenario.exchange-cycle": { cycle: ["a", "b", "a"] },
  "scenario.duplicate-queue": { name: "email" },
  "scenario.workers-not-broker": { name: "orders", type: "exchange" },
  "scenario.step-not-here": {
    step: "cpu",
    type: "station",
    name: "q",
    use: "a station serves service steps.",
  },
  "limit.events": { limit: 1000000, time: 12.5 },
  "limit.wall-time": { limit: 60, time: 812.25 },
  "limit.sim-time": { limit: 10000000 },
  "run.aborted": { time: 3.5 },
  "input.json": { detail: "scenario.json:3:6: Unexpected number" },
  "input.file": { file: "missing.json", reason: "no such file" },
  "input.arguments": { detail: "--seed takes a whole number" },
  "sweep.path": { path: "components.x.servers", reason: "the scenario has nothing at components.x" },
  "sweep.values": {},
};

const codes = Object.keys(errorCatalogue) as ErrorCode[];

describe("the error catalogue", () => {
  test("codes are stable names: an area and a kebab-case name", () => {
    for (const code of codes) expect(code).toMatch(/^[a-z]+\.[a-z]+(-[a-z0-9]+)*$/);
  });

  test("every entry has a title and a hint that ends a sentence", () => {
    for (const code of codes) {
      const { title, hint } = errorCatalogue[code];
      expect(title.length, code).toBeGreaterThan(3);
      expect(hint, code).toMatch(/[.?]$/);
    }
  });

  test.each(codes)("%s: wording", (code) => {
    const { title, hint } = errorCatalogue[code];
    const sample = SAMPLES[code];
    const message = sample === undefined ? undefined : catalogueMessage(code, sample as never);
    expect({ title, message, hint }).toMatchSnapshot();
  });

  test("catalogueError builds a SyslabError with the entry's code, title, message and hint", () => {
    const problems = [{ path: "entry", code: "scenario.unknown-component", message: "…" }];
    const error = catalogueError("scenario.invalid", { count: 1 }, problems);
    expect(error).toBeInstanceOf(SyslabError);
    expect(error).toMatchObject({
      code: "scenario.invalid",
      title: "Invalid scenario",
      message: "The scenario has 1 problem.",
      hint: errorCatalogue["scenario.invalid"].hint,
      problems,
    });
  });

  test("messages start a sentence even when they open with a quoted value", () => {
    expect(catalogueMessage("scenario.step", { got: 'an object with "cpux"' })).toMatch(/^An object/);
  });
});
