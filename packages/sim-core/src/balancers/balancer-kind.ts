/** The balancer kind: a load balancer in front of backends (any components), passing each call to one of them. */
import type { ComponentKind, RawComponent } from "../component/component-kind";
import type { PathSegment } from "../scenario/json-path";
import { type BalancerComponent, balancerSchema } from "./balancer-schema";
import type { BalancerStats } from "./balancer-stats";
import { LoadBalancer } from "./load-balancer";

/** The backends a raw balancer names, each with its path. */
function backendNames(raw: RawComponent): { path: PathSegment[]; name: string }[] {
  if (!Array.isArray(raw.backends)) return [];
  const named: { path: PathSegment[]; name: string }[] = [];
  raw.backends.forEach((backend: unknown, i) => {
    if (typeof backend === "string") named.push({ path: ["backends", i], name: backend });
    else if (backend !== null && typeof backend === "object") {
      const target = (backend as { target?: unknown }).target;
      if (typeof target === "string") named.push({ path: ["backends", i, "target"], name: target });
    }
  });
  return named;
}

export const balancerKind: ComponentKind<BalancerComponent, BalancerStats> = {
  type: "balancer",
  schema: balancerSchema,
  create: (name, spec, context) => new LoadBalancer(name, spec, context),
  hosts: {
    steps: [],
    use: "a balancer runs no steps of its own: call it, and it passes the call to one of its backends.",
  },
  // Every backend may get the call, so each one's needs apply.
  call: (raw) => ({ through: backendNames(raw).map((b) => b.name) }),
  names: backendNames,
};
