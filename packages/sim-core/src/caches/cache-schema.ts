/** A cache in front of a component (cache-aside): its capacity, eviction, expiry and what a miss does. */
import { z } from "zod";
import { distributionSchema } from "../scenario/distribution";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import type { Distribution } from "../scenario/model";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";
import { POLICY_NAMES, type PolicyName } from "./policies/policies";

export const ON_MISS = ["each", "coalesce", "early-refresh", "stale-while-revalidate"] as const;
export type OnMiss = (typeof ON_MISS)[number];

/**
 * A cache in front of `target`. A read of a key it holds (a hit) costs `hit` and never reaches
 * the target; a miss calls the target and stores the key when the answer comes back. Sizes are
 * in entries (`capacity`) or bytes (`capacityBytes`, each key `size` bytes).
 */
export interface CacheComponent {
  type: "cache";
  /** Absent: a miss costs the call's hold at the cache itself. */
  target?: string;
  /** Entries held at most; Infinity when unbounded. */
  capacity: number;
  /** Bytes held at most; Infinity when unbounded. */
  capacityBytes: number;
  /** Bytes per key: each key's size is fixed, drawn once from [min, max] by its number. */
  size: { min: number; max: number };
  policy: PolicyName;
  /** Lifetime of a stored value, drawn at each store; absent: values never expire. */
  ttl?: Distribution;
  hit: Distribution;
  onMiss: OnMiss;
  /** XFetch's β (early-refresh): above 1 refreshes earlier, below 1 later. */
  beta: number;
  /** How long past its expiry a value may still be served while it is refreshed (stale-while-revalidate); Infinity: any age. */
  staleFor: number;
  /** A fetch not answered in this long fails (seconds; Infinity: never). */
  fetchTimeout: number;
  onWrite: "invalidate" | "write-through";
  /** Keys stored before the run starts, the most popular first (0: a cold start). */
  warm: number | "capacity";
  /** Mean time between changes of a key's value at the source (Poisson), for staleness; absent: values never change. */
  changeEvery?: number;
}

const positive = (what: string) =>
  durationSchema
    .refine((seconds) => seconds > 0, {
      error: (issue) =>
        problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
    })
    .meta(positiveDurationJson)
    .describe(what);

const bytes = z.int().positive();

const FIELDS = [
  "type",
  "target",
  "capacity",
  "capacityBytes",
  "size",
  "policy",
  "ttl",
  "hit",
  "onMiss",
  "beta",
  "staleFor",
  "fetchTimeout",
  "onWrite",
  "warm",
  "changeEvery",
];
/** Fields only one onMiss mode reads. */
const MODE_FIELDS = [
  ["beta", "early-refresh"],
  ["staleFor", "stale-while-revalidate"],
] as const;

