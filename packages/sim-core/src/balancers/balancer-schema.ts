/** A load balancer as a scenario writes it: an algorithm over a list of backends, health checks, ejection. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

export const ALGORITHMS = [
  "round-robin",
  "weighted-round-robin",
  "random",
  "least-connections",
  "power-of-two",
  "hash",
  "consistent-hash",
] as const;

export type BalancingAlgorithm = (typeof ALGORITHMS)[number];

export interface HealthCheckSpec {
  interval: number;
  timeout: number;
  fall: number;
  rise: number;
}

export interface OutlierDetectionSpec {
  consecutiveFailures: number;
  baseEjectionTime: number;
  maxEjectionPercent: number;
}

export interface BalancerComponent {
  type: "balancer";
  algorithm: BalancingAlgorithm;
  backends: { target: string; weight: number }[];
  choices: number; // power-of-two
  virtualNodes: number; // consistent-hash
  boundedLoad?: number; // consistent-hash: c of bounded loads
  healthCheck?: HealthCheckSpec;
  outlierDetection?: OutlierDetectionSpec;
  panicThreshold: number; // percent
  slowStart: number; // seconds; 0 = none
}

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

const backendSchema = z.union(
  [
    z.string().min(1).describe("A backend: the name of any component."),
    z
      .strictObject({
        target: z.string().min(1).describe("The backend: the name of any component."),
        weight: z
          .number()
          .positive()
          .default(1)
          .describe("Its weight, relative to the other backends'. Default 1."),
      })
      .describe('A weighted backend: { "target": "s3", "weight": 5 }.'),
  ],
  {
    error: (issue) =>
      problemText("scenario.type", {
        expected: 'a component name or { "target": "s3", "weight": 5 }',
        got: showValue(issue.input),
      }),
  },
);

// HAProxy's defaults: inter 2s, fall 3, rise 2; without "timeout check" the check waits `inter`.
const healthCheckSchema = z
  .strictObject({
    interval: positiveDuration
      .default(2)
      .describe("Time between checks of each backend. Default 2s (HAProxy inter)."),
    timeout: positiveDuration
      .optional()
      .describe(
        "How long a check waits for a hung backend before it fails. Default: the interval (HAProxy).",
      ),
    fall: z
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe("Consecutive failed checks that mark a backend down. Default 3."),
    rise: z
      .int()
      .min(1)
      .max(100)
      .default(2)
      .describe("Consecutive passed checks that mark it up again. Default 2."),
  })
  .transform(
    (h): HealthCheckSpec => ({
      interval: h.interval,
      timeout: h.timeout ?? h.interval,
      fall: h.fall,
      rise: h.rise,
    }),
  )
  .describe(
    'Active health checks (HAProxy\'s model): { "interval": "2s", "timeout": "1s", "fall": 3, "rise": 2 }. A check sees whether the backend is down (an outage), not how loaded it is.',
  );

// Envoy's outlier detection defaults: consecutive_5xx 5, base_ejection_time 30 s, max_ejection_percent 10.
const outlierDetectionSchema = z
  .strictObject({
    consecutiveFailures: z
      .int()
      .min(1)
      .max(1000)
      .default(5)
      .describe(
        "Consecutive failed requests (rejected, reset or hung) that eject a backend. Default 5 (Envoy consecutive_5xx).",
      ),
    baseEjectionTime: positiveDuration
      .default(30)
      .describe("How long the first ejection lasts; the n-th lasts n times as long. Default 30s."),
    maxEjectionPercent: z
      .number()
      .min(0)
      .max(100)
      .default(10)
      .describe("The most backends ejected at once, as a percentage (one may always be). Default 10."),
  })
  .describe(
    'Passive ejection (Envoy outlier detection, NGINX max_fails): { "consecutiveFailures": 5, "baseEjectionTime": "30s", "maxEjectionPercent": 10 }.',
  );

/** Fields that only one algorithm reads: written with another, they are a mistake worth naming. */
const ONLY_FOR: Record<string, BalancingAlgorithm> = {
  choices: "power-of-two",
  virtualNodes: "consistent-hash",
  boundedLoad: "consistent-hash",
};
const COMMON = [
  "type",
  "algorithm",
  "backends",
  "healthCheck",
  "outlierDetection",
  "panicThreshold",
  "slowStart",
  "outages",
];

