/** The cache kind: a cache-aside cache in front of a component, passing misses through to it. */
import type { ComponentKind } from "../component/component-kind";
import { Cache } from "./cache";
import { type CacheComponent, cacheSchema } from "./cache-schema";
import type { CacheStats } from "./cache-stats";

export const cacheKind: ComponentKind<CacheComponent, CacheStats> = {
  type: "cache",
  schema: cacheSchema,
  create: (name, spec, context) => new Cache(name, spec, context),
  hosts: {
    steps: [],
    use: "a cache runs no steps of its own: call it, and a miss passes the call to its target.",
  },
  // A miss passes the call's hold or steps to the target, so the target's needs apply; without one it serves the hold itself.
  call: (raw) => (typeof raw.target === "string" ? { through: [raw.target] } : { needs: "hold" }),
  names: (raw) => (typeof raw.target === "string" ? [{ path: ["target"], name: raw.target }] : []),
  check(raw, report) {
    // `warm: true` fills the capacity, so it needs one to fill.
    if (raw.warm === true && raw.capacity === undefined && raw.capacityBytes === undefined) {
      report(["warm"], "scenario.type", {
        expected: "a number of keys to store before the run (the cache has no capacity for true to fill)",
        got: "true",
      });
    }
  },
};
