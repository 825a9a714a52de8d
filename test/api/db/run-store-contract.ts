// The contract every RunStore keeps, as a suite run against each implementation
// (test/api/db/run-store.test.ts): SQLite always, Postgres whenever one is reachable.

import { describe, expect, test, vi } from "vitest";
import type { NewRun, RunChange, RunStore } from "../../../apps/api/src/db/run-store";

export interface StoreUnderTest {
  store: RunStore;
  /** A second store over the same database, as another process would open it. */
  openAnother(): Promise<RunStore>;
  cleanup(): Promise<void>;
}

let counter = 0;
function newRun(over: Partial<NewRun> = {}): NewRun {
  counter++;
  return {
    id: `${counter.toString(16).padStart(4, "0")}aaaabbbbccccdddd`,
    name: `run ${counter}`,
    scenario: '{"canonical":true}',
    input: '{"as":"submitted"}',
    scenarioHash: `hash-${counter}`,
    engineVersion: "0.1.0",
    ...over,
  };
}

/** Collects a store's announcements; they may arrive asynchronously (Postgres NOTIFY). */
function listen(store: RunStore) {
  const heard: RunChange[] = [];
  const stop = store.onChange((c) => heard.push(c));
  return {
    heard,
    stop,
    /** Waits until `n` announcements about `id` have arrived and returns their types. */
    async typesFor(id: string, n: number): Promise<string[]> {
      const types = () => heard.filter((c) => "id" in c && c.id === id).map((c) => c.type);
      await vi.waitFor(() => expect(types().length).toBeGreaterThanOrEqual(n), { timeout: 5000 });
      return types();
    },
  };
}

