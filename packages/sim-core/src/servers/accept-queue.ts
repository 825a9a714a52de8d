/**
 * The kernel's accept queue of a listening socket: connections whose handshake is done,
 * waiting for the application to accept() them. Its length is the listen backlog, capped
 * by net.core.somaxconn.
 *
 * When it is full, Linux by default (tcp_abort_on_overflow = 0) drops the handshake's last
 * ACK; the server retransmits its SYN-ACK after 1 s, 2 s, 4 s, 8 s, 16 s (RFC 6298's 1 s
 * initial RTO, doubling) and each retransmission lets the client's ACK try again, so the
 * connection is established 1, 3, 7, 15 or 31 s late. After tcp_synack_retries (5) the
 * attempt is abandoned and the client's connect times out. With onOverflow "reset"
 * (tcp_abort_on_overflow = 1) the kernel answers RST at once.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import { Fifo } from "./fifo";
import { SOMAXCONN, SYNACK_INITIAL_RTO, SYNACK_RETRIES } from "./server-defaults";

export type OnOverflow = "drop" | "reset";

/** What the accept queue needs to know of a connection. */
export interface Connection {
  /** SYN-ACK retransmissions so far. */
  synRetries: number;
}

/** Told what became of a connection that found the queue full. */
export interface AcceptQueueOwner<C extends Connection> {
  /** The handshake's ACK arrives again (after a SYN-ACK retransmission): try to connect once more. */
  onRetransmit(connection: C): void;
  /** The connection failed: answered with RST, or abandoned after the last retransmission. */
  onConnectFailed(connection: C, reason: "reset" | "timeout"): void;
}

const RETRANSMIT = 0;
const GIVE_UP = 1;

export class AcceptQueue<C extends Connection> implements EventHandler {
  readonly capacity: number;
  private readonly queue = new Fifo<C>();
  /** Handshakes dropped because the queue was full (each retransmission that finds it full counts again). */
  drops = 0;
  resets = 0;
  /** Connections abandoned after tcp_synack_retries. */
  connectTimeouts = 0;
  peak = 0;
  /** Connections established after k SYN-ACK retransmissions, at index k (0 … tcp_synack_retries). */
  readonly retransmitted: number[] = new Array(SYNACK_RETRIES + 1).fill(0);

  constructor(
    private readonly sim: Simulation,
    backlog: number,
    private readonly onOverflow: OnOverflow,
    private readonly owner: AcceptQueueOwner<C>,
  ) {
    this.capacity = Math.min(backlog, SOMAXCONN);
  }

  get length(): number {
    return this.queue.length;
  }

  /** Queues a connection whose handshake completed, or applies the overflow rule when full. */
  offer(connection: C): void {
    if (this.queue.length < this.capacity) {
      this.established(connection);
      this.queue.push(connection);
      if (this.queue.length > this.peak) this.peak = this.queue.length;
      return;
    }
    if (this.onOverflow === "reset") {
      this.resets++;
      this.owner.onConnectFailed(connection, "reset");
      return;
    }
    this.drops++;
    if (connection.synRetries >= SYNACK_RETRIES) {
      // The last retransmission's timer expires before the kernel gives up.
      this.sim.schedule(SYNACK_INITIAL_RTO * 2 ** connection.synRetries, this, GIVE_UP, connection);
      return;
    }
    this.sim.schedule(SYNACK_INITIAL_RTO * 2 ** connection.synRetries, this, RETRANSMIT, connection);
    connection.synRetries++;
  }

  /** Counts a connection whose handshake completed (queued, or accepted at once by an idle application). */
  established(connection: C): void {
    this.retransmitted[connection.synRetries]!++;
  }

  /** The application accepts the oldest connection. */
  take(): C | undefined {
    return this.queue.shift();
  }

  resetCounters(): void {
    this.drops = 0;
    this.resets = 0;
    this.connectTimeouts = 0;
    this.peak = this.queue.length;
    this.retransmitted.fill(0);
  }

  onEvent(kind: number, payload: unknown): void {
    const connection = payload as C;
    if (kind === RETRANSMIT) {
      this.owner.onRetransmit(connection);
      return;
    }
    this.connectTimeouts++;
    this.owner.onConnectFailed(connection, "timeout");
  }
}
