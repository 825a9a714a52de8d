/** The pool kind: a connection pool or a pgbouncer in front of a component, passing calls through to it. */
import type { ComponentKind } from "../component/component-kind";
import { ConnectionPool } from "./connection-pool";
import { type PoolComponent, poolSchema } from "./pool-schema";
import type { PoolStats } from "./pool-stats";

export const poolKind: ComponentKind<PoolComponent, PoolStats> = {
  type: "pool",
  schema: poolSchema,
  create: (name, spec, context) => new ConnectionPool(name, spec, context),
  hosts: {
    steps: [],
    use: "a pool runs no steps of its own: call it, and it passes the call to its target.",
  },
  // A pool in front of a component passes the call's hold or steps to it; without one it holds the connection itself.
  call: (raw) => (typeof raw.target === "string" ? { through: [raw.target] } : { needs: "hold" }),
  names: (raw) => (typeof raw.target === "string" ? [{ path: ["target"], name: raw.target }] : []),
};
