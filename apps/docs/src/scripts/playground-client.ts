// The playground's side of its own Worker, which carries sim-core but no widget models.
import { workerClient } from "./worker-client";

export const ask = workerClient(
  () =>
    new Worker(new URL("./playground.worker.ts", import.meta.url), {
      type: "module",
      name: "syslab-playground",
    }),
);
