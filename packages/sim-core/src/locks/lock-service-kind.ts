/** The lock-service kind: leased locks with fencing tokens, held around the steps of a call. */
import type { ComponentKind } from "../component/component-kind";
import { LockService } from "./lock-service";
import { type LockServiceComponent, lockServiceSchema } from "./lock-service-schema";
import type { LockServiceStats } from "./lock-service-stats";

export const lockServiceKind: ComponentKind<LockServiceComponent, LockServiceStats> = {
  type: "lock-service",
  schema: lockServiceSchema,
  create: (name, spec, context) => new LockService(name, spec, context),
  hosts: {
    steps: ["io", "cpu", "call"],
    use: "a critical section under a lock-service runs io and cpu steps (which pauses can stretch) and calls.",
  },
  call: () => ({ needs: "steps" }),
  names: () => [],
};
