/**
 * An open-loop load generator: every request is sent at its scheduled time on a new TCP
 * connection, however many earlier ones are still waiting, and its latency is measured from that
 * scheduled time. A closed-loop client (wrk, or any client that waits for an answer before
 * sending the next) slows down when the server does, so the queueing it should see never forms
 * ("coordinated omission"); this one keeps arriving.
 *
 * A request: connect, write the payload, read until the server closes the connection. Its outcome
 * is the latency, or why it failed: the client's own timeout, a reset, a refused connection.
 */
import { connect } from "node:net";

export interface Planned {
  /** Seconds after the start. */
  at: number;
  /** The request class, for per-class figures. */
  cls: string;
  payload: string;
}

export interface Outcome {
  at: number;
  cls: string;
  /** Seconds from the scheduled send to the end of the answer; null when the request failed. */
  latency: number | null;
  failure: "timeout" | "reset" | "refused" | "error" | "empty" | null;
  /** Seconds from the scheduled send until the client's connect completed (null if it never did). */
  connected: number | null;
  /** The first bytes of the answer, to check it. */
  head: string;
}

export interface OpenLoopRun {
  outcomes: Outcome[];
  /** Largest delay between a scheduled send and the moment the client issued it (client overload). */
  maxSendLag: number;
  /** Seconds from the first scheduled send to the last outcome. */
  span: number;
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

export async function runOpenLoop(options: {
  host: string;
  port: number;
  plan: Planned[];
  /** Per request, from its scheduled send, in seconds. */
  timeout: number;
}): Promise<OpenLoopRun> {
  const { plan } = options;
  const outcomes: Outcome[] = new Array(plan.length);
  let maxSendLag = 0;
  let pending = plan.length;
  let lastEnd = 0;
  const t0 = performance.now() / 1000 + 0.05;
  const now = () => performance.now() / 1000 - t0;

  return new Promise<OpenLoopRun>((resolve) => {
    if (plan.length === 0) resolve({ outcomes, maxSendLag, span: 0 });
    const finish = (index: number, outcome: Outcome) => {
      if (outcomes[index] !== undefined) return;
      outcomes[index] = outcome;
      lastEnd = Math.max(lastEnd, now());
      if (--pending === 0) resolve({ outcomes, maxSendLag, span: lastEnd - (plan[0]?.at ?? 0) });
    };

    const send = (index: number) => {
      const request = plan[index]!;
      maxSendLag = Math.max(maxSendLag, now() - request.at);
      let connected: number | null = null;
      const chunks: Buffer[] = [];
      const socket = connect({ host: options.host, port: options.port, noDelay: true });
      const outcome = (latency: number | null, failure: Outcome["failure"]): Outcome => ({
        at: request.at,
        cls: request.cls,
        latency,
        failure,
        connected,
        head: Buffer.concat(chunks).subarray(0, 64).toString("latin1"),
      });
      const timer = setTimeout(
        () => {
          socket.destroy();
          finish(index, outcome(null, "timeout"));
        },
        Math.max(0, (request.at + options.timeout - now()) * 1000),
      );
      socket.on("connect", () => {
        connected = now() - request.at;
        socket.write(request.payload);
      });
      socket.on("data", (d) => chunks.push(d));
      socket.on("end", () => {
        clearTimeout(timer);
        socket.destroy();
        const got = chunks.length > 0;
        finish(index, outcome(got ? now() - request.at : null, got ? null : "empty"));
      });
      socket.on("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const failure =
          error.code === "ECONNRESET" || error.code === "EPIPE"
            ? "reset"
            : error.code === "ECONNREFUSED"
              ? "refused"
              : error.code === "ETIMEDOUT"
                ? "timeout"
                : "error";
        finish(index, outcome(null, failure));
      });
    };

    let next = 0;
    const tick = () => {
      const t = now();
      while (next < plan.length && plan[next]!.at <= t) send(next++);
      if (next < plan.length) setTimeout(tick, Math.max(0, (plan[next]!.at - now()) * 1000 - 1));
    };
    setTimeout(tick, 50);
  });
}
