// A toy component kind, written as any kind is: one folder, one descriptor. A call to it waits a
// while, then goes on to `next` (a forward) or returns. It exists to show what adding a kind takes.
import { z } from "zod";
import type { Component, ComponentContext } from "../../../../packages/sim-core/src/component/component";
import type { ComponentKind } from "../../../../packages/sim-core/src/component/component-kind";
import { compile } from "../../../../packages/sim-core/src/distributions/compile";
import type { Sampler } from "../../../../packages/sim-core/src/distributions/sampler";
import type { EventHandler } from "../../../../packages/sim-core/src/kernel/event-handler";
import { distributionSchema } from "../../../../packages/sim-core/src/scenario/distribution";
import type { Distribution } from "../../../../packages/sim-core/src/scenario/model";
import type { CompiledStep } from "../../../../packages/sim-core/src/workload/compiled-step";
import type { Request } from "../../../../packages/sim-core/src/workload/request";

interface DelaySpec {
  type: "delay";
  delay: Distribution;
  next?: string;
}

interface DelayStats {
  served: number;
}

const delaySchema = z
  .strictObject({
    type: z.literal("delay"),
    delay: distributionSchema.describe("How long a call waits here."),
    next: z.string().optional().describe("The component the call goes on to after the wait."),
  })
  .describe('Waits, then passes the call on: { "type": "delay", "delay": "5ms", "next": "db" }.');

class Delay implements Component<DelayStats>, EventHandler {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly delay: Sampler;
  private served = 0;

  constructor(
    readonly name: string,
    private readonly spec: DelaySpec,
    private readonly context: ComponentContext,
  ) {
    this.delay = compile(spec.delay);
  }

  arrive(request: Request, _call: CompiledStep): void {
    this.context.sim.schedule(this.delay.sample(this.context.rng), this, 0, request);
  }

  onEvent(_kind: number, payload: unknown): void {
    const request = payload as Request;
    if (this.context.flow.measuring) this.served++;
    const next = this.spec.next === undefined ? undefined : this.context.components.get(this.spec.next);
    if (next === undefined) this.context.flow.done(request);
    else this.context.flow.forward(request, this, next, request.call!);
  }

  startMeasurement(): void {
    this.served = 0;
  }

  stats(): DelayStats {
    return { served: this.served };
  }
}

export const delayKind: ComponentKind<DelaySpec, DelayStats> = {
  type: "delay",
  schema: delaySchema as unknown as z.ZodType<DelaySpec, unknown>,
  create: (name, spec, context) => new Delay(name, spec, context),
  hosts: { steps: [], use: "a delay runs no steps: call it." },
  call: (raw) => (typeof raw.next === "string" ? { through: [raw.next] } : { needs: "nothing" }),
  names: (raw) => (typeof raw.next === "string" ? [{ path: ["next"], name: raw.next }] : []),
};