export const balancerSchema = z
  .strictObject({
    type: z.literal("balancer"),
    algorithm: z
      .enum(ALGORITHMS)
      .default("round-robin")
      .describe(
        'How a backend is chosen: "round-robin" (default), "weighted-round-robin" (smooth, as NGINX), "random" (by weight), "least-connections" (fewest in flight from this balancer, per weight), "power-of-two" (least loaded of `choices` sampled), "hash" (request key or client modulo the backends), "consistent-hash" (a ring of virtual nodes, optionally with bounded load).',
      ),
    backends: z
      .array(backendSchema)
      .default([])
      .describe(
        'The components it sends to: names, or { "target": "s3", "weight": 5 } for a weight. With none, every request is rejected (503, as Envoy answers "no healthy upstream").',
      ),
    choices: z
      .int()
      .min(2)
      .max(100)
      .optional()
      .describe('Backends sampled per request ("power-of-two" only). Default 2.'),
    virtualNodes: z
      .int()
      .min(1)
      .max(10000)
      .optional()
      .describe(
        'Points on the ring per backend, times its weight ("consistent-hash" only). Default 160 (ketama).',
      ),
    boundedLoad: z
      .number()
      .min(1)
      .max(100)
      .optional()
      .describe(
        'Consistent hashing with bounded loads ("consistent-hash" only): no backend takes more than ⌈c × the mean⌉ in flight; the next on the ring gets the request. Default: unbounded.',
      ),
    healthCheck: healthCheckSchema.optional(),
    outlierDetection: outlierDetectionSchema.optional(),
    panicThreshold: z
      .number()
      .min(0)
      .max(100)
      .default(50)
      .describe(
        "Below this percentage of healthy backends the balancer sends to all of them, healthy or not (Envoy's panic threshold). Default 50; 0 never panics.",
      ),
    slowStart: durationSchema
      .default(0)
      .describe(
        "A backend that comes back gets its weight ramped up linearly over this time, from 10% (Envoy slow start). Default 0: none.",
      ),
  })
  .superRefine((b, ctx) => {
    for (const [field, algorithm] of Object.entries(ONLY_FOR)) {
      if (b[field as keyof typeof b] !== undefined && b.algorithm !== algorithm) {
        const allowed = [...COMMON, ...Object.keys(ONLY_FOR).filter((f) => ONLY_FOR[f] === b.algorithm)];
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: problemText("scenario.unknown-key", { key: field, allowed }),
        });
      }
    }
  })
  // The same rule in JSON Schema's words: each field is refused unless the algorithm is its own.
  .meta({
    allOf: Object.entries(ONLY_FOR).map(([field, algorithm]) => ({
      if: { properties: { algorithm: { const: algorithm } }, required: ["algorithm"] },
      else: { not: { required: [field] } },
    })),
  })
  .transform((b): BalancerComponent => {
    const balancer: BalancerComponent = {
      type: "balancer",
      algorithm: b.algorithm,
      backends: b.backends.map((backend) =>
        typeof backend === "string" ? { target: backend, weight: 1 } : backend,
      ),
      choices: b.choices ?? 2,
      virtualNodes: b.virtualNodes ?? 160,
      panicThreshold: b.panicThreshold,
      slowStart: b.slowStart,
    };
    if (b.boundedLoad !== undefined) balancer.boundedLoad = b.boundedLoad;
    if (b.healthCheck !== undefined) balancer.healthCheck = b.healthCheck;
    if (b.outlierDetection !== undefined) balancer.outlierDetection = b.outlierDetection;
    return balancer;
  })
  .describe(
    'A load balancer in front of backends (any components): { "type": "balancer", "algorithm": "power-of-two", "backends": ["s1", "s2", { "target": "s3", "weight": 5 }] }.',
  );
