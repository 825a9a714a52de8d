/**
 * A listening socket and the TCP handshakes in front of it, as Linux runs them: the SYN queue of
 * half-open requests, the accept queue of connections whose handshake is done, waiting for the
 * application's accept() (a FIFO waiting line), and the retransmissions of both ends. The figures and rules are the
 * kernel's (Linux 6.x, default sysctls; server-defaults.ts), file and function named where used.
 *
 * - A SYN that finds the accept queue full is dropped (tcp_conn_request: sk_acceptq_is_full →
 *   LISTEN_OVERFLOWS, drop — whatever tcp_abort_on_overflow says); the client retransmits it
 *   on its own schedule and gives up with ETIMEDOUT at last. The queue is full when it holds
 *   more than the backlog (sk_acceptq_is_full compares with >), so it holds backlog + 1.
 * - A SYN that finds room is answered with a SYN-ACK: from a request sock in the SYN queue, or,
 *   once that queue holds more than the backlog, from a SYN cookie that keeps no state
 *   (inet_csk_reqsk_queue_is_full; tcp_syncookies = 1). The SYN does not reserve a place, so a
 *   clump of SYNs that each saw room are all answered.
 * - The client, now connected as far as it knows, sends its ACK and at once its request. If the
 *   accept queue is full when they arrive both are dropped (tcp_check_req → listen_overflow: the
 *   request is marked acked), or with onOverflow "reset" (tcp_abort_on_overflow = 1) a request
 *   sock answers RST. The client retransmits its data with its own timeout (a tail loss probe
 *   after TCP_RTO_MIN, then RTO backoff), and the listener retransmits a request's SYN-ACK after
 *   1, 2, 4, … s (reqsk_timer_handler), which the client answers with a bare ACK. Whichever first
 *   finds room creates the connection: with its data, or — from the bare ACK — without, and then
 *   an application that accepts it waits in read() for the data's next retransmission.
 * - reqsk_timer_handler gives up a request after tcp_synack_retries, or after as few as 2
 *   retransmissions once old requests fill more than half the queue; the client's next
 *   retransmission then meets no request and is answered RST (connection reset).
 *
 * Every retransmission timer runs on the kernel's timer wheel (timer-wheel.ts), so connections
 * whose timers expire close together retransmit in a clump, in the wheel's order. Packets on the
 * loopback or a LAN take no simulated time, but a packet sent in answer to one is handled after
 * every packet already due at that instant (the softirq that sends it finishes first).
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import { type MeasuringFlag, WaitingLine } from "../queues/waiting-line";
import type { Connection } from "./connection";
import type { Handshake } from "./handshake";
import {
  KERNEL_HZ,
  SOMAXCONN,
  SYN_LINEAR_TIMEOUTS,
  SYN_RETRIES,
  SYNACK_RETRIES,
  TCP_ORPHAN_RETRIES,
  TCP_RETRIES2,
  TCP_RTO_MAX,
  TCP_RTO_MIN,
  TCP_TIMEOUT_INIT,
} from "./server-defaults";
import { type TimerOwner, TimerWheel } from "./timer-wheel";

export type OnOverflow = "drop" | "reset";

/** Told what becomes of connections. */
export interface AcceptQueueOwner {
  /**
   * A connection was established. Returns whether the application took it at once (an acceptor
   * was idle and no one was ahead of it); if not, it waits in the accept queue.
   */
  onEstablished(connection: Connection): boolean;
  /** The request's data reached a connection established before it (after the application accepted it, or not). */
  onData(connection: Connection): void;
  /**
   * The connection failed: reset (RST), timeout (the client's connect or data retransmissions ran
   * out), or abandoned (the client gave up first and sends nothing more).
   */
  onConnectFailed(connection: Connection, reason: "reset" | "timeout" | "abandoned"): void;
}

const CLIENT_SYN_TIMER = 0;
const HANDSHAKE_ACK = 1;
const CLIENT_DATA_TIMER = 2;
const SYNACK_TIMER = 3;
const BARE_ACK = 4;

/** TCP_TIMEOUT_INIT in ticks. */
const INITIAL_TICKS = Math.round(TCP_TIMEOUT_INIT * KERNEL_HZ);
const MAX_TICKS = Math.round(TCP_RTO_MAX * KERNEL_HZ);
/**
 * An established connection's first RTO: TCP_RTO_MIN plus a smoothed RTT of microseconds,
 * which usecs_to_jiffies rounds up to the next tick (__tcp_set_rto).
 */