export const cacheSchema = z
  .strictObject({
    type: z.literal("cache"),
    target: z
      .string()
      .optional()
      .describe(
        "The component a miss goes to (a station, server, pool or balancer): it serves the call's `hold` or runs its `steps`. Absent: a miss costs the call's `hold` at the cache itself, as a memoised computation.",
      ),
    capacity: z
      .int()
      .positive()
      .optional()
      .describe("Entries the cache holds at most; one more evicts one by `policy`. Default: unbounded."),
    capacityBytes: bytes
      .optional()
      .describe(
        "Bytes the cache holds at most (each key `size` bytes); evicts until the new value fits. Default: unbounded.",
      ),
    size: z
      .union([
        bytes,
        z
          .strictObject({
            min: bytes.describe("The smallest value, in bytes."),
            max: bytes.describe("The largest value, in bytes."),
          })
          .describe("Each key's size drawn once, uniformly in [min, max] bytes, from its number."),
      ])
      .optional()
      .describe(
        'Bytes per value, for `capacityBytes`: a number, or { "min": 100, "max": 10000 }. Default 1.',
      ),
    policy: z
      .enum(POLICY_NAMES)
      .default("lru")
      .describe(
        'What a full cache evicts: "lru" (default), "lfu", "fifo", "random", "sieve" (NSDI 2024) or "s3-fifo" (SOSP 2023).',
      ),
    ttl: distributionSchema
      .optional()
      .describe(
        'How long a stored value lives, from when it was stored (a hit does not extend it): "60s", or a distribution such as { "uniform": ["50s", "70s"] } to spread expiries. Default: forever.',
      ),
    hit: distributionSchema
      .optional()
      .describe(
        "What a hit costs, e.g. \"200us\" for a Redis GET over the network. Default 0. A miss costs the target's time only: add the lookup to the call's hold where it matters.",
      ),
    onMiss: z
      .enum(ON_MISS)
      .default("each")
      .describe(
        'What concurrent misses of one key do: "each" (default; every miss calls the target: a stampede), "coalesce" (one call per key, the rest wait for it), "early-refresh" (XFetch: a read refreshes early with a probability that rises near expiry), "stale-while-revalidate" (an expired value is served while one refresh runs).',
      ),
    beta: z
      .number()
      .positive()
      .max(100)
      .optional()
      .describe(
        'XFetch\'s β for "early-refresh" (Vattani et al., VLDB 2015): 1 (default) is optimal; larger refreshes earlier.',
      ),
    staleFor: positive(
      'How long past expiry a value may still be served while it is refreshed ("stale-while-revalidate"). Default: any age.',
    ).optional(),
    fetchTimeout: positive(
      "A call to the target not answered in this long fails; waiting readers fail with it (timeout). Default: never.",
    ).optional(),
    onWrite: z
      .enum(["invalidate", "write-through"])
      .default("invalidate")
      .describe(
        'What a request of a class marked "write" does here: "invalidate" (default) drops the key and passes the write to the target; "write-through" passes it on and stores the new value when it returns.',
      ),
    warm: z
      .union([z.boolean(), z.int().nonnegative()])
      .default(false)
      .describe(
        "Keys stored before the run starts, the most popular first: true fills `capacity`, a number stores that many keys, false (default) starts cold.",
      ),
    changeEvery: positive(
      "Mean time between changes of each key's value at the source (Poisson), to measure staleness: a hit served after its value changed counts in staleHits. Default: values never change.",
    ).optional(),
  })
  .superRefine((c, ctx) => {
    // A field another onMiss mode reads is a mistake worth naming, not a silent no-op.
    for (const [field, mode] of MODE_FIELDS) {
      if (c[field] !== undefined && c.onMiss !== mode) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: problemText("scenario.unknown-key", {
            key: field,
            allowed: FIELDS.filter((f) => !MODE_FIELDS.some(([other, m]) => other === f && m !== c.onMiss)),
          }),
        });
      }
    }
    // A size counts only against capacityBytes: without it, it would be silently ignored.
    if (c.size !== undefined && c.capacityBytes === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["size"],
        message: problemText("scenario.unknown-key", {
          key: "size",
          allowed: FIELDS.filter((f) => f !== "size"),
        }),
      });
    }
  })
  // What the validator refuses across fields, in JSON Schema's words: beta and staleFor belong to
  // their onMiss modes (onMiss defaults to "each"), size to capacityBytes, and warm: true (checked
  // by the kind) fills a capacity, so it needs one.
  .meta({
    allOf: [
      ...MODE_FIELDS.map(([field, mode]) => ({
        if: { properties: { onMiss: { const: mode } }, required: ["onMiss"] },
        else: { not: { required: [field] } },
      })),
      {
        if: { properties: { size: true }, required: ["size"] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
        then: { required: ["capacityBytes"] },
      },
      {
        if: { properties: { warm: { const: true } }, required: ["warm"] },
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited.
        then: { anyOf: [{ required: ["capacity"] }, { required: ["capacityBytes"] }] },
      },
    ],
  })
  .transform((c): CacheComponent => {
    const size = c.size === undefined ? 1 : c.size;
    const cache: CacheComponent = {
      type: "cache",
      capacity: c.capacity ?? Number.POSITIVE_INFINITY,
      capacityBytes: c.capacityBytes ?? Number.POSITIVE_INFINITY,
      size: typeof size === "number" ? { min: size, max: size } : size,
      policy: c.policy,
      hit: c.hit ?? { kind: "constant", value: 0 },
      onMiss: c.onMiss,
      beta: c.beta ?? 1,
      staleFor: c.staleFor ?? Number.POSITIVE_INFINITY,
      fetchTimeout: c.fetchTimeout ?? Number.POSITIVE_INFINITY,
      onWrite: c.onWrite,
      warm: c.warm === true ? "capacity" : c.warm === false ? 0 : c.warm,
    };
    if (c.target !== undefined) cache.target = c.target;
    if (c.ttl !== undefined) cache.ttl = c.ttl;
    if (c.changeEvery !== undefined) cache.changeEvery = c.changeEvery;
    return cache;
  })
  .describe(
    'A cache in front of a component: { "type": "cache", "target": "db", "capacity": 1000, "policy": "lru", "ttl": "60s", "hit": "200us", "onMiss": "each" }.',
  );
