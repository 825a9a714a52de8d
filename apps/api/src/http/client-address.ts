// The address a request comes from, for per-client limits. Behind a reverse proxy the socket's
// peer is the proxy, so the client is read from X-Forwarded-For, but only from peers listed in
// TRUST_PROXY: anyone else could write any address there. The header is read from the right
// (each proxy appends the peer it saw), skipping trusted proxies, and the first other address is
// the client, the way Express's proxy-addr and nginx's real_ip_recursive read it.

import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** Addresses and subnets ("10.0.0.0/8", "::1") whose X-Forwarded-For is believed. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly size: number;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = "", prefix, ...rest] = entry.split("/");
      const family = isIP(address) === 6 ? "ipv6" : "ipv4";
      const bits = family === "ipv6" ? 128 : 32;
      const badPrefix = prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
      if (isIP(address) === 0 || badPrefix || rest.length > 0) {
        throw new Error(
          `TRUST_PROXY: "${entry}" is not an IP address or a subnet such as 10.0.0.0/8 or fd00::/8`,
        );
      }
      if (prefix === undefined) this.list.addAddress(address, family);
      else this.list.addSubnet(address, Number(prefix), family);
    }
    this.size = entries.length;
  }

  has(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 6 ? "ipv6" : "ipv4");
  }
}

/** An IPv4 client on a dual-stack socket shows as ::ffff:a.b.c.d; it is matched as a.b.c.d. */
function unmapped(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/** The socket's peer; requests made in-process (app.request) have none and share one key. */
function peerAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function clientAddress(c: Context, trusted: TrustedProxies): string {
  const peer = peerAddress(c);
  if (peer === undefined) return "local";
  if (trusted.size === 0 || !trusted.has(peer)) return unmapped(peer);
  const hops = (c.req.header("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  let client = unmapped(peer);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i]!);
    // Something that is not an address was not written by a proxy: nothing left of it is believed.
    if (isIP(hop) === 0) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  // The first address that is not a trusted proxy; when every hop is one, the furthest of them.
  return client;
}
