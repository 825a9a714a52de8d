/**
 * The kernel's TCP counters (what `nstat` prints), read from /proc/net/snmp and /proc/net/netstat.
 * Inside a private network namespace they count that namespace's traffic only, so a trial's
 * before/after difference is exactly what its own sockets did.
 */
import { readFileSync } from "node:fs";

/** The counters the accept-queue trials report, by their nstat names without the Tcp/TcpExt prefix. */
const WANTED = [
  "ListenOverflows",
  "ListenDrops",
  "SyncookiesSent",
  "SyncookiesRecv",
  "SyncookiesFailed",
  "TCPReqQFullDoCookies",
  "TCPSynRetrans",
  "TCPTimeouts",
  "TCPLossProbes",
  "OutRsts",
  "RetransSegs",
  "ActiveOpens",
  "PassiveOpens",
] as const;

export type TcpCounters = Record<(typeof WANTED)[number], number>;

function parse(path: string, prefixes: string[]): Map<string, number> {
  const values = new Map<string, number>();
  const lines = readFileSync(path, "utf8").trim().split("\n");
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const names = lines[i]!.split(/\s+/);
    const numbers = lines[i + 1]!.split(/\s+/);
    if (!prefixes.includes(names[0]!)) continue;
    for (let k = 1; k < names.length; k++) values.set(names[k]!, Number(numbers[k]));
  }
  return values;
}

export function readTcpCounters(): TcpCounters {
  const all = new Map([...parse("/proc/net/snmp", ["Tcp:"]), ...parse("/proc/net/netstat", ["TcpExt:"])]);
  return Object.fromEntries(WANTED.map((name) => [name, all.get(name) ?? 0])) as TcpCounters;
}

export function counterDelta(before: TcpCounters, after: TcpCounters): TcpCounters {
  return Object.fromEntries(WANTED.map((name) => [name, after[name] - before[name]])) as TcpCounters;
}
