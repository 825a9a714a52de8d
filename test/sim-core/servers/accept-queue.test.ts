// The listening socket: SYN and ACK drops, both ends' retransmission schedules, SYN cookies,
// RST on overflow, request socks given up, and connections established before their data.
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { AcceptQueue, type AcceptQueueOwner } from "../../../packages/sim-core/src/servers/accept-queue";
import { Connection } from "../../../packages/sim-core/src/servers/connection";
import { Request } from "../../../packages/sim-core/src/workload/request";

/** A connection for a request, as a server makes one when a request's frame begins, and what became of it. */
class Conn extends Connection {
  established = -1;
  data = -1;
  failed: { at: number; reason: string } | null = null;
  constructor(readonly id: number) {
    const request = new Request();
    request.id = id;
    super(request);
    request.visit = this;
  }
}

/** Records what happens to each connection; the application accepts only when the test says so. */
class Owner implements AcceptQueueOwner {
  constructor(private readonly sim: Simulation) {}
  onEstablished(connection: Connection): boolean {
    const c = connection as Conn;
    c.established = this.sim.now;
    if (c.handshake.delivered) c.data = this.sim.now;
    return false; // it waits in the queue
  }
  onData(connection: Connection): void {
    (connection as Conn).data = this.sim.now;
  }
  onConnectFailed(connection: Connection, reason: string): void {
    (connection as Conn).failed = { at: this.sim.now, reason };
  }
}

function setup(backlog: number, onOverflow: "drop" | "reset" = "drop") {
  const sim = new Simulation();
  const queue = new AcceptQueue(sim, backlog, onOverflow, new Owner(sim), { measuring: true });
  const at = (time: number, action: () => void) => sim.scheduleAt(time, { onEvent: action }, 0);
  /** Connections whose first SYN arrives at `time`, all at that same instant. */
  const connectAt = (time: number, ...conns: Conn[]) => {
    for (const c of conns) at(time, () => queue.connect(c));
    return conns;
  };
  return { sim, queue, at, connectAt };
}

const conns = (n: number, from = 0) => Array.from({ length: n }, (_, i) => new Conn(from + i));

