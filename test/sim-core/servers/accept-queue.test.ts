// The kernel's accept queue: somaxconn cap, SYN-ACK retransmission schedule, RST on overflow.
import { describe, expect, test } from "vitest";
import { Simulation } from "../../../packages/sim-core/src/kernel/simulation";
import { AcceptQueue, type AcceptQueueOwner } from "../../../packages/sim-core/src/servers/accept-queue";
import { Connection } from "../../../packages/sim-core/src/servers/connection";
import { Request } from "../../../packages/sim-core/src/workload/request";

/** A connection for a request numbered `id`, as a server makes one when a request's frame begins. */
function conn(id: number): Connection {
  const request = new Request();
  request.id = id;
  const connection = new Connection(request);
  request.visit = connection;
  return connection;
}

/** Retries every retransmitted connection against the (still full) queue and records what happens. */
class Owner implements AcceptQueueOwner {
  queue!: AcceptQueue;
  readonly retransmits: number[] = [];
  readonly failed: { at: number; reason: string }[] = [];
  constructor(private readonly sim: Simulation) {}
  onRetransmit(connection: Connection): void {
    this.retransmits.push(this.sim.now);
    this.queue.offer(connection);
  }
  onConnectFailed(_connection: Connection, reason: "reset" | "timeout"): void {
    this.failed.push({ at: this.sim.now, reason });
  }
}

function setup(backlog: number, onOverflow: "drop" | "reset") {
  const sim = new Simulation();
  const owner = new Owner(sim);
  const queue = new AcceptQueue(sim, backlog, onOverflow, owner, { measuring: true });
  owner.queue = queue;
  return { sim, owner, queue };
}

describe("accept queue", () => {
  test("the backlog is capped by somaxconn (4096)", () => {
    expect(setup(65535, "drop").queue.capacity).toBe(4096);
    expect(setup(511, "drop").queue.capacity).toBe(511);
  });

  test("a full queue drops the handshake: SYN-ACK retransmitted after 1, 3, 7, 15, 31 s, abandoned at 63 s", () => {
    const { sim, owner, queue } = setup(1, "drop");
    queue.offer(conn(0)); // fills it, and nobody accepts
    queue.offer(conn(1));
    sim.run();
    expect(owner.retransmits).toEqual([1, 3, 7, 15, 31]);
    expect(owner.failed).toEqual([{ at: 63, reason: "timeout" }]);
    expect(queue.drops).toBe(6); // the first try and each of 5 retransmissions
    expect(queue.retransmitted).toEqual([1, 0, 0, 0, 0, 0]);
  });

  test("a connection gets in on the retransmission after the queue drains, and is counted by retries", () => {
    const { sim, owner, queue } = setup(1, "drop");
    queue.offer(conn(0));
    queue.offer(conn(1));
    // The application accepts the first connection at 2 s: the retransmission at 3 s finds room.
    sim.scheduleAt(2, { onEvent: () => queue.take() }, 0);
    sim.run();
    expect(owner.retransmits).toEqual([1, 3]);
    expect(owner.failed).toEqual([]);
    expect(queue.take()?.request.id).toBe(1);
    expect(queue.retransmitted).toEqual([1, 0, 1, 0, 0, 0]);
  });

  test('onOverflow "reset" answers RST at once', () => {
    const { sim, owner, queue } = setup(2, "reset");
    for (let i = 0; i < 5; i++) queue.offer(conn(i));
    sim.run();
    expect(owner.failed).toEqual([
      { at: 0, reason: "reset" },
      { at: 0, reason: "reset" },
      { at: 0, reason: "reset" },
    ]);
    expect(queue.line.rejected).toBe(3); // refused by the line; the owner answers each with RST
    expect(queue.length).toBe(2);
    expect(queue.peak).toBe(2);
  });
});
