/**
 * Checks that span parts of a scenario: open or closed workload, unique class names, `entry`,
 * every `call` and every pool's `target` naming a component, each step suiting the component it runs at, and a
 * station's capacity not below its servers. They read
 * the raw input, so that they are reported together with every structural problem, not after.
 */
import { catalogueMessage, type ErrorCode, type ErrorParams } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { formatPath, type PathSegment } from "./json-path";
import { nearestName } from "./nearest-name";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// What a call to each kind of component must carry: stations and pools serve for `hold`,
// servers run `steps`. A pool in front of a server passes the call's `steps` through to it.
const CALL_NEEDS: Record<string, "hold" | "steps"> = { station: "hold", pool: "hold", server: "steps" };

// Steps each kind of component can run itself, and what to write instead of the others.
const RUNS: Record<string, { steps: string[]; use: string }> = {
  station: { steps: ["service", "call"], use: 'a station serves { "service": <distribution> } steps.' },
  server: {
    steps: ["cpu", "io", "call"],
    use: 'a server runs { "cpu": <distribution> } for computing and { "io": <distribution> } for waiting.',
  },
};

class ReferenceCheck {
  readonly problems: Problem[] = [];
  private readonly types = new Map<string, string | undefined>();
  private readonly poolTargets = new Map<string, string>();

  constructor(private readonly scenario: Json) {
    const components = scenario.components;
    if (isObject(components)) {
      for (const [name, component] of Object.entries(components)) {
        const type = isObject(component) ? component.type : undefined;
        this.types.set(name, typeof type === "string" ? type : undefined);
        if (type === "pool" && isObject(component) && typeof component.target === "string") {
          this.poolTargets.set(name, component.target);
        }
      }
    }
  }

  run(): Problem[] {
    const { workload, entry, components } = this.scenario;
    const knowsComponents = isObject(components);
    if (knowsComponents) {
      for (const [name, component] of Object.entries(components)) {
        this.capacity(name, component);
        // A pool in front of another component names it in `target`.
        if (isObject(component) && typeof component.target === "string") {
          this.component(component.target, ["components", name, "target"]);
        }
      }
    }
    if (typeof entry === "string" && knowsComponents) this.component(entry, ["entry"]);
    if (!isObject(workload)) return this.problems;
    const hasArrival = workload.arrival !== undefined;
    if (hasArrival === (workload.clients !== undefined)) {
      this.report(["workload"], "scenario.workload-kind", { both: hasArrival });
    }
    if (!Array.isArray(workload.requests)) return this.problems;
    const seen = new Set<string>();
    workload.requests.forEach((request, i) => {
      if (!isObject(request)) return;
      const path = ["workload", "requests", i];
      if (typeof request.name === "string") {
        if (seen.has(request.name))
          this.report([...path, "name"], "scenario.duplicate-name", { name: request.name });
        seen.add(request.name);
      }
      if (Array.isArray(request.steps) && knowsComponents) {
        const at = typeof entry === "string" && this.types.has(entry) ? entry : undefined;
        this.steps(request.steps, [...path, "steps"], at);
      }
    });
    return this.problems;
  }

  /** Steps run at component `at` (undefined when unknown: only their calls are checked). */
  private steps(steps: unknown[], path: PathSegment[], at: string | undefined): void {
    const type = at === undefined ? undefined : this.types.get(at);
    const runs = type === undefined ? undefined : RUNS[type];
    steps.forEach((step, j) => {
      if (!isObject(step)) return;
      const stepPath = [...path, j];
      const kind = Object.keys(step).find((key) => ["service", "cpu", "io", "call"].includes(key));
      if (kind !== undefined && runs !== undefined && !runs.steps.includes(kind)) {
        this.report(stepPath, "scenario.step-not-here", {
          step: kind,
          type: type!,
          name: at!,
          use: runs.use,
        });
      }
      if (typeof step.call === "string") this.call(step, stepPath);
    });
  }

  private call(step: Json, path: PathSegment[]): void {
    const called = step.call as string;
    if (!this.component(called, [...path, "call"])) return;
    // The component that does the work: the called one, or the server behind a called pool.
    const behind = this.types.get(called) === "pool" ? this.poolTargets.get(called) : undefined;
    const target = behind !== undefined && this.types.get(behind) === "server" ? behind : called;
    const via = target === called ? undefined : called;
    const type = this.types.get(target);
    const needs = type === undefined ? undefined : CALL_NEEDS[type];
    if (needs === undefined) return;
    if (step[needs] === undefined) {
      if (needs === "hold") this.report(path, "scenario.call-needs-hold", { target, type: type! });
      else this.report(path, "scenario.call-needs-steps", { target, via });
    }
    const extra = needs === "hold" ? "steps" : "hold";
    if (step[extra] !== undefined)
      this.report([...path, extra], "scenario.call-extra", { target, type: type!, field: extra });
    if (needs === "steps" && Array.isArray(step.steps)) this.steps(step.steps, [...path, "steps"], target);
  }

  /** A station's capacity counts those in service too, so it cannot be below its servers. */
  private capacity(name: string, component: unknown): void {
    if (!isObject(component) || component.type !== "station") return;
    const { capacity, servers = 1 } = component;
    if (typeof capacity === "number" && typeof servers === "number" && capacity < servers) {
      this.report(["components", name, "capacity"], "scenario.capacity", { capacity, servers });
    }
  }

  /** Whether `name` is a component; reports it at `path` when it is not. */
  private component(name: string, path: PathSegment[]): boolean {
    if (this.types.has(name)) return true;
    const components = [...this.types.keys()];
    this.report(path, "scenario.unknown-component", {
      name,
      components,
      near: nearestName(name, components),
    });
    return false;
  }

  private report<C extends ErrorCode>(path: PathSegment[], code: C, params: ErrorParams<C>): void {
    this.problems.push({ path: formatPath(path), code, message: catalogueMessage(code, params) });
  }
}

export function referenceProblems(scenario: unknown): Problem[] {
  return isObject(scenario) ? new ReferenceCheck(scenario).run() : [];
}
