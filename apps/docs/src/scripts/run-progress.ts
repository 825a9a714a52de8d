// The line a running simulation shows: how far it is, how fast it goes and about how long is left.
import type { Progress } from "@syslab/sim-core";

/** "42% · 1,200,000 events · 3,400,000 events/s · about 2 s left", from a progress report `seconds` after the start. */
export function progressLine(progress: Progress, seconds: number): string {
  const percent = Math.min(100, Math.max(0, progress.fraction * 100));
  let line = `${percent.toFixed(0)}% · ${progress.events.toLocaleString("en-US")} events`;
  if (seconds > 0) {
    line += ` · ${Math.round(progress.events / seconds).toLocaleString("en-US")} events/s`;
    if (progress.fraction > 0 && progress.fraction < 1)
      line += ` · about ${Math.ceil((seconds * (1 - progress.fraction)) / progress.fraction)} s left`;
  }
  return line;
}
