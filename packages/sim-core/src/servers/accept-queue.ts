/**
 * The kernel's accept queue of a listening socket: connections whose handshake is done,
 * waiting for the application to accept() them — a FIFO waiting line whose capacity is the
 * listen backlog, capped by net.core.somaxconn.
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
import { type MeasuringFlag, WaitingLine } from "../queues/waiting-line";
import type { Connection } from "./connection";
import { SOMAXCONN, SYNACK_INITIAL_RTO, SYNACK_RETRIES } from "./server-defaults";

export type OnOverflow = "drop" | "reset";

/** Told what became of a connection that found the queue full. */
export interface AcceptQueueOwner {
  /** The handshake's ACK arrives again (after a SYN-ACK retransmission): try to connect once more. */
  onRetransmit(connection: Connection): void;
  /** The connection failed: answered with RST, or abandoned after the last retransmission. */
  onConnectFailed(connection: Connection, reason: "reset" | "timeout"): void;
}

const RETRANSMIT = 0;
const GIVE_UP = 1;

export class AcceptQueue implements EventHandler {
  readonly line: WaitingLine;
  /** Handshakes dropped because the queue was full (each retransmission that finds it full counts again). */
  drops = 0;
  peak = 0;
  /** Connections established after k SYN-ACK retransmissions, at index k (0 … tcp_synack_retries). */
  readonly retransmitted: number[] = new Array(SYNACK_RETRIES + 1).fill(0);

  constructor(
    private readonly sim: Simulation,
    backlog: number,
    private readonly onOverflow: OnOverflow,
    private readonly owner: AcceptQueueOwner,
    flag: MeasuringFlag,
  ) {
    this.line = new WaitingLine(sim, "fifo", flag, Math.min(backlog, SOMAXCONN));
  }

  get capacity(): number {
    return this.line.capacity;
  }

  get length(): number {
    return this.line.size;
  }

  /** Queues a connection whose handshake completed, or applies the overflow rule when full. */
  offer(connection: Connection): void {
    if (this.line.join(connection.request)) {
      this.established(connection);
      if (this.line.size > this.peak) this.peak = this.line.size;
      return;
    }
    if (this.onOverflow === "reset") {
      this.owner.onConnectFailed(connection, "reset");
      return;
    }
    this.drops++;
    const delay = SYNACK_INITIAL_RTO * 2 ** connection.synRetries;
    // After the last retransmission its timer still runs out before the kernel gives up.
    if (connection.synRetries >= SYNACK_RETRIES) this.sim.schedule(delay, this, GIVE_UP, connection);
    else {
      this.sim.schedule(delay, this, RETRANSMIT, connection);
      connection.synRetries++;
    }
  }

  /** Counts a connection whose handshake completed (queued, or accepted at once by an idle application). */
  established(connection: Connection): void {
    this.retransmitted[connection.synRetries]!++;
  }

  /** The application accepts the oldest connection, or null when none waits. */
  take(): Connection | null {
    const request = this.line.take();
    return request === null ? null : (request.visit as Connection);
  }

  startMeasurement(now: number): void {
    this.line.startMeasurement(now);
    this.drops = 0;
    this.peak = this.line.size;
    this.retransmitted.fill(0);
  }

  onEvent(kind: number, payload: unknown): void {
    const connection = payload as Connection;
    if (kind === RETRANSMIT) this.owner.onRetransmit(connection);
    else this.owner.onConnectFailed(connection, "timeout");
  }
}
