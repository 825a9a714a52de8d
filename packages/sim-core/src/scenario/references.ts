/**
 * Checks that span parts of a scenario, read from the component kinds' descriptors so that every
 * kind gets them without special cases: open or closed workload, unique class names, `entry`
 * and every name a component gives (targets, backends) naming a component ("did you mean"
 * included), each step suiting the component that hosts it, each call carrying what its target
 * needs (looking through components that pass calls on), and each kind's own cross-field checks.
 * They read the raw input, so that they are reported together with every structural problem.
 */
import type { AnyComponentKind, CallRule, RawComponent } from "../component/component-kind";
import { catalogueMessage, type ErrorCode, type ErrorParams } from "../errors/catalogue";
import type { Problem } from "../errors/problem";
import { metricComponent } from "../result/key-figures";
import { formatPath, type PathSegment } from "./json-path";
import { nearestName } from "./nearest-name";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const STEP_KEYS = ["service", "cpu", "io", "call", "publish", "fanout"];
/** Steps the engine runs wherever they are: a host need not list them. */
const ANYWHERE = ["publish"];

/** A component as written, with its kind when its type names one. */
interface Entry {
  raw: RawComponent;
  kind: AnyComponentKind | undefined;
}

/** What a call must carry once the components that pass it on are looked through. */
interface Need {
  needs: "hold" | "steps" | "nothing";
  /** The component that does the work. */
  target: string;
  /** The component called, when it passed the call on to `target`. */
  via: { name: string; type: string } | undefined;
}

class ReferenceCheck {
  readonly problems: Problem[] = [];
  private readonly components = new Map<string, Entry>();

  constructor(
    private readonly scenario: Json,
    kinds: readonly AnyComponentKind[],
  ) {
    const byType = new Map(kinds.map((kind) => [kind.type, kind]));
    if (isObject(scenario.components)) {
      for (const [name, component] of Object.entries(scenario.components)) {
        const raw = isObject(component) ? component : {};
        this.components.set(name, {
          raw,
          kind: typeof raw.type === "string" ? byType.get(raw.type) : undefined,
        });
      }
    }
  }

