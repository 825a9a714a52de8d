/**
 * What the calibration ran on: CPU, cores, kernel, its timer frequency, the TCP sysctls the
 * accept-queue model depends on, tool versions and the load average (the machine is shared,
 * so every trial records the load it ran under).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release } from "node:os";

/** The sysctls a trial reads (and, inside its own network namespace, may set). */
const TCP_SYSCTLS = [
  "net.ipv4.tcp_abort_on_overflow",
  "net.core.somaxconn",
  "net.ipv4.tcp_syn_retries",
  "net.ipv4.tcp_synack_retries",
  "net.ipv4.tcp_syn_linear_timeouts",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.tcp_max_syn_backlog",
  "net.ipv4.tcp_rto_min_us",
  "net.ipv4.tcp_no_metrics_save",
] as const;

export interface Machine {
  cpu: string;
  cores: number;
  kernel: string;
  /** CONFIG_HZ: the kernel timer wheel's tick, which sets how retransmission timers are batched. */
  hz: number | null;
  memoryGb: number;
  sysctls: Record<string, number | null>;
  tools: Record<string, string>;
}

function readSysctl(name: string): number | null {
  try {
    const text = readFileSync(`/proc/sys/${name.replaceAll(".", "/")}`, "utf8").trim();
    const value = Number(text.split(/\s+/)[0]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

export function readSysctls(): Record<string, number | null> {
  return Object.fromEntries(TCP_SYSCTLS.map((name) => [name, readSysctl(name)]));
}

/** The 1-minute load average: runnable tasks, averaged; above the core count means contention. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

function kernelHz(): number | null {
  for (const source of [
    () =>
      execFileSync("zcat", ["/proc/config.gz"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    () => readFileSync(`/boot/config-${release()}`, "utf8"),
  ]) {
    try {
      const m = /^CONFIG_HZ=(\d+)$/m.exec(source());
      if (m) return Number(m[1]);
    } catch {
      // try the next source
    }
  }
  return null;
}

function version(command: string, args: string[], pattern: RegExp): string {
  try {
    const out = execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return pattern.exec(out)?.[1] ?? out.trim().split("\n")[0]!;
  } catch (error) {
    const out = String((error as { stderr?: string }).stderr ?? "");
    return pattern.exec(out)?.[1] ?? "absent";
  }
}

export function describeMachine(): Machine {
  const meminfo = readFileSync("/proc/meminfo", "utf8");
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? 0);
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    kernel: release(),
    hz: kernelHz(),
    memoryGb: Math.round(memKb / 1024 / 1024),
    sysctls: readSysctls(),
    tools: {
      node: process.version,
      gcc: version("gcc", ["--version"], /(\d+\.\d+\.\d+)/),
      python: version("python3", ["--version"], /Python (\S+)/),
      wrk: version("wrk", ["-v"], /wrk (\S+)/),
      postgres: version(POSTGRES_BIN, ["--version"], /\(PostgreSQL\) (\S+)/),
      pgbouncer: version("pgbouncer", ["--version"], /PgBouncer (\S+)/),
    },
  };
}

/** Debian's PostgreSQL 15 server programs (package postgresql-15). */
export const POSTGRES_BIN_DIR = "/usr/lib/postgresql/15/bin";
export const POSTGRES_BIN = `${POSTGRES_BIN_DIR}/postgres`;
