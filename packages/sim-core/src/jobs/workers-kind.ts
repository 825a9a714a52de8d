/** The workers kind: processes that take tasks from a broker and run their steps. */
import type { ComponentKind } from "../component/component-kind";
import { Workers } from "./workers";
import { type WorkersComponent, workersSchema } from "./workers-schema";
import type { WorkersStats } from "./workers-stats";

export const workersKind: ComponentKind<WorkersComponent, WorkersStats> = {
  type: "workers",
  schema: workersSchema,
  create: (name, spec, context) => new Workers(name, spec, context),
  hosts: {
    steps: ["service", "cpu", "io", "call"],
    use: 'workers run a task\'s steps: { "service": … } or { "cpu": … } holds a process; { "io": … } and { "call": … } wait holding it.',
  },
  // Workers are not called: they take tasks from their broker.
  call: () => ({ needs: "nothing" }),
  names: (raw) =>
    (["broker", "results", "server"] as const)
      .filter((field) => typeof raw[field] === "string")
      .map((field) => ({ path: [field], name: raw[field] as string })),
  ownOutages: true,
};