  run(): Problem[] {
    const { workload, entry, components } = this.scenario;
    const knowsComponents = isObject(components);
    for (const [name, { raw, kind }] of this.components) {
      if (kind === undefined) continue;
      const at = (path: PathSegment[]): PathSegment[] => ["components", name, ...path];
      for (const named of kind.names(raw)) this.component(named.name, at(named.path));
      kind.check?.(raw, (path, code, params) => this.report(at(path), code, params));
    }
    this.cycles();
    this.bindings();
    if (typeof entry === "string" && knowsComponents) this.component(entry, ["entry"]);
    this.precisionMetric();
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
      if (Array.isArray(request.steps) && knowsComponents && typeof entry === "string") {
        // The client's steps run where its call to the entry is hosted, looking through pools and balancers.
        const hosts = this.components.has(entry) ? this.hostsOf(entry) : [];
        for (const host of hosts) this.steps(request.steps, [...path, "steps"], host);
        if (hosts.length === 0) this.steps(request.steps, [...path, "steps"], undefined);
      }
    });
    this.tracedClasses(workload.arrival, seen);
    return this.problems;
  }

  /** Each class a trace gives names a request class. */
  private tracedClasses(arrival: unknown, classes: Set<string>): void {
    if (!isObject(arrival) || arrival.process !== "trace" || !Array.isArray(arrival.arrivals)) return;
    const names = [...classes];
    arrival.arrivals.forEach((traced, i) => {
      if (!isObject(traced) || typeof traced.class !== "string" || classes.has(traced.class)) return;
      this.report(["workload", "arrival", "arrivals", i, "class"], "scenario.unknown-class", {
        name: traced.class,
        classes: names,
        near: nearestName(traced.class, names),
      });
    });
  }

  /** A precision target on a component's utilisation names a component. */
  private precisionMetric(): void {
    const run = this.scenario.run;
    const precision = isObject(run) ? run.precision : undefined;
    const metric = isObject(precision) ? precision.metric : undefined;
    const name = typeof metric === "string" ? metricComponent(metric) : undefined;
    if (name !== undefined && isObject(this.scenario.components))
      this.component(name, ["run", "precision", "metric"]);
  }

  /** Steps hosted by component `at` (undefined when unknown: only their calls are checked). */
  private steps(steps: unknown[], path: PathSegment[], at: string | undefined): void {
    const kind = at === undefined ? undefined : this.components.get(at)?.kind;
    steps.forEach((step, j) => {
      if (!isObject(step)) return;
      const stepPath = [...path, j];
      const name = Object.keys(step).find((key) => STEP_KEYS.includes(key));
      if (
        name !== undefined &&
        kind !== undefined &&
        !ANYWHERE.includes(name) &&
        !(kind.hosts.steps as readonly string[]).includes(name)
      ) {
        this.report(stepPath, "scenario.step-not-here", {
          step: name,
          type: kind.type,
          name: at!,
          use: kind.hosts.use,
        });
      }
      if (typeof step.call === "string") this.call(step, stepPath);
      if (typeof step.publish === "string") this.publish(step, stepPath);
      // A fan-out's call must carry what its target needs, as a call does.
      if (isObject(step.fanout) && typeof step.fanout.call === "string")
        this.call(step.fanout, [...stepPath, "fanout"]);
    });
  }

  /**
   * A publish names a broker, exchange or stream; its task's steps run where it is consumed (for an
   * exchange, by the workers of every broker it reaches); its polls are calls, and a publish to an
   * exchange has none.
   */
  private publish(step: Json, path: PathSegment[]): void {
    const broker = step.publish as string;
    const type = this.components.get(broker)?.kind?.type;
    if (this.component(broker, [...path, "publish"])) {
      if (type !== undefined && type !== "broker" && type !== "stream" && type !== "exchange")
        this.report([...path, "publish"], "scenario.publish-not-broker", { name: broker, type });
    }
    if (type === "exchange" && isObject(step.wait) && step.wait.by !== "none")
      this.report([...path, "wait"], "scenario.publish-wait-exchange", { name: broker });
    const task = step.task;
    if (isObject(task) && Array.isArray(task.steps)) {
      const brokers = [...this.components].filter(([, entry]) => entry.kind?.type === "broker");
      const only = brokers.length === 1 ? brokers[0]![0] : undefined;
      const queues = type === "exchange" ? this.reachedBy(broker) : new Set([broker]);
      const consumers = [...this.components]
        .filter(
          ([, entry]) =>
            (entry.kind?.type === "workers" && queues.has((entry.raw.broker ?? only) as string)) ||
            (entry.kind?.type === "consumer-group" && entry.raw.stream === broker),
        )
        .map(([name]) => name);
      for (const host of consumers) this.steps(task.steps, [...path, "task", "steps"], host);
      if (consumers.length === 0) this.steps(task.steps, [...path, "task", "steps"], undefined);
    }
    if (isObject(step.wait) && typeof step.wait.call === "string") this.call(step.wait, [...path, "wait"]);
  }

  /** The components an exchange's bindings reach, through bound exchanges (each visited once). */
  private reachedBy(exchange: string, reached = new Set<string>()): Set<string> {
    const entry = this.components.get(exchange);
    if (entry?.kind?.type !== "exchange") return reached;
    for (const { name } of entry.kind.names(entry.raw)) {
      if (reached.has(name)) continue;
      reached.add(name);
      this.reachedBy(name, reached);
    }
    return reached;
  }

  /**
   * What bindings may name: an exchange's queues are brokers or exchanges, and following them never
   * leads back to an exchange on the way (each circle reported once); workers consume a broker.
   */
  private bindings(): void {
    const binds = (name: string): { path: PathSegment[]; name: string }[] => {
      const entry = this.components.get(name);
      return entry?.kind?.type === "exchange" ? entry.kind.names(entry.raw) : [];
    };
    for (const [name, { raw, kind }] of this.components) {
      if (kind?.type === "workers" && typeof raw.broker === "string") {
        const type = this.components.get(raw.broker)?.kind?.type;
        if (type !== undefined && type !== "broker")
          this.report(["components", name, "broker"], "scenario.workers-not-broker", {
            name: raw.broker,
            type,
          });
      }
      for (const queue of binds(name)) {
        const type = this.components.get(queue.name)?.kind?.type;
        if (type !== undefined && type !== "broker" && type !== "exchange")
          this.report(["components", name, ...queue.path], "scenario.exchange-queue-type", {
            name: queue.name,
            type,
          });
      }
    }
    const done = new Set<string>();
    const visit = (name: string, path: string[]): void => {
      const at = path.indexOf(name);
      if (at >= 0) {
        const cycle = path.slice(at);
        if (cycle.every((member) => !done.has(member))) {
          for (const member of cycle) done.add(member);
          this.report(["components", cycle[0]!, "queues"], "scenario.exchange-cycle", {
            cycle: [...cycle, name],
          });
        }
        return;
      }
      if (done.has(name)) return;
      for (const next of binds(name)) if (this.components.has(next.name)) visit(next.name, [...path, name]);
      done.add(name);
    };
    for (const [name, { kind }] of this.components) if (kind?.type === "exchange") visit(name, []);
  }

  private call(step: Json, path: PathSegment[]): void {
    const called = step.call as string;
    if (!this.component(called, [...path, "call"])) return;
    const reported = new Set<string>();
    for (const { needs, target, via } of this.needsOf(called)) {
      const type = this.components.get(target)!.kind!.type;
      const key = `${needs}:${target}`;
      if (reported.has(key)) continue;
      reported.add(key);
      if (needs !== "nothing" && step[needs] === undefined) {
        if (needs === "hold") this.report(path, "scenario.call-needs-hold", { target, type, via });
        else this.report(path, "scenario.call-needs-steps", { target, via });
      }
      for (const extra of ["hold", "steps"] as const) {
        if (extra !== needs && step[extra] !== undefined)
          this.report([...path, extra], "scenario.call-extra", { target, type, field: extra });
      }
      if (needs === "steps" && Array.isArray(step.steps)) this.steps(step.steps, [...path, "steps"], target);
    }
  }

  /** What a call to `name` must carry, for each component that ends up doing its work. */
  private needsOf(name: string, via?: Need["via"], seen = new Set<string>()): Need[] {
    const rule = this.rule(name);
    if (rule === undefined || seen.has(name)) return [];
    seen.add(name);
    if ("needs" in rule) return [{ needs: rule.needs, target: name, via }];
    const passer = via ?? { name, type: this.components.get(name)!.kind!.type };
    return rule.through
      .filter((next) => this.components.has(next))
      .flatMap((next) => this.needsOf(next, passer, seen));
  }

  /** The components that host a call's steps when `name` is called. */
  private hostsOf(name: string): string[] {
    const rule = this.rule(name);
    if (rule === undefined) return [];
    if (!("through" in rule)) return [name];
    return this.needsOf(name).map((need) => need.target);
  }

  /** Components that pass calls on in a circle would forward a call for ever: each circle is reported once. */
  private cycles(): void {
    const done = new Set<string>();
    const visit = (name: string, path: string[]): void => {
      const at = path.indexOf(name);
      if (at >= 0) {
        const cycle = path.slice(at);
        if (cycle.every((member) => !done.has(member))) {
          for (const member of cycle) done.add(member);
          this.report(["components", cycle[0]!], "scenario.routing-cycle", { cycle: [...cycle, name] });
        }
        return;
      }
      if (done.has(name)) return;
      const rule = this.rule(name);
      if (rule === undefined || !("through" in rule)) return;
      for (const next of rule.through) if (this.components.has(next)) visit(next, [...path, name]);
      done.add(name);
    };
    for (const name of this.components.keys()) visit(name, []);
  }

  private rule(name: string): CallRule | undefined {
    const entry = this.components.get(name);
    return entry?.kind?.call(entry.raw);
  }

  /** Whether `name` is a component; reports it at `path` when it is not. */
  private component(name: string, path: PathSegment[]): boolean {
    if (this.components.has(name)) return true;
    const components = [...this.components.keys()];
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

export function referenceProblems(scenario: unknown, kinds: readonly AnyComponentKind[]): Problem[] {
  return isObject(scenario) ? new ReferenceCheck(scenario, kinds).run() : [];
}
