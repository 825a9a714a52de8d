// The page's side of a simulation Worker, started on the first request and shared from then on.
import type { SimRequest, SimResponse } from "./sim-protocol";

/** A client of one lazily started Worker: `ask` sends a request and resolves with its response. */
export function workerClient(start: () => Worker): (request: SimRequest) => Promise<SimResponse> {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, (response: SimResponse) => void>();
  const getWorker = (): Worker => {
    if (!worker) {
      worker = start();
      worker.addEventListener("message", (event: MessageEvent<{ id: number; response: SimResponse }>) => {
        pending.get(event.data.id)?.(event.data.response);
        pending.delete(event.data.id);
      });
    }
    return worker;
  };
  return (request) => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      getWorker().postMessage({ id, request });
    });
  };
}
