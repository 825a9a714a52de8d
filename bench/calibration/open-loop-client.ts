/**
 * An open-loop load generator: every request is sent at its scheduled time, however many earlier
 * ones are still waiting, and its latency is measured from that scheduled time. A closed-loop
 * client (wrk, or any client that waits for an answer before sending the next) slows down when
 * the server does, so the queueing it should see never forms ("coordinated omission"); this one
 * keeps arriving.
 *
 * How one request is carried is an `Exchange`: `tcpExchange` opens a connection, writes the
 * payload and reads until the server closes; postgres-exchange.ts speaks Postgres's protocol.
 */
import { connect } from "node:net";

export interface Planned {
  /** Seconds after the start. */
  at: number;
  /** The request class, for per-class figures. */
  cls: string;
  payload: string;
}

export type Failure = "timeout" | "reset" | "refused" | "error" | "empty";

export interface Outcome {
  at: number;
  cls: string;
  /** Seconds from the scheduled send to the end of the answer; null when the request failed. */
  latency: number | null;
  failure: Failure | null;
  /** The first bytes of the answer, to check it. */
  head: string;
}

/** Carries one request; resolves with the answer's first bytes, or rejects with an ExchangeFailure. */
export type Exchange = (request: Planned, signal: AbortSignal) => Promise<string>;

export class ExchangeFailure extends Error {
  constructor(
    readonly failure: Failure,
    message: string,
  ) {
    super(message);
  }
}

export interface OpenLoopRun {
  outcomes: Outcome[];
  /** Largest delay between a scheduled send and the moment the client issued it (client overload). */
  maxSendLag: number;
}

/** A small seeded generator (mulberry32), so a trial's arrivals are the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson arrival times at `rate` per second over [from, to). */
export function poissonTimes(random: () => number, rate: number, from: number, to: number): number[] {
  const times: number[] = [];
  for (let t = from; ; ) {
    t += -Math.log(1 - random()) / rate;
    if (t >= to) return times;
    times.push(t);
  }
}

/** Maps a socket error to the failure a client sees. */
export function socketFailure(error: NodeJS.ErrnoException): ExchangeFailure {
  const failure: Failure =
    error.code === "ECONNRESET" || error.code === "EPIPE"
      ? "reset"
      : error.code === "ECONNREFUSED"
        ? "refused"
        : error.code === "ETIMEDOUT"
          ? "timeout"
          : "error";
  return new ExchangeFailure(failure, error.message);
}

/** Connect, write the payload, read until the server closes the connection. */
export function tcpExchange(host: string, port: number): Exchange {
  return (request, signal) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = connect({ host, port, noDelay: true });
      signal.addEventListener("abort", () => {
        socket.destroy();
        reject(new ExchangeFailure("timeout", "no answer in time"));
      });
      socket.on("connect", () => socket.write(request.payload));
      socket.on("data", (d) => chunks.push(d));
      socket.on("end", () => {
        socket.destroy();
        if (chunks.length === 0) reject(new ExchangeFailure("empty", "closed without an answer"));
        else resolve(Buffer.concat(chunks).subarray(0, 64).toString("latin1"));
      });
      socket.on("error", (error) => reject(socketFailure(error)));
    });
}

export async function runOpenLoop(options: {
  plan: Planned[];
  /** Per request, from its scheduled send, in seconds. */
  timeout: number;
  exchange: Exchange;
}): Promise<OpenLoopRun> {
  const { plan, exchange } = options;
  const t0 = performance.now() / 1000 + 0.05;
  const now = () => performance.now() / 1000 - t0;
  let maxSendLag = 0;

  const send = async (request: Planned): Promise<Outcome> => {
    maxSendLag = Math.max(maxSendLag, now() - request.at);
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        abort.abort();
      },
      Math.max(0, (request.at + options.timeout - now()) * 1000),
    );
    try {
      const head = await exchange(request, abort.signal);
      return { at: request.at, cls: request.cls, latency: now() - request.at, failure: null, head };
    } catch (error) {
      const failure = timedOut ? "timeout" : error instanceof ExchangeFailure ? error.failure : "error";
      return { at: request.at, cls: request.cls, latency: null, failure, head: "" };
    } finally {
      clearTimeout(timer);
    }
  };

  const sent: Promise<Outcome>[] = [];
  for (const request of plan) {
    const wait = (request.at - now()) * 1000;
    // Sleep to just before the send time; a timer that fires late only adds to the measured latency.
    if (wait > 1) await new Promise((r) => setTimeout(r, wait - 1));
    sent.push(send(request));
  }
  return { outcomes: await Promise.all(sent), maxSendLag };
}
