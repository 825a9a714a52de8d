/** A DNS name as a scenario writes it: the addresses it resolves to, their TTL, and changes over time. */
import { z } from "zod";
import { durationSchema, positiveDurationJson } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";
import { showValue } from "../scenario/show-value";

export interface DnsComponent {
  type: "dns";
  addresses: string[];
  ttl: number;
  changes: { at: number; addresses: string[] }[];
  longCache?: { share: number; ttl: number };
}

const positiveDuration = durationSchema
  .refine((seconds) => seconds > 0, {
    error: (issue) =>
      problemText("scenario.too-small", { limit: "greater than 0", got: showValue(issue.input) }),
  })
  .meta(positiveDurationJson);

const addresses = z
  .array(z.string().min(1))
  .describe("Components the name resolves to (balancers, usually).");

export const dnsSchema = z
  .strictObject({
    type: z.literal("dns"),
    addresses: addresses
      .default([])
      .describe(
        "Components the name resolves to (balancers, usually), rotated on each answer; a client uses the first. With none, every request fails (reset: nothing to connect to).",
      ),
    ttl: positiveDuration.default(300).describe("How long a client caches an answer. Default 300s."),
    changes: z
      .array(
        z
          .strictObject({
            at: durationSchema.describe("When the records change (simulated time from the start)."),
            addresses: addresses.describe("The addresses from then on."),
          })
          .describe('A change of the records: { "at": "100s", "addresses": ["lb2"] }.'),
      )
      .default([])
      .describe("Changes of the records over time; clients see each only when their cached answer expires."),
    longCache: z
      .strictObject({
        share: z.number().min(0).max(1).describe("The share of clients that cache longer."),
        ttl: positiveDuration.describe("How long they cache."),
      })
      .optional()
      .describe(
        'Some clients cache longer than the TTL, as resolvers with a minimum TTL and JVMs do: { "share": 0.1, "ttl": "1h" }. Default: none.',
      ),
  })
  .transform((d): DnsComponent => {
    const dns: DnsComponent = { type: "dns", addresses: d.addresses, ttl: d.ttl, changes: d.changes };
    if (d.longCache !== undefined) dns.longCache = d.longCache;
    return dns;
  })
  .describe(
    'A DNS name in front of several addresses: { "type": "dns", "addresses": ["lb1", "lb2"], "ttl": "300s" }. Each client (an open workload\'s population, a closed workload\'s users) caches its answer.',
  );
