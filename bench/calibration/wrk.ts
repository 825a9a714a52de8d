/**
 * Closed-loop load with wrk: `connections` keep-alive connections, each sending its next request
 * as soon as the last is answered. Fine where only throughput at saturation matters (every
 * connection always has a request outstanding, so the server never idles for want of work).
 */
import { run } from "./processes";

export interface WrkFigures {
  requests: number;
  seconds: number;
  throughput: number;
  /** wrk's latency percentiles, in seconds (closed loop: they omit the queueing an open load would see). */
  p50: number;
  p99: number;
  errors: number;
}

function seconds(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const scale = { us: 1e-6, ms: 1e-3, s: 1, m: 60 }[m[2] as "us"];
  return Number(m[1]) * scale;
}

export async function runWrk(url: string, connections: number, duration: number): Promise<WrkFigures> {
  const out = await run(
    "wrk",
    ["-t1", `-c${connections}`, `-d${duration}s`, "--timeout", "30s", "--latency", url],
    duration + 30,
    { ownGroup: false },
  );
  const done = /(\d+) requests in ([\d.]+)(s|m)/.exec(out);
  if (!done) throw new Error(`unexpected wrk output: ${out}`);
  const requests = Number(done[1]);
  const elapsed = Number(done[2]) * (done[3] === "m" ? 60 : 1);
  const errorsMatch = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = (errorsMatch ? errorsMatch.slice(1).reduce((a, b) => a + Number(b), 0) : 0) + non2xx;
  return {
    requests,
    seconds: elapsed,
    throughput: requests / elapsed,
    p50: seconds(/ 50%\s+(\S+)/.exec(out)?.[1] ?? ""),
    p99: seconds(/ 99%\s+(\S+)/.exec(out)?.[1] ?? ""),
    errors,
  };
}
