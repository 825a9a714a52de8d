// Tells long polls and event streams when a run changes. It hears the store's announcements — made in
// this process with SQLite, by any replica or worker through Postgres — so nothing polls; and it
// answers everyone at once when the server starts closing.

import { EventEmitter } from "node:events";
import { isFinished, type RunChange, type RunRow, type RunStore } from "../db/run-store";

export type RunUpdate = RunChange | { type: "closing" };

type Wake = "finished" | "resync" | "closing" | "timeout";

export class RunWatch {
  private readonly store: RunStore;
  private readonly updates = new EventEmitter();
  private readonly stopListening: () => void;
  private closed = false;

  constructor(store: RunStore) {
    this.store = store;
    // Each open long poll or event stream listens to one run; there may be many.
    this.updates.setMaxListeners(0);
    this.stopListening = store.onChange((change) => {
      if (change.type === "resync") {
        for (const id of this.updates.eventNames()) this.updates.emit(id, change);
      } else this.updates.emit(change.id, change);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Calls `listener` with every update of run `id` until the returned function is called. */
  subscribe(id: string, listener: (update: RunUpdate) => void): () => void {
    this.updates.on(id, listener);
    if (this.closed) queueMicrotask(() => listener({ type: "closing" }));
    return () => this.updates.off(id, listener);
  }

  /**
   * Resolves with the run once it is finished, or as it stands when `ms` pass or the server starts
   * closing; undefined when there is no such run.
   */
  async waitForFinish(id: string, ms: number): Promise<RunRow | undefined> {
    const deadline = Date.now() + ms;
    let heard: Wake | undefined;
    let wake: ((reason: Wake) => void) | undefined;
    // Listen before reading, so that a change between the read and the wait is not missed.
    const unsubscribe = this.subscribe(id, (u) => {
      if (u.type !== "finished" && u.type !== "resync" && u.type !== "closing") return;
      if (wake) wake(u.type);
      else heard = u.type;
    });
    try {
      let row = await this.store.get(id);
      while (row && !isFinished(row) && !this.closed) {
        const reason =
          heard ??
          (await new Promise<Wake>((resolve) => {
            const timer = setTimeout(() => resolve("timeout"), Math.max(0, deadline - Date.now()));
            wake = (r) => {
              clearTimeout(timer);
              resolve(r);
            };
          }));
        heard = undefined;
        wake = undefined;
        if (reason === "closing" || reason === "timeout") break;
        row = await this.store.get(id);
      }
      return row;
    } finally {
      unsubscribe();
    }
  }

  /** The server is closing: every long poll answers now and every event stream ends. */
  close(): void {
    this.closed = true;
    for (const id of this.updates.eventNames()) this.updates.emit(id, { type: "closing" });
    this.stopListening();
  }
}
