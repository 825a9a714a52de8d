/** The dns kind: a name resolving to several components, cached by each client for its TTL. */
import type { ComponentKind, RawComponent } from "../component/component-kind";
import type { PathSegment } from "../scenario/json-path";
import { DnsName } from "./dns-name";
import { type DnsComponent, dnsSchema } from "./dns-schema";
import type { DnsStats } from "./dns-stats";

function addressNames(raw: RawComponent): { path: PathSegment[]; name: string }[] {
  const named: { path: PathSegment[]; name: string }[] = [];
  if (Array.isArray(raw.addresses))
    raw.addresses.forEach((a: unknown, i) => {
      if (typeof a === "string") named.push({ path: ["addresses", i], name: a });
    });
  if (Array.isArray(raw.changes))
    raw.changes.forEach((change: unknown, c) => {
      const list = (change as { addresses?: unknown } | null)?.addresses;
      if (Array.isArray(list))
        list.forEach((a: unknown, i) => {
          if (typeof a === "string") named.push({ path: ["changes", c, "addresses", i], name: a });
        });
    });
  return named;
}

export const dnsKind: ComponentKind<DnsComponent, DnsStats> = {
  type: "dns",
  schema: dnsSchema,
  create: (name, spec, context) => new DnsName(name, spec, context),
  hosts: {
    steps: [],
    use: "a DNS name runs no steps of its own: call it, and it passes the call to the address its client resolved.",
  },
  call: (raw) => ({ through: [...new Set(addressNames(raw).map((a) => a.name))] }),
  names: addressNames,
};
