// The widgets' side of the simulation Worker: one Worker, shared by every widget on the page.
import { workerClient } from "./worker-client";

/** The widgets' Worker. */
export const ask = workerClient(
  () => new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module", name: "syslab-sim" }),
);
