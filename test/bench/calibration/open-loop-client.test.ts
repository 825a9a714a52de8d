// The open-loop client: requests leave on schedule whatever the server does, latency counts from
// the scheduled send, and a client timeout, a refused connection and a reset are told apart.

import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  poissonTimes,
  runOpenLoop,
  seededRandom,
  tcpExchange,
} from "../../../bench/calibration/open-loop-client";

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A server that answers each connection `delay` seconds after its first byte, then closes. */
async function slowServer(delay: number, answer = true): Promise<number> {
  const server = createServer((socket) => {
    socket.once("data", () =>
      setTimeout(() => (answer ? socket.end("ok") : socket.resetAndDestroy()), delay * 1000),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

describe("open-loop client", () => {
  it("sends on schedule while earlier requests still wait, and measures each from its own send time", async () => {
    const port = await slowServer(0.3);
    const plan = [0, 0.05, 0.1, 0.15].map((at) => ({ at, cls: "x", payload: "go" }));
    const run = await runOpenLoop({ plan, timeout: 5, exchange: tcpExchange("127.0.0.1", port) });
    expect(run.maxSendLag).toBeLessThan(0.1);
    for (const o of run.outcomes) {
      expect(o.failure).toBeNull();
      expect(o.head).toBe("ok");
      expect(o.latency!).toBeGreaterThan(0.29);
    }
    // About 0.3 s each; one connection at a time, a closed-loop client would have sent the last
    // request only after 0.9 s and seen 1.2 s.
    expect(run.outcomes[3]!.latency!).toBeLessThan(0.9);
  });

  it("tells a client timeout, a reset and a refused connection apart", async () => {
    const slow = await slowServer(2);
    const resetting = await slowServer(0.01, false);
    const closed = await slowServer(0);
    servers.pop()!.close(); // nothing listens on `closed` any more
    const one = (port: number, timeout: number) =>
      runOpenLoop({
        plan: [{ at: 0, cls: "x", payload: "go" }],
        timeout,
        exchange: tcpExchange("127.0.0.1", port),
      });
    expect((await one(slow, 0.2)).outcomes[0]!.failure).toBe("timeout");
    expect((await one(resetting, 2)).outcomes[0]!.failure).toBe("reset");
    expect((await one(closed, 2)).outcomes[0]!.failure).toBe("refused");
  });

  it("draws the same Poisson arrivals from the same seed, at the asked rate", () => {
    const a = poissonTimes(seededRandom(7), 500, 0, 20);
    expect(poissonTimes(seededRandom(7), 500, 0, 20)).toEqual(a);
    // 10,000 expected, standard deviation 100.
    expect(Math.abs(a.length - 10_000)).toBeLessThan(400);
    expect(a.every((t, i) => t >= 0 && t < 20 && (i === 0 || t >= a[i - 1]!))).toBe(true);
  });
});
