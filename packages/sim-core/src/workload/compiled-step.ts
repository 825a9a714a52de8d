/**
 * A request step made ready to run: its distribution compiled to a Sampler and its call
 * target resolved to a component object, so the hot path does no lookups by name.
 */

import type { Component } from "../component/component";
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import { catalogueError } from "../errors/catalogue";
import type { Step, TaskSpec, WaitSpec } from "../scenario/model";

export type StepName = Step["kind"];

export const STEP_SERVICE = 0;
export const STEP_CPU = 1;
export const STEP_IO = 2;
export const STEP_CALL = 3;
/** Publishes a task to a broker (jobs/): delivered to the broker like a call. */
export const STEP_PUBLISH = 4;
/** Calls a component several times in parallel (balancers/fanout). */
export const STEP_FANOUT = 5;

const STEP_CODES: Record<StepName, number> = {
  service: STEP_SERVICE,
  cpu: STEP_CPU,
  io: STEP_IO,
  call: STEP_CALL,
  publish: STEP_PUBLISH,
  fanout: STEP_FANOUT,
};

/** The mask of `Component.hosts` for a kind that runs these steps itself. */
export function hostedSteps(steps: readonly StepName[]): number {
  let mask = 0;
  for (const step of steps) mask |= 1 << STEP_CODES[step];
  return mask;
}

const ZERO_DURATION: Sampler = compile({ kind: "constant", value: 0 });

/** A publish step made ready: the task's steps and the poll's call compiled. */
export interface PublishPlan {
  readonly task: TaskSpec;
  readonly steps: CompiledStep[];
  readonly wait: WaitSpec;
  /** The poll or long-poll request (null for push and fire-and-forget). */
  readonly waitCall: CompiledStep | null;
  /** The push notification's network delay (null unless push). */
  readonly pushDelay: Sampler | null;
}

export class CompiledStep {
  /** 1 << kind, tested against a host's `hosts` mask. */
  readonly bit: number;

  constructor(
    /** STEP_SERVICE, STEP_CPU, STEP_IO or STEP_CALL. */
    readonly kind: number,
    /** The duration (service, cpu, io) or the hold time of a call (0 when absent). */
    readonly duration: Sampler,
    /** The called component (calls only). */
    readonly target: Component | null,
    /** The call's own steps, hosted by its target (calls only; null when absent). */
    readonly steps: CompiledStep[] | null,
    /** What a publish step publishes (publish steps only). */
    readonly plan: PublishPlan | null = null,
    /** A fan-out's call, sent `count` times; `wait` answers let the request go on. */
    readonly fanout: CompiledStep | null = null,
    readonly count = 0,
    readonly wait = 0,
  ) {
    this.bit = 1 << kind;
  }
}

/** The call that starts a request: to the entry, carrying the class's steps. */
export function entryCall(entry: Component, steps: CompiledStep[]): CompiledStep {
  return new CompiledStep(STEP_CALL, ZERO_DURATION, entry, steps);
}

export function compileSteps(
  steps: readonly Step[],
  components: ReadonlyMap<string, Component>,
): CompiledStep[] {
  return steps.map((step) => compileStep(step, components));
}

function compileStep(step: Step, components: ReadonlyMap<string, Component>): CompiledStep {
  switch (step.kind) {
    case "service":
      return new CompiledStep(STEP_SERVICE, compile(step.duration), null, null);
    case "cpu":
      return new CompiledStep(STEP_CPU, compile(step.duration), null, null);
    case "io":
      return new CompiledStep(STEP_IO, compile(step.duration), null, null);
    case "fanout": {
      const call: Step = { kind: "call", target: step.target };
      if (step.hold !== undefined) call.hold = step.hold;
      if (step.steps !== undefined) call.steps = step.steps;
      const inner = compileStep(call, components);
      return new CompiledStep(STEP_FANOUT, ZERO_DURATION, null, null, null, inner, step.count, step.wait);
    }
    case "call": {
      const target = components.get(step.target);
      if (target === undefined) {
        // The validator reports this with its path first; this guards scenarios built in code.
        throw catalogueError("scenario.unknown-component", {
          name: step.target,
          components: [...components.keys()],
        });
      }
      const hold = step.hold === undefined ? ZERO_DURATION : compile(step.hold);
      const inner = step.steps === undefined ? null : compileSteps(step.steps, components);
      return new CompiledStep(STEP_CALL, hold, target, inner);
    }
    case "publish": {
      const broker = components.get(step.broker);
      if (broker === undefined) {
        throw catalogueError("scenario.unknown-component", {
          name: step.broker,
          components: [...components.keys()],
        });
      }
      const wait = step.wait;
      const plan: PublishPlan = {
        task: step.task,
        steps: compileSteps(step.task.steps, components),
        wait,
        waitCall:
          wait.by === "poll" || wait.by === "long-poll" ? compileStep(wait.request, components) : null,
        pushDelay: wait.by === "push" ? compile(wait.delay) : null,
      };
      return new CompiledStep(STEP_PUBLISH, ZERO_DURATION, broker, null, plan);
    }
  }
}
