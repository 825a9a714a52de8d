// One counter, two threads each adding 1, four ways: a plain load-add-store (racy), the same steps
// under a lock, one atomic fetch-and-add, and a compare-and-swap retry loop. The explorer tries every
// interleaving of each and counts how the counter ends.
import lostUpdate from "../../../../examples/programs/lost-update.json";
import lostUpdateCas from "../../../../examples/programs/lost-update-cas.json";
import lostUpdateFetchAdd from "../../../../examples/programs/lost-update-fetch-add.json";
import lostUpdateLock from "../../../../examples/programs/lost-update-lock.json";
import { outcomeExplorer, type WatchedProgram } from "./race-explorer";

export const COUNTERS: Record<string, WatchedProgram> = {
  racy: { title: "Plain load, add 1, store", program: lostUpdate, watch: "counter" },
  lock: { title: "The same steps under a lock", program: lostUpdateLock, watch: "counter" },
  atomic: { title: "One atomic fetch-and-add", program: lostUpdateFetchAdd, watch: "counter" },
  cas: { title: "Compare-and-swap, retried until it succeeds", program: lostUpdateCas, watch: "counter" },
};

export const counterExplorer = outcomeExplorer("counter-explorer", COUNTERS, false);
