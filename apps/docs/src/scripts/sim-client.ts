// The page's side of the simulation Worker: one Worker, shared by every widget on the page.
import type { SimRequest, SimResponse } from "./sim-protocol";

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (response: SimResponse) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "syslab-sim" });
    worker.addEventListener("message", (event: MessageEvent<{ id: number; response: SimResponse }>) => {
      pending.get(event.data.id)?.(event.data.response);
      pending.delete(event.data.id);
    });
  }
  return worker;
}

export function ask(request: SimRequest): Promise<SimResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    getWorker().postMessage({ id, request });
  });
}
