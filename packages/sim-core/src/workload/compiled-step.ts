/**
 * A request step made ready to run: its distribution compiled to a Sampler and its call
 * target resolved to a component object, so the hot path does no lookups by name.
 */
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import { catalogueError } from "../errors/catalogue";
import type { Component } from "../run/component";
import type { Step } from "../scenario/model";

export const STEP_SERVICE = 0;
export const STEP_CPU = 1;
export const STEP_IO = 2;
export const STEP_CALL = 3;

const ZERO_DURATION: Sampler = compile({ kind: "constant", value: 0 });

export class CompiledStep {
  constructor(
    /** STEP_SERVICE, STEP_CPU, STEP_IO or STEP_CALL. */
    readonly kind: number,
    /** The duration (service, cpu, io) or the hold time of a call (0 when absent). */
    readonly duration: Sampler,
    /** The called component (calls only). */
    readonly target: Component | null,
    /** The call's own steps, run by a server (calls only; null when absent). */
    readonly steps: CompiledStep[] | null,
  ) {}
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
  }
}
