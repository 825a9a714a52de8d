/**
 * The progress bar a long run draws on a terminal: how far the measured part is, the events
 * simulated per second and an estimate of the time left, redrawn in place on one line and wiped
 * when the run ends. Only on a terminal: piped output and --json get nothing extra.
 */
import type { Progress } from "@syslab/sim-core";

export interface ProgressTerminal {
  /** Whether the stream is a terminal (process.stderr.isTTY). */
  isTTY: boolean;
  /** Width in characters; 80 when unknown (absent or 0, as a pseudo-terminal may say). */
  columns?: number;
  write: (text: string) => void;
  /** Milliseconds from a monotonic clock (performance.now), injectable for tests. */
  now?: () => number;
}

/** Redraws at most this often: a terminal redrawn on every report of a fast run only flickers. */
const redrawMs = 100;

const barWidth = 24;

function compact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

function clock(seconds: number): string {
  const s = Math.ceil(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** One line of the bar: "[#########---------------]  38% 1.2M events 3.4M ev/s ETA 2s". */
export function progressLine(progress: Progress, seconds: number, columns = 80): string {
  const fraction = Math.min(1, Math.max(0, progress.fraction));
  const filled = Math.round(fraction * barWidth);
  let line = `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${`${Math.floor(fraction * 100)}%`.padStart(4)} ${compact(progress.events)} events`;
  if (seconds > 0) {
    line += ` ${compact(progress.events / seconds)} ev/s`;
    if (fraction > 0 && fraction < 1) line += ` ETA ${clock((seconds * (1 - fraction)) / fraction)}`;
  }
  return line.slice(0, Math.max(1, columns - 1));
}

export interface ProgressBar {
  onProgress: (progress: Progress) => void;
  /** Wipes the bar's line, leaving the terminal as it was. */
  done: () => void;
}

/** A bar on `terminal`, or undefined when it is not a terminal (nothing is drawn at all). */
export function progressBar(terminal: ProgressTerminal | undefined): ProgressBar | undefined {
  if (!terminal?.isTTY) return undefined;
  const now = terminal.now ?? (() => performance.now());
  const started = now();
  let drawn = false;
  let last = -Infinity;
  return {
    onProgress(progress) {
      const at = now();
      if (at - last < redrawMs) return;
      last = at;
      drawn = true;
      // \r back to the line's start, ESC[2K erases it: the bar is redrawn in place.
      terminal.write(`\r\x1b[2K${progressLine(progress, (at - started) / 1000, terminal.columns || 80)}`);
    },
    done() {
      if (drawn) terminal.write("\r\x1b[2K");
    },
  };
}
