/**
 * CPU time from /proc: the whole machine's busy time (/proc/stat) and given processes' own time
 * (/proc/<pid>/stat, all their threads), so a trial can say how many cores its server had and how
 * busy the shared machine was meanwhile. Times are in seconds of CPU.
 */
import { readFileSync } from "node:fs";

/** Clock ticks per second of /proc's times (USER_HZ), 100 on Linux. */
const USER_HZ = 100;

export interface CpuSnapshot {
  at: number;
  machineBusy: number;
  processes: number;
}

function machineBusy(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: busy is everything but idle and iowait.
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - fields[3]! - fields[4]!) / USER_HZ;
}

function processTime(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(after[11]) + Number(after[12])) / USER_HZ;
  } catch {
    return 0;
  }
}

export function cpuSnapshot(pids: number[]): CpuSnapshot {
  return {
    at: performance.now() / 1000,
    machineBusy: machineBusy(),
    processes: pids.reduce((sum, pid) => sum + processTime(pid), 0),
  };
}

/** Cores' worth of CPU over the interval: the given processes', and the whole machine's. */
export function coresUsed(before: CpuSnapshot, after: CpuSnapshot): { processes: number; machine: number } {
  const wall = after.at - before.at;
  return {
    processes: Math.round(((after.processes - before.processes) / wall) * 1000) / 1000,
    machine: Math.round(((after.machineBusy - before.machineBusy) / wall) * 1000) / 1000,
  };
}
