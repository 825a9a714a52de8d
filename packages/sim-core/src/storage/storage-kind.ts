/** The storage kind: writes held for the call's `hold`, with an optional fencing-token check. */
import type { ComponentKind } from "../component/component-kind";
import { Storage } from "./storage";
import { type StorageComponent, storageSchema } from "./storage-schema";
import type { StorageStats } from "./storage-stats";

export const storageKind: ComponentKind<StorageComponent, StorageStats> = {
  type: "storage",
  schema: storageSchema,
  create: (name, spec, context) => new Storage(name, spec, context),
  hosts: { steps: [], use: 'storage runs no steps: call it with a "hold", the time a write takes.' },
  call: () => ({ needs: "hold" }),
  names: () => [],
};
