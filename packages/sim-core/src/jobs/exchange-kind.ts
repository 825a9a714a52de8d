/** The exchange kind: a fanout exchange copying each publish into every broker bound to it. */
import type { ComponentKind, RawComponent } from "../component/component-kind";
import { fieldGuide } from "../scenario/field-guide";
import type { PathSegment } from "../scenario/json-path";
import { Exchange } from "./exchange";
import { type ExchangeComponent, exchangeSchema } from "./exchange-schema";
import type { ExchangeStats } from "./exchange-stats";

/** The queues a raw exchange names, each with its path. */
function boundQueueNames(raw: RawComponent): { path: PathSegment[]; name: string }[] {
  if (!Array.isArray(raw.queues)) return [];
  const named: { path: PathSegment[]; name: string }[] = [];
  raw.queues.forEach((queue: unknown, i) => {
    if (typeof queue === "string" && queue.length > 0) named.push({ path: ["queues", i], name: queue });
  });
  return named;
}

export const exchangeKind: ComponentKind<ExchangeComponent, ExchangeStats> = {
  type: "exchange",
  schema: exchangeSchema,
  create: (name, spec, context) => new Exchange(name, spec, context),
  hosts: {
    steps: [],
    use: 'an exchange runs no steps: publish to it with { "publish": "<exchange>", "task": { "steps": [ … ] } }, and the workers of each bound broker run their own copy.',
  },
  call: () => ({ needs: "nothing" }),
  names: boundQueueNames,
  // An exchange bound to nothing would drop every message (RabbitMQ's unroutable message): the list is required.
  check(raw, report) {
    if (raw.queues === undefined)
      report(["queues"], "scenario.required", { field: "queues", guide: fieldGuide("queues") });
  },
};
