// The page's side of a simulation Worker, started on the first request and shared from then on.
import type { SimProgress, SimRequest, SimResponse } from "./sim-protocol";

interface Pending {
  resolve: (response: SimResponse) => void;
  onProgress?: (progress: SimProgress) => void;
}

type WorkerMessage = { id: number; response: SimResponse } | { id: number; progress: SimProgress };

/** A request to the Worker; a run reports its progress to `onProgress` on the way. */
export type Ask = (request: SimRequest, onProgress?: (progress: SimProgress) => void) => Promise<SimResponse>;

/** A client of one lazily started Worker: `ask` sends a request and resolves with its response. */
export function workerClient(start: () => Worker): Ask {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const getWorker = (): Worker => {
    if (!worker) {
      worker = start();
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
  };
  return (request, onProgress) => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, { resolve, onProgress });
      getWorker().postMessage({ id, request });
    });
  };
}
