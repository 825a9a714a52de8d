/** The broker kind: a queue of task messages that workers consume and publish steps feed. */
import type { ComponentKind } from "../component/component-kind";
import { Broker } from "./broker";
import { type BrokerComponent, brokerSchema } from "./broker-schema";
import type { BrokerStats } from "./broker-stats";

export const brokerKind: ComponentKind<BrokerComponent, BrokerStats> = {
  type: "broker",
  schema: brokerSchema,
  create: (name, spec, context) => new Broker(name, spec, context),
  hosts: {
    steps: [],
    use: 'a broker runs no steps: publish to it with { "publish": "<broker>", "task": { "steps": [ … ] } }, and workers run the task.',
  },
  call: () => ({ needs: "nothing" }),
  names: () => [],
};