describe("accept queue", () => {
  test("the backlog is capped by somaxconn (4096)", () => {
    expect(setup(65535).queue.capacity).toBe(4096);
    expect(setup(511).queue.capacity).toBe(511);
  });

  test("it holds backlog + 1 connections (sk_acceptq_is_full compares with >); a SYN beyond is dropped", () => {
    const { sim, queue, connectAt } = setup(2);
    const [a, b, c, d] = conns(4);
    connectAt(0, a!);
    connectAt(0.001, b!);
    connectAt(0.002, c!);
    connectAt(0.003, d!);
    sim.run(0.5);
    expect([a, b, c].map((x) => x!.established)).toEqual([0, 0.001, 0.002]);
    expect(queue.length).toBe(3);
    expect(d!.established).toBe(-1);
    expect(queue.drops).toBe(1);
  });

  test("a dropped SYN is retransmitted after 1, 2, 3, 4, 5, 7 s …: it gets in at the first retransmission after room appears", () => {
    const { sim, queue, at, connectAt } = setup(1);
    connectAt(0, ...conns(2)); // fills the queue (2 = backlog + 1)
    const [late] = connectAt(0.001, new Conn(9));
    at(4.5, () => queue.take());
    sim.run(20);
    // SYNs at 0, ~1, ~2, ~3, ~4 s are dropped; the one at ~5 s (each interval 1 s, rounded up to
    // the 32 ms granularity of the timer wheel) finds the room made at 4.5 s.
    expect(late!.established).toBeGreaterThan(5);
    expect(late!.established).toBeLessThan(5 + 5 * 0.032);
    expect(queue.retransmitted[5]).toBe(1);
    expect(queue.drops).toBe(5);
  });

  test("connect() fails with ETIMEDOUT after 10 retransmissions, at about 131 s (tcp_syn_retries 6 + 4 linear timeouts)", () => {
    const { sim, queue, connectAt } = setup(1);
    connectAt(0, ...conns(2));
    const [late] = connectAt(0.001, new Conn(9));
    sim.run();
    expect(late!.failed?.reason).toBe("timeout");
    // 1 + 1 + 1 + 1 + 1 + 2 + 4 + 8 + 16 + 32 + 64 = 131 s, each wait a little later on the wheel.
    expect(late!.failed!.at).toBeGreaterThan(131);
    expect(late!.failed!.at).toBeLessThan(136);
    expect(queue.drops).toBe(11);
    expect(queue.connectTimeouts).toBe(1);
  });

  test("SYNs arriving together all pass a queue with one free place; only one ACK gets it, the others retransmit their data", () => {
    const { sim, queue, at, connectAt } = setup(1);
    connectAt(0, new Conn(0)); // one of the two places taken
    const [first, ...others] = connectAt(1, ...conns(3, 1));
    at(1.5, () => queue.take());
    sim.run(2);
    expect(first!.established).toBe(1);
    expect(first!.data).toBe(1);
    // The others' ACK and request were dropped; each client retransmits its request at +208 ms
    // (a loss probe), +416 ms, +832 ms (each rounded up on the timer wheel): at ~1.86 s one of
    // them finds the place made at 1.5 s, with its request.
    const [got, still] = others[0]!.established > 0 ? others : [others[1]!, others[0]!];
    expect(got!.established).toBeGreaterThan(1.832);
    expect(got!.established).toBeLessThan(1.9);
    expect(got!.data).toBe(got!.established);
    expect(still!.established).toBe(-1);
    expect(queue.drops).toBe(2 + 2 + 2 + 1);
  });

  test("a request sock's SYN-ACK retransmission can establish the connection by a bare ACK, before its data", () => {
    const { sim, queue, at, connectAt } = setup(1);
    connectAt(0, new Conn(0));
    const [, late] = connectAt(1, ...conns(2, 1));
    // Room appears after the data retransmission at ~1.83 s and before the SYN-ACK's at ~2.02 s.
    at(1.9, () => queue.take());
    sim.run(5);
    expect(late!.established).toBeGreaterThan(2);
    expect(late!.established).toBeLessThan(2.05);
    // Its request arrives later, with the next data retransmission: 1 + 1.664 s (+ the wheel's rounding).
    expect(late!.data).toBeGreaterThan(2.664);
    expect(late!.data).toBeLessThan(2.7);
  });

  test("once the SYN queue holds more than the backlog, SYN-ACKs are cookies: no state, no SYN-ACK retransmission", () => {
    const { sim, queue, at, connectAt } = setup(1);
    connectAt(0, new Conn(0));
    const clump = connectAt(1, ...conns(6, 1));
    at(2.5, () => queue.take());
    sim.run(2.6);
    // Request socks for the first two SYNs (queue length 0 and 1, not above the backlog of 1).
    expect(queue.synCookies).toBe(4);
    // The one request sock left retransmitted its SYN-ACK at ~2.02 s (the bare ACK was dropped);
    // cookies did not, so only data retransmissions can get them in.
    expect(clump.filter((c) => c.handshake.synAckTimeouts > 0).length).toBe(1);
    expect(clump.filter((c) => c.handshake.cookie).length).toBe(4);
  });

  test('with onOverflow "reset" an ACK that finds the queue full is answered RST; a SYN is still dropped', () => {
    const { sim, queue, connectAt } = setup(1, "reset");
    connectAt(0, new Conn(0));
    const [first, second] = connectAt(1, ...conns(2, 1));
    const [third] = connectAt(2, new Conn(3));
    sim.run(4);
    expect(first!.established).toBe(1);
    expect(second!.failed).toEqual({ at: 1, reason: "reset" });
    expect(queue.resets).toBe(1);
    // The queue is full when the third SYN arrives: dropped, not reset; it will retransmit.
    expect(third!.failed).toBeNull();
    expect(third!.handshake.syns).toBeGreaterThan(1);
  });

  test("old request socks filling more than half the SYN queue are given up after 2 SYN-ACK retransmissions; their client then gets RST", () => {
    const { sim, queue, connectAt } = setup(8);
    for (let i = 0; i < 8; i++) connectAt(i * 0.001, new Conn(100 + i)); // 8 of the 9 places
    const clump = connectAt(1, ...conns(10));
    sim.run(20);
    // 9 SYNs got request socks (SYN queue 0 … 8), the tenth a cookie; one ACK got the last place.
    expect(queue.synCookies).toBe(1);
    // Of the 8 request socks left, none young after their first retransmission: at the third
    // timeout (~8 s) each is given up while 2 × (requests) > max(8, backlog), i.e. until 4 remain.
    expect(queue.halfOpen).toBe(4);
    const reset = clump.filter((c) => c.failed?.reason === "reset");
    expect(reset.length).toBe(4);
    // Their next data retransmission, 1 + 13.3 s (+ rounding), meets no request sock: RST.
    for (const c of reset) {
      expect(c.handshake.synAckTimeouts).toBe(2);
      expect(c.failed!.at).toBeGreaterThan(14.3);
      expect(c.failed!.at).toBeLessThan(15);
    }
    // The other 4 keep all 5 retransmissions (1, 2, 4, 8, then 16 s later).
    expect(clump.filter((c) => c.handshake.synAckTimeouts === 4).length).toBe(4);
  });
});
