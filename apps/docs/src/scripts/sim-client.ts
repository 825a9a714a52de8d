// The page's side of the simulation Worker: one Worker, shared by every widget on the page.
import type { SimProgress, SimRequest, SimResponse } from "./sim-protocol";

interface Pending {
  resolve: (response: SimResponse) => void;
  onProgress?: (progress: SimProgress) => void;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

type WorkerMessage = { id: number; response: SimResponse } | { id: number; progress: SimProgress };

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "syslab-sim" });
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      const waiting = pending.get(event.data.id);
      if ("progress" in event.data) {
        waiting?.onProgress?.(event.data.progress);
        return;
      }
      waiting?.resolve(event.data.response);
      pending.delete(event.data.id);
    });
  }
  return worker;
}

/** Asks the Worker; a run reports its progress to `onProgress` on the way. */
export function ask(request: SimRequest, onProgress?: (progress: SimProgress) => void): Promise<SimResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve, onProgress });
    getWorker().postMessage({ id, request });
  });
}
