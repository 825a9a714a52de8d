// TRUST_PROXY: X-Forwarded-For is believed only from listed proxies, read from the right, so a
// client behind nginx is told apart from the others and no client can choose its own address.
import { Hono } from "hono";
import { afterAll, describe, expect, test } from "vitest";
import { clientAddress, TrustedProxies } from "../../../apps/api/src/http/client-address";
import { killAllServers, removeDataDir, startApiServer } from "../support/api-server";

/** What clientAddress says for a request from `peer` with these X-Forwarded-For values. */
async function seen(trusted: string[], peer: string, forwarded?: string): Promise<string> {
  const proxies = new TrustedProxies(trusted);
  const app = new Hono().get("/", (c) => c.text(clientAddress(c, proxies)));
  const headers: Record<string, string> = forwarded === undefined ? {} : { "X-Forwarded-For": forwarded };
  // @hono/node-server's getConnInfo reads the socket from the environment.
  const env = { incoming: { socket: { remoteAddress: peer, remotePort: 40000, remoteFamily: "IPv4" } } };
  return (await app.request("/", { headers }, env)).text();
}

describe("clientAddress", () => {
  test("without TRUST_PROXY the socket's peer is the client, whatever the header says", async () => {
    expect(await seen([], "198.51.100.7", "203.0.113.5")).toBe("198.51.100.7");
  });

  test("from a trusted proxy, the address it appended is the client", async () => {
    expect(await seen(["127.0.0.1"], "127.0.0.1", "203.0.113.5")).toBe("203.0.113.5");
    expect(await seen(["10.0.0.0/8"], "10.1.2.3", "203.0.113.5")).toBe("203.0.113.5");
    expect(await seen(["127.0.0.1"], "::ffff:127.0.0.1", "2001:db8::1")).toBe("2001:db8::1");
  });

  test("a client cannot choose its address by writing the header itself", async () => {
    // Not from a trusted proxy: the header is ignored.
    expect(await seen(["127.0.0.1"], "198.51.100.7", "1.1.1.1")).toBe("198.51.100.7");
    // Through the proxy: what the client wrote sits left of what the proxy appended, and is never reached.
    expect(await seen(["127.0.0.1"], "127.0.0.1", "1.1.1.1, 203.0.113.5")).toBe("203.0.113.5");
    expect(await seen(["127.0.0.1"], "127.0.0.1", "not-an-address, 203.0.113.5")).toBe("203.0.113.5");
  });

  test("a chain of trusted proxies is skipped from the right; if all are trusted, the furthest is the client", async () => {
    expect(await seen(["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "203.0.113.5, 10.0.0.2, 10.0.0.3")).toBe(
      "203.0.113.5",
    );
    expect(await seen(["127.0.0.1", "10.0.0.0/8"], "127.0.0.1", "10.0.0.2, 10.0.0.3")).toBe("10.0.0.2");
    expect(await seen(["127.0.0.1"], "127.0.0.1")).toBe("127.0.0.1");
    expect(await seen(["127.0.0.1"], "127.0.0.1", "garbage")).toBe("127.0.0.1");
  });
});

describe("TrustedProxies", () => {
  test("takes addresses and subnets of both families, and refuses anything else by name", () => {
    const proxies = new TrustedProxies(["127.0.0.1", "10.0.0.0/8", "fd00::/8", "::1"]);
    expect(proxies.has("10.200.0.1")).toBe(true);
    expect(proxies.has("fd12::1")).toBe(true);
    expect(proxies.has("::1")).toBe(true);
    expect(proxies.has("11.0.0.1")).toBe(false);
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/8/1", "fd00::/129", "1.2.3"]) {
      expect(() => new TrustedProxies([bad]), bad).toThrow(`TRUST_PROXY: "${bad}"`);
    }
  });
});

describe("the rate limit of a real server, as a proxy on 127.0.0.1 would reach it", () => {
  afterAll(killAllServers);

  /** Statuses of GET /v1/runs/<unknown> sent as forwarded for each address in turn. */
  async function statuses(env: Record<string, string>, forwardedFor: string[]): Promise<number[]> {
    const server = await startApiServer({ env: { RATE_LIMIT: "2", ...env } });
    try {
      const out: number[] = [];
      for (const address of forwardedFor) {
        const res = await fetch(`${server.url}/v1/runs/0123456789abcdef0123`, {
          headers: { "X-Forwarded-For": address },
        });
        out.push(res.status);
      }
      return out;
    } finally {
      await server.stop("SIGKILL");
      removeDataDir(server.dataDir);
    }
  }

  test("with TRUST_PROXY=127.0.0.1 each forwarded client has its own allowance", async () => {
    const a = "203.0.113.5";
    const b = "203.0.113.6";
    expect(await statuses({ TRUST_PROXY: "127.0.0.1" }, [a, a, a, b, `${b}, ${a}`])).toEqual([
      404, 404, 429, 404, 429,
    ]);
  });

  test("without it the header changes nothing: every request counts against the socket's address", async () => {
    expect(await statuses({}, ["203.0.113.5", "203.0.113.6", "203.0.113.7"])).toEqual([404, 404, 429]);
  });
});