const DATA_RTO_TICKS = Math.floor(TCP_RTO_MIN * KERNEL_HZ) + 1;

export class AcceptQueue implements EventHandler, TimerOwner {
  /** The backlog as the kernel keeps it (capped by somaxconn); the queue holds one more. */
  readonly capacity: number;
  readonly line: WaitingLine;
  private readonly timers: TimerWheel;
  /** Request socks in the SYN queue, and those of them whose SYN-ACK was never retransmitted. */
  private synQueue = 0;
  private young = 0;
  /** SYNs and handshake ACKs dropped because the accept queue was full (TcpExtListenOverflows). */
  drops = 0;
  /** SYN-ACKs sent as cookies (TcpExtSyncookiesSent). */
  synCookies = 0;
  resets = 0;
  /** Connections that failed with ETIMEDOUT: SYN or data retransmissions ran out. */
  connectTimeouts = 0;
  peak = 0;
  /** Connections established after k SYN retransmissions, at index k. */
  readonly retransmitted: number[] = new Array(SYN_RETRIES + SYN_LINEAR_TIMEOUTS + 1).fill(0);

  constructor(
    private readonly sim: Simulation,
    backlog: number,
    private readonly onOverflow: OnOverflow,
    private readonly owner: AcceptQueueOwner,
    flag: MeasuringFlag,
  ) {
    this.capacity = Math.min(backlog, SOMAXCONN);
    this.line = new WaitingLine(sim, "fifo", flag, this.capacity + 1);
    this.timers = new TimerWheel(sim, KERNEL_HZ, this);
  }

  get length(): number {
    return this.line.size;
  }

  /** Request socks in the SYN queue (half-open connections the listener keeps). */
  get halfOpen(): number {
    return this.synQueue;
  }

  private get full(): boolean {
    return this.line.size > this.capacity;
  }

  /** The client connects: its first SYN reaches the listener now. */
  connect(connection: Connection): void {
    this.syn(connection);
  }

  /** The application accepts the oldest established connection, or null when none waits. */
  take(): Connection | null {
    const request = this.line.take();
    return request === null ? null : (request.visit as Connection);
  }

  startMeasurement(now: number): void {
    this.line.startMeasurement(now);
    this.drops = 0;
    this.synCookies = 0;
    this.resets = 0;
    this.connectTimeouts = 0;
    this.peak = this.line.size;
    this.retransmitted.fill(0);
  }

  onEvent(kind: number, payload: unknown): void {
    this.onTimer(kind, payload);
  }

  onTimer(kind: number, payload: unknown): void {
    const connection = payload as Connection;
    if (connection.handshake.over) return;
    switch (kind) {
      case CLIENT_SYN_TIMER:
        this.synTimeout(connection);
        return;
      case HANDSHAKE_ACK:
        this.handshakeAck(connection);
        return;
      case CLIENT_DATA_TIMER:
        this.dataTimeout(connection);
        return;
      case SYNACK_TIMER:
        if (connection.handshake.request) this.synAckTimeout(connection);
        return;
      case BARE_ACK:
        this.ack(connection, false);
        return;
    }
  }

  /** The client's SYN went unanswered: send it again, or give up (tcp_write_timeout). */
  private synTimeout(connection: Connection): void {
    if (connection.abandoned) this.fail(connection, "abandoned");
    else if (connection.handshake.syns - 1 >= SYN_RETRIES + SYN_LINEAR_TIMEOUTS)
      this.fail(connection, "timeout");
    else this.syn(connection);
  }

  /** The SYN-ACK reached the client: its ACK and request follow at once. */
  private handshakeAck(connection: Connection): void {
    const h = connection.handshake;
    h.dataSends = 1;
    this.ack(connection, true);
    if (h.delivered || h.over) return;
    // Both were dropped. Both ends' timers started with the handshake: the client's for its
    // data, and the SYN-ACK timer of the request sock, if the listener keeps one.
    this.armDataTimer(connection);
    if (h.request) this.armSynAckTimer(connection);
  }

