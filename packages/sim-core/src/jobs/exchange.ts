/**
 * A fanout exchange: a publish to it is copied into every broker bound to it, directly or through
 * bound exchanges (RabbitMQ's fanout exchange and exchange-to-exchange bindings; an SNS topic with
 * SQS subscriptions). Each copy is a job of its own in its broker, consumed by that broker's
 * workers only, so subscribers are independent queues: one that is slow backs up only itself,
 * and a copy that dead-letters in one queue leaves the others' copies alone.
 *
 * The exchange holds nothing and the publisher waits for no subscriber: its request goes on once
 * the copies are queued. As with RabbitMQ's publisher confirms, a publish that a full queue
 * refuses (overflow "reject-publish") is nacked, so the publishing request fails (503), while the
 * queues that took their copy keep it.
 */
import type { Component, ComponentContext } from "../component/component";
import type { RequestFlow } from "../component/request-flow";
import { callsWithSteps, unwrapped } from "../failures/failing-component";
import { type CompiledStep, type PublishPlan, STEP_PUBLISH } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { Broker } from "./broker";
import type { ExchangeComponent } from "./exchange-schema";
import type { BoundQueueStats, ExchangeStats } from "./exchange-stats";
import { QueueTally } from "./queue-tally";

export class Exchange implements Component<ExchangeStats> {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly flow: RequestFlow;
  /** The brokers reached, each once, in the order of the bindings (found once the run's components exist). */
  private brokers: Broker[] | null = null;
  private readonly tallies: QueueTally[] = [];
  private published = 0;
  private refused = 0;

  constructor(
    readonly name: string,
    private readonly spec: ExchangeComponent,
    private readonly context: ComponentContext,
  ) {
    this.flow = context.flow;
  }

  /** The brokers this exchange reaches, depth first through bound exchanges; a queue reached twice gets one copy. */
  private bound(): Broker[] {
    if (this.brokers !== null) return this.brokers;
    const brokers: Broker[] = [];
    const visited = new Set<Exchange>([this]);
    const visit = (exchange: Exchange): void => {
      for (const queue of exchange.spec.queues) {
        const component = unwrapped(this.context.components.get(queue));
        if (component instanceof Broker && !brokers.includes(component)) brokers.push(component);
        else if (component instanceof Exchange && !visited.has(component)) {
          // The validator refuses cycles; the set keeps a scenario built in code from looping.
          visited.add(component);
          visit(component);
        }
      }
    };
    visit(this);
    this.brokers = brokers;
    for (let i = this.tallies.length; i < brokers.length; i++) this.tallies.push(new QueueTally());
    return brokers;
  }

  arrive(request: Request, step: CompiledStep): void {
    if (step.kind === STEP_PUBLISH) this.publish(request, step.plan!);
    else if (callsWithSteps(step, this)) {
      // The exchange as the scenario's entry: its steps run (the publish among them), as a broker's do.
      this.flow.enter(request, this, step.steps);
      this.flow.done(request);
    } else this.flow.done(request); // a plain call to the exchange has nothing to do
  }

  private publish(request: Request, plan: PublishPlan): void {
    const brokers = this.bound();
    if (this.flow.measuring) this.published++;
    let refused = false;
    for (let i = 0; i < brokers.length; i++)
      if (!brokers[i]!.offer(request, plan, this.tallies[i]!)) refused = true;
    if (!refused) {
      this.flow.done(request);
      return;
    }
    // A queue refused its copy: the publisher is nacked, the other queues keep theirs.
    if (this.flow.measuring) this.refused++;
    this.flow.reject(request);
  }

  startMeasurement(_now: number): void {
    this.published = 0;
    this.refused = 0;
    for (const tally of this.tallies) tally.reset();
  }

  stats(_now: number): ExchangeStats {
    const brokers = this.bound();
    const queues: Record<string, BoundQueueStats> = {};
    let routed = 0;
    brokers.forEach((broker, i) => {
      const t = this.tallies[i]!;
      routed += t.published;
      queues[broker.name] = {
        published: t.published,
        completed: t.completed,
        failed: t.failed,
        deadLettered: t.deadLettered,
        expired: t.expired,
        dropped: t.dropped,
        refused: t.refused,
        skipped: t.skipped,
      };
    });
    return {
      utilization: 0,
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: 0, max: 0 },
      served: routed,
      rejected: this.refused,
      published: this.published,
      routed,
      refused: this.refused,
      queues,
    };
  }
}
