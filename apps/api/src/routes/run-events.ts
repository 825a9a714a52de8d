// GET /v1/runs/:id/events: server-sent events with progress, ending with the result or the error.

import type { Handler } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppDeps } from "../app-deps";
import { isFinished } from "../db/run-store";
import { apiErrors } from "../errors/catalogue";
import { requestOrigin } from "../http/origin";
import { runJson } from "../runs/run-representation";
import type { RunUpdate } from "../runs/run-watch";

/** A comment line this often keeps proxies from closing a quiet stream (many cut idle ones at 30-60 s). */
const keepAliveMs = 15_000;

export function runEventsHandler({ store, watch, config }: AppDeps): Handler {
  return async function runEvents(c) {
    const id = c.req.param("id")!;
    if (!(await store.get(id))) throw apiErrors.runNotFound(id);
    const origin = requestOrigin(c, config.publicUrl);
    // Tells nginx (and proxies that honour it) to pass events on as they come, not in buffered batches.
    c.header("X-Accel-Buffering", "no");
    return streamSSE(c, async (stream) => {
      // Subscribe before reading the row, so that no update falls between the read and the listen.
      const pending: (RunUpdate | { type: "keep-alive" })[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = watch.subscribe(id, (u) => {
        pending.push(u);
        wake?.();
      });
      stream.onAbort(() => {
        pending.push({ type: "closing" });
        wake?.();
      });
      const keepAlive = setInterval(() => {
        pending.push({ type: "keep-alive" });
        wake?.();
      }, keepAliveMs);
      try {
        let row = (await store.get(id))!;
        await stream.writeSSE({ event: "status", data: JSON.stringify({ status: row.status }) });
        if (row.status === "running" && row.progress)
          await stream.writeSSE({ event: "progress", data: row.progress });
        while (!isFinished(row)) {
          if (pending.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          const update = pending.shift()!;
          if (update.type === "closing") return;
          if (update.type === "running")
            await stream.writeSSE({ event: "status", data: '{"status":"running"}' });
          if (update.type === "keep-alive") await stream.write(": keep-alive\n\n");
          if (update.type === "progress") {
            const { simulatedTime, events, percent } = update;
            await stream.writeSSE({
              event: "progress",
              data: JSON.stringify({ simulatedTime, events, percent }),
            });
          }
          // After a lost connection to the store, the run may have finished unheard: look again.
          if (update.type === "finished" || update.type === "resync") row = (await store.get(id)) ?? row;
        }
        await stream.writeSSE({
          event: row.status === "done" ? "result" : "failed",
          data: runJson(row, origin),
        });
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
      }
    });
  };
}
