/** The server kind: cores, an OS scheduler and an architecture behind the accept queue; it runs the steps of the calls it gets. */
import type { ComponentKind } from "../component/component-kind";
import { Server } from "./server";
import { type ServerComponent, serverSchema } from "./server-schema";
import type { ServerStats } from "./server-stats";

export const serverKind: ComponentKind<ServerComponent, ServerStats> = {
  type: "server",
  schema: serverSchema,
  create: (name, spec, context) => new Server(name, spec, context),
  hosts: {
    steps: ["cpu", "io", "call", "fanout"],
    use: 'a server runs { "cpu": <distribution> } for computing and { "io": <distribution> } for waiting.',
  },
  call: () => ({ needs: "steps" }),
  names: () => [],
};
