/** The limiter kind: a rate or concurrency limit in front of a component, refusing with 429. */
import type { ComponentKind } from "../component/component-kind";
import { Limiter } from "./limiter";
import { type LimiterComponent, limiterSchema } from "./limiter-schema";
import type { LimiterStats } from "./limiter-stats";

export const limiterKind: ComponentKind<LimiterComponent, LimiterStats> = {
  type: "limiter",
  schema: limiterSchema,
  create: (name, spec, context) => new Limiter(name, spec, context),
  hosts: {
    steps: [],
    use: "a limiter runs no steps of its own: call it, and it passes the call to its target.",
  },
  call: (raw) => (typeof raw.target === "string" ? { through: [raw.target] } : { needs: "nothing" }),
  names: (raw) => (typeof raw.target === "string" ? [{ path: ["target"], name: raw.target }] : []),
};
