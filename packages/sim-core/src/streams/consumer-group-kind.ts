/** The consumer-group kind: consumers sharing out a stream's partitions, one consumer per partition at most. */
import type { ComponentKind } from "../component/component-kind";
import { ConsumerGroup, type ConsumerGroupStats } from "./consumer-group";
import { type ConsumerGroupComponent, consumerGroupSchema } from "./consumer-group-schema";

export const consumerGroupKind: ComponentKind<ConsumerGroupComponent, ConsumerGroupStats> = {
  type: "consumer-group",
  schema: consumerGroupSchema,
  create: (name, spec, context) => new ConsumerGroup(name, spec, context),
  hosts: {
    steps: ["service", "cpu", "io", "call"],
    use: 'a consumer group runs each record\'s steps: { "service": … } or { "cpu": … } holds its consumer; { "io": … } and { "call": … } wait holding it.',
  },
  // Consumer groups are not called: they read their stream.
  call: () => ({ needs: "nothing" }),
  names: (raw) => (typeof raw.stream === "string" ? [{ path: ["stream"], name: raw.stream }] : []),
};