  /** The client's request went unacknowledged: send it again, or give up. */
  private dataTimeout(connection: Connection): void {
    const h = connection.handshake;
    if (h.delivered) return;
    // Once the connection exists at the server its data is retried until it arrives: with the
    // default limits it always does, long before the client would give up.
    const limit = connection.abandoned ? TCP_ORPHAN_RETRIES : TCP_RETRIES2;
    if (!h.established && h.dataSends - 1 >= limit) {
      this.fail(connection, connection.abandoned ? "abandoned" : "timeout");
      return;
    }
    h.dataSends++;
    this.ack(connection, true);
    if (!h.delivered && !h.over) this.armDataTimer(connection);
  }

  private syn(connection: Connection): void {
    const h = connection.handshake;
    h.syns++;
    if (this.full) {
      this.drops++;
      // The client's SYN timer: 1 s for the first tcp_syn_linear_timeouts + 1 waits, then doubling.
      const backoff = Math.max(0, h.syns - (SYN_LINEAR_TIMEOUTS + 1));
      const timeout = Math.min(INITIAL_TICKS * 2 ** backoff, MAX_TICKS);
      this.timers.arm(timeout, CLIENT_SYN_TIMER, connection);
      return;
    }
    if (this.synQueue > this.capacity) {
      h.cookie = true;
      this.synCookies++;
    } else {
      h.request = true;
      this.synQueue++;
      this.young++;
    }
    // The SYN-ACK, then the client's ACK and request: after everything already due now.
    this.sim.schedule(0, this, HANDSHAKE_ACK, connection);
  }

  /** The client's ACK reaches the listener, carrying its request (`withData`) or bare. */
  private ack(connection: Connection, withData: boolean): void {
    const h = connection.handshake;
    if (h.established) {
      if (withData && !h.delivered) {
        h.delivered = true;
        this.owner.onData(connection);
      }
      return;
    }
    if (!h.request && !h.cookie) {
      // The request sock was given up: the listener answers an ACK it has no record of with RST.
      this.resets++;
      this.fail(connection, "reset");
      return;
    }
    if (this.full) {
      this.drops++;
      if (h.request && this.onOverflow === "reset") {
        this.removeRequest(h);
        this.resets++;
        this.fail(connection, "reset");
        return;
      }
      // A request sock is kept (marked acked) and retransmits its SYN-ACK on its own timer.
      return;
    }
    if (h.request) this.removeRequest(h);
    h.cookie = false;
    h.established = true;
    h.delivered = withData;
    this.retransmitted[h.syns - 1]!++;
    if (this.owner.onEstablished(connection)) return;
    this.line.join(connection.request);
    if (this.line.size > this.peak) this.peak = this.line.size;
  }

  private synAckTimeout(connection: Connection): void {
    const h = connection.handshake;
    // Old requests crowding the queue get fewer retransmissions (reqsk_timer_handler).
    let retries = SYNACK_RETRIES;
    if (2 * this.synQueue > Math.max(8, this.capacity)) {
      let young = 2 * this.young;
      while (retries > 2 && this.synQueue >= young) {
        retries--;
        young *= 2;
      }
    }
    if (h.synAckTimeouts >= retries) {
      this.removeRequest(h);
      return;
    }
    if (h.synAckTimeouts++ === 0) this.young--;
    // The SYN-ACK again: the client answers with a bare ACK.
    this.sim.schedule(0, this, BARE_ACK, connection);
    this.armSynAckTimer(connection);
  }

  private armSynAckTimer(connection: Connection): void {
    const timeout = Math.min(INITIAL_TICKS * 2 ** connection.handshake.synAckTimeouts, MAX_TICKS);
    this.timers.arm(timeout, SYNACK_TIMER, connection);
  }

  /** The client's next data retransmission: a tail loss probe after one RTO, then backoff. */
  private armDataTimer(connection: Connection): void {
    const sends = connection.handshake.dataSends;
    const timeout = Math.min(DATA_RTO_TICKS * 2 ** Math.max(0, sends - 2), MAX_TICKS);
    this.timers.arm(timeout, CLIENT_DATA_TIMER, connection);
  }

  private removeRequest(h: Handshake): void {
    h.request = false;
    this.synQueue--;
    if (h.synAckTimeouts === 0) this.young--;
  }

  private fail(connection: Connection, reason: "reset" | "timeout" | "abandoned"): void {
    const h = connection.handshake;
    if (h.request) this.removeRequest(h);
    h.over = true;
    if (reason === "timeout") this.connectTimeouts++;
    this.owner.onConnectFailed(connection, reason);
  }
}