export function runStoreContract(
  name: string,
  /** Whether a change made through one store is heard by the listeners of another process's store. */
  { announcesAcrossProcesses }: { announcesAcrossProcesses: boolean },
  open: () => Promise<StoreUnderTest>,
): void {
  describe(`RunStore contract: ${name}`, () => {
    async function withStore(fn: (t: StoreUnderTest) => Promise<void>): Promise<void> {
      const t = await open();
      try {
        await fn(t);
      } finally {
        await t.cleanup();
      }
    }

    test("a new run is stored as queued with every field, and an unknown id is undefined", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        expect(await store.enqueue([run], 1_700_000_000_123)).toEqual([run.id]);
        expect(await store.get(run.id)).toEqual({
          ...run,
          status: "queued",
          result: null,
          error: null,
          createdAt: 1_700_000_000_123,
          startedAt: null,
          finishedAt: null,
          wallMs: null,
          progress: null,
        });
        expect(await store.get("0123456789abcdef0123")).toBeUndefined();
      }));

    test("enqueue leaves an unfinished or done run alone and puts a failed one back", () =>
      withStore(async ({ store }) => {
        const [a, b, c] = [newRun(), newRun(), newRun()];
        await store.enqueue([a, b, c]);
        await store.markDone(b.id, '{"ok":1}', 5);
        await store.markFailed(c.id, '{"code":"limit.wall-time"}', 30_000);
        // The same run twice in one batch counts once.
        expect(await store.enqueue([a, b, c, c])).toEqual([c.id]);
        expect((await store.get(a.id))!.status).toBe("queued");
        expect((await store.get(b.id))!.result).toBe('{"ok":1}');
        expect(await store.get(c.id)).toMatchObject({
          status: "queued",
          error: null,
          wallMs: null,
          finishedAt: null,
        });
      }));

    test("queued → running → done keeps the result byte for byte", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        await store.enqueue([run], 1000);
        expect(await store.markRunning(run.id, 2000)).toBe(true);
        expect(await store.get(run.id)).toMatchObject({ status: "running", startedAt: 2000 });
        // Spacing, key order, number spellings and non-ASCII text survive untouched.
        const result = `{"z":1.0000000000000002, "a":[ ],"e":1e+300,"name":"π ✓ \\u00e9","big":${"7".repeat(30)}}`;
        expect(await store.markDone(run.id, result, 1234, 3000)).toBe(true);
        expect(await store.get(run.id)).toMatchObject({
          status: "done",
          result,
          error: null,
          wallMs: 1234,
          startedAt: 2000,
          finishedAt: 3000,
          progress: null,
        });
      }));

    test("a result of several megabytes is kept whole", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        await store.enqueue([run]);
        const result = JSON.stringify({ series: Array.from({ length: 400_000 }, (_, i) => i / 7) });
        expect(result.length).toBeGreaterThan(4_000_000);
        await store.markDone(run.id, result, 1);
        expect((await store.get(run.id))!.result).toBe(result);
      }));

    test("a finished run is never changed again: not by done, failed, running, progress or requeue", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        await store.enqueue([run]);
        await store.markRunning(run.id, 10);
        await store.markFailed(run.id, '{"code":"limit.events"}', 7, 20);
        const failed = await store.get(run.id);
        expect(await store.markDone(run.id, "{}", 1, 30)).toBe(false);
        expect(await store.markFailed(run.id, '{"code":"other"}', 1, 30)).toBe(false);
        expect(await store.markRunning(run.id, 30)).toBe(false);
        expect(await store.reportProgress(run.id, { simulatedTime: 1, events: 2, percent: 3 })).toBe(false);
        expect(await store.requeue(run.id)).toBe(false);
        expect(await store.get(run.id)).toEqual(failed);
      }));

    test("progress is kept while running only, and a new attempt at a running run starts afresh", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        await store.enqueue([run]);
        const p = { simulatedTime: 12.5, events: 4096, percent: 41.25 };
        expect(await store.reportProgress(run.id, p)).toBe(false);
        await store.markRunning(run.id, 100);
        expect(await store.reportProgress(run.id, p)).toBe(true);
        expect(JSON.parse((await store.get(run.id))!.progress!)).toEqual(p);
        // The worker was lost; another one takes the run.
        expect(await store.markRunning(run.id, 200)).toBe(true);
        expect(await store.get(run.id)).toMatchObject({ status: "running", startedAt: 200, progress: null });
        await store.reportProgress(run.id, p);
        await store.markDone(run.id, "{}", 1);
        expect((await store.get(run.id))!.progress).toBeNull();
      }));

    test("requeue puts an unfinished run back as if it had never started", () =>
      withStore(async ({ store }) => {
        const run = newRun();
        await store.enqueue([run], 5);
        await store.markRunning(run.id, 6);
        await store.reportProgress(run.id, { simulatedTime: 1, events: 1, percent: 1 });
        expect(await store.requeue(run.id)).toBe(true);
        expect(await store.get(run.id)).toMatchObject({
          status: "queued",
          createdAt: 5,
          startedAt: null,
          progress: null,
        });
      }));

    test("unfinished lists queued and running runs oldest first; counts cover every status", () =>
      withStore(async ({ store }) => {
        const [a, b, c, d, e] = [newRun(), newRun(), newRun(), newRun(), newRun()];
        await store.enqueue([c], 300);
        await store.enqueue([a, b], 100);
        await store.enqueue([d, e], 200);
        await store.markRunning(c.id);
        await store.markDone(d.id, "{}", 1);
        await store.markFailed(e.id, "{}", null);
        expect((await store.unfinished()).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
        expect(await store.countByStatus()).toEqual({ queued: 2, running: 1, done: 1, failed: 1 });
        expect(await store.countUnfinished()).toBe(3);
      }));

    test("every change is announced once, in order, and only when something changed", () =>
      withStore(async ({ store }) => {
        const changes = listen(store);
        const run = newRun();
        await store.enqueue([run]);
        await store.enqueue([run]); // no change: not announced
        await store.markRunning(run.id);
        await store.reportProgress(run.id, { simulatedTime: 2, events: 30, percent: 50 });
        await store.markDone(run.id, "{}", 1);
        await store.markDone(run.id, "{}", 1); // no change
        expect(await changes.typesFor(run.id, 4)).toEqual(["queued", "running", "progress", "finished"]);
        expect(changes.heard.find((c) => c.type === "progress")).toEqual({
          type: "progress",
          id: run.id,
          simulatedTime: 2,
          events: 30,
          percent: 50,
        });
        changes.stop();
        const other = newRun();
        await store.enqueue([other]);
        await new Promise((r) => setTimeout(r, 200));
        expect(changes.heard.some((c) => "id" in c && c.id === other.id)).toBe(false);
      }));

    test("another process's store sees the same runs", () =>
      withStore(async ({ store, openAnother }) => {
        const other = await openAnother();
        try {
          const run = newRun();
          await store.enqueue([run]);
          await store.markRunning(run.id);
          expect(await other.markDone(run.id, '{"from":"other"}', 3)).toBe(true);
          expect((await store.get(run.id))!.result).toBe('{"from":"other"}');
        } finally {
          await other.close();
        }
      }));

    // SQLite serves one process, which accepts and runs every run and so hears its own changes.
    test.skipIf(!announcesAcrossProcesses)("changes made by another process are heard here", () =>
      withStore(async ({ store, openAnother }) => {
        const other = await openAnother();
        try {
          const changes = listen(store);
          const run = newRun();
          await other.enqueue([run]);
          await other.markRunning(run.id);
          await other.markDone(run.id, "{}", 1);
          expect(await changes.typesFor(run.id, 3)).toEqual(["queued", "running", "finished"]);
        } finally {
          await other.close();
        }
      }),
    );

    test("ping answers while the store is open", () =>
      withStore(async ({ store }) => {
        await expect(store.ping()).resolves.toBeUndefined();
      }));
  });
}
