/**
 * A component kind is one descriptor, like a Vite plugin: a plain object naming everything the
 * rest of syslab needs to know about the kind. The list of descriptors (component-kinds.ts) is
 * the only place kinds are enumerated: the scenario schema and its JSON Schema, the reference
 * checks (names that must exist, steps that must fit, calls that must carry what the target
 * needs), the factory, the docs reference and the result types are all derived from it.
 */
import type { z } from "zod";
import type { ErrorCode, ErrorParams } from "../errors/catalogue";
import type { PathSegment } from "../scenario/json-path";
import type { StepName } from "../workload/compiled-step";
import type { Component, ComponentContext } from "./component";

/** A component as the user wrote it, before validation: reference checks read this. */
export type RawComponent = Record<string, unknown>;

/** What a call to a component must carry. */
export type CallRule =
  /** A duration to serve the request for (a station, or a pool holding the connection itself). */
  | { needs: "hold" }
  /** Steps for it to run (a server). */
  | { needs: "steps" }
  /** Neither: it does its work without being told how long or what to run. */
  | { needs: "nothing" }
  /** Neither: the call is passed on to these components, and their needs apply (a pool with a target, a balancer). */
  | { through: string[] };

/** Reports a problem at a path inside the component (the checker adds the component's own path). */
export type ReportProblem = <C extends ErrorCode>(
  path: PathSegment[],
  code: C,
  params: ErrorParams<C>,
) => void;

export interface ComponentKind<
  Spec extends { type: string } = { type: string },
  Stats extends object = object,
> {
  /** The value of "type" in a scenario. */
  readonly type: Spec["type"];
  /** The component's JSON validated and normalised into Spec; its descriptions make the JSON Schema and the docs reference. */
  readonly schema: z.ZodType<Spec, unknown>;
  /** Builds the component for a run. */
  create(name: string, spec: Spec, context: ComponentContext): Component<Stats>;
  /** Steps a frame hosted here may contain, and a sentence saying what to write instead of the others. */
  readonly hosts: { readonly steps: readonly StepName[]; readonly use: string };
  /** What a call to it must carry, read from the raw component. */
  call(raw: RawComponent): CallRule;
  /** The other components it names (targets, backends), each with its path inside the component. */
  names(raw: RawComponent): { path: PathSegment[]; name: string }[];
  /** Checks across its own fields that the schema cannot make before every field is valid. */
  check?(raw: RawComponent, report: ReportProblem): void;
  /**
   * The kind handles its own `outages` (failures/: it adds the field with `outageListSchema` and
   * decides what a failure does to its work); otherwise every kind gets them from failures/failing-kind.ts.
   */
  readonly ownOutages?: boolean;
}

/** The normalised spec a kind builds from. */
export type SpecOf<K> = K extends ComponentKind<infer Spec, object> ? Spec : never;

/** A component's figures in the result: its kind's stats, tagged with its type. */
export type StatsOf<K> =
  K extends ComponentKind<infer Spec, infer Stats> ? { type: Spec["type"] } & Stats : never;

/** The same kind with its type parameters forgotten, for lists of kinds. */
export type AnyComponentKind = ComponentKind<{ type: string }, object>;
