/**
 * A message broker: holds published tasks until the workers that consume it take them, and
 * tells each publishing client the result the way it waits for it.
 *
 * Delivery follows SQS (and Celery's Redis transport): a delivered message is invisible until it
 * is acked or its visibility timeout runs out; then it is delivered again (`redelivered`), and
 * after `maxReceives` deliveries it goes to the dead-letter queue instead (`deadLettered`).
 * Messages are handed to consumers round robin, each up to its prefetch window. A broker bound to
 * an exchange also takes the exchange's copies (`offer`), each a job of its own that only this
 * broker's consumers run.
 *
 * Outages (failures/): while the broker is down a publish is refused (the wrapper answers it,
 * counted as `reset`), and a copy from an exchange is refused as a full queue's is, so the exchange
 * nacks its publisher. Messages already queued are kept (a durable queue survives the restart) and
 * none is delivered until it is back: consumers cannot fetch from a broker that is down. Then it
 * delivers what waited, oldest first. Acks and results reported while it is down are kept, as a
 * client library that reconnects and sends them again would have them arrive.
 *
 * Waiting: a `poll` is a real request to the API every interval (it sees the result if the result
 * was stored before the poll was sent); a `long-poll` is a request the API holds (with its thread
 * or connection, when the hold is inside the API's steps) until the result or the hold timeout;
 * `push` tells the client over its open connection after the network delay.
 */
import type { Component, ComponentContext } from "../component/component";
import type { ChildOutcome, ChildWatcher, RequestFlow } from "../component/request-flow";
import { compile } from "../distributions/compile";
import { callsWithSteps, unwrapped } from "../failures/failing-component";
import type { OutageListener } from "../failures/outage-state";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import { round } from "../run/round";
import { LogHistogram } from "../stats/log-histogram";
import { RunningMoments } from "../stats/running-moments";
import { TimeSeries } from "../stats/time-series";
import { TimeWeighted } from "../stats/time-weighted";
import { CompiledStep, type PublishPlan, STEP_CALL, STEP_PUBLISH } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { BrokerComponent } from "./broker-schema";
import type { BrokerStats } from "./broker-stats";
import { Job, MESSAGE_ACKED, MESSAGE_DEAD, MESSAGE_IN_FLIGHT, MESSAGE_READY, Message } from "./job";
import { MessageQueue } from "./message-queue";
import type { QueueTally } from "./queue-tally";
import { retryDelay } from "./retry-backoff";

/** What a broker needs of a consumer. */
export interface Consumer {
  /** The broker it consumes from. */
  readonly brokerName: string;
  /** Consumer priority (RabbitMQ x-priority): higher ones get messages while they have room. */
  readonly priority: number;
  /** Whether it takes another message now (up and within its prefetch window). */
  readonly hasRoom: boolean;
  receive(message: Message): void;
}

/** Consumers of one priority, and whose turn is next among them. */
interface ConsumerTier {
  readonly consumers: Consumer[];
  next: number;
}

/** How an execution ended, as a worker reports it. */
export const TASK_SUCCEEDED = 0;
export const TASK_RAISED = 1;
export const TASK_TIME_LIMIT = 2;

const VISIBILITY = 0;
const DUE = 1;
const POLL = 2;
const NOTIFY = 3;
const HOLD_END = 4;

// A long poll that failed (503, RST) is sent again after this long, as a client's reconnect delay.
const LONG_POLL_RECONNECT = 1;
const SERIES_BUCKETS = 120;
const ZERO = compile({ kind: "constant", value: 0 });

export class Broker implements Component<BrokerStats>, ChildWatcher, OutageListener {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly flow: RequestFlow;
  private readonly levels: MessageQueue[] = [];
  /** Consumers by priority, highest first; each tier takes turns with its own pointer. */
  private tiers: ConsumerTier[] | null = null;
  private dispatching = false;
  /** Down (an outage): nothing is delivered until it is back. */
  private down = false;
  /** The step a long poll ends with, held here until there is news. */
  private readonly holdStep: CompiledStep;
  /** Long polls through an API that runs no steps (a station): the API's call, then the hold. */
  private readonly longPollCalls = new Map<PublishPlan, CompiledStep>();
  /** Jobs whose client waits, by publishing request (one job per request at a time). */
  private readonly waiting = new Map<Request, Job>();
  /** The unfinished run of each publish step whose task skips overlapping runs. */
  private readonly runs = new Map<PublishPlan, Job>();

  private readonly depth: TimeWeighted;
  /** Messages delivered and not yet acked (nor visible again). */
  private readonly inFlight: TimeWeighted;
  /** Messages waiting or in flight. */
  private readonly held: TimeWeighted;
  private readonly depthSeries: TimeSeries;
  private readonly ageSeries: TimeSeries;
  private readonly pushConnections: TimeWeighted;
  private published = 0;
  private delivered = 0;
  private redelivered = 0;
  private deadLettered = 0;
  private expired = 0;
  private dropped = 0;
  private refused = 0;
  private skipped = 0;
  private completed = 0;
  private failed = 0;
  private retried = 0;
  private timeLimited = 0;
  private executions = 0;
  private duplicatesExecuted = 0;
  private polls = 0;
  private emptyPolls = 0;
  private failedPolls = 0;
  private known = 0;
  /** Polls sent by the clients counted in `known`, all of them (some may precede the measured part). */
  private pollsOfKnown = 0;
  private maxAge = 0;
  private measuredFrom = 0;
  private readonly retryDelays = new RunningMoments();
  private readonly taskTime = new RunningMoments();
  private readonly notification = new RunningMoments();
  private readonly notificationHistogram = new LogHistogram();

  constructor(
    readonly name: string,
    private readonly spec: BrokerComponent,
    private readonly context: ComponentContext,
  ) {
    this.sim = context.sim;
    this.rng = context.rng;
    this.flow = context.flow;
    for (let i = 0; i < spec.priorities; i++) this.levels.push(new MessageQueue());
    this.holdStep = new CompiledStep(STEP_CALL, ZERO, this, null);
    this.depth = new TimeWeighted(this.sim);
    this.inFlight = new TimeWeighted(this.sim);
    this.held = new TimeWeighted(this.sim);
    this.pushConnections = new TimeWeighted(this.sim);
    this.depthSeries = new TimeSeries(SERIES_BUCKETS, 1 / SERIES_BUCKETS, this.sim);
    this.ageSeries = new TimeSeries(SERIES_BUCKETS, 1 / SERIES_BUCKETS, this.sim);
  }

  /** The components consuming from this broker, found once the run's components all exist, in priority tiers. */
  private findConsumers(): ConsumerTier[] {
    const tiers = new Map<number, Consumer[]>();
    for (const component of this.context.components.values()) {
      const candidate = unwrapped(component) as Partial<Consumer>;
      if (candidate.brokerName === this.name && typeof candidate.receive === "function") {
        const consumer = candidate as Consumer;
        const tier = tiers.get(consumer.priority);
        if (tier === undefined) tiers.set(consumer.priority, [consumer]);
        else tier.push(consumer);
      }
    }
    return [...tiers.entries()].sort(([a], [b]) => b - a).map(([, consumers]) => ({ consumers, next: 0 }));
  }

  /** A consumer with room: the highest tier that has one, in turn within it; null when all are full. */
  private chooseConsumer(tiers: ConsumerTier[]): Consumer | null {
    for (const tier of tiers) {
      const consumers = tier.consumers;
      const count = consumers.length;
      for (let i = 0; i < count; i++) {
        const candidate = consumers[(tier.next + i) % count]!;
        if (candidate.hasRoom) {
          tier.next = (tier.next + i + 1) % count;
          return candidate;
        }
      }
    }
    return null;
  }

  arrive(request: Request, step: CompiledStep): void {
    if (step.kind === STEP_PUBLISH) this.publish(request, step.plan!);
    else if (step === this.holdStep) this.hold(request);
    else if (callsWithSteps(step, this)) {
      // A long poll through an API that hosts no steps: call it, then wait here.
      this.flow.enter(request, this, step.steps);
      this.flow.done(request);
    } else this.flow.done(request); // a plain call to the broker has nothing to do
  }

  // --- publishing and delivery ---------------------------------------------------------

  private publish(request: Request, plan: PublishPlan): void {
    const job = this.enqueue(request, plan, null);
    // RabbitMQ's reject-publish: the publisher is nacked; its request fails and its client may retry.
    if (job === "refused") {
      this.flow.reject(request);
      return;
    }
    // A skipped run lets the scheduler go on at once, as a fire-and-forget publish does.
    const wait = plan.wait;
    if (job === "skipped" || wait.by === "none") {
      this.flow.done(request);
      return;
    }
    job.waiting = true;
    this.waiting.set(request, job);
    if (wait.by === "poll") this.sim.schedule(wait.interval, this, POLL, job);
    else if (wait.by === "long-poll") this.longPoll(job);
    else this.pushConnections.add(1);
  }

  /**
   * A copy of a publish to an exchange bound to this broker: queued as a fire-and-forget publish
   * is, its figures also counted in the exchange's `tally` for this queue. False when this queue
   * refuses it (full, with overflow "reject-publish"); the exchange then nacks the publisher.
   */
  offer(request: Request, plan: PublishPlan, tally: QueueTally): boolean {
    if (this.down) {
      if (this.flow.measuring) tally.refused++;
      return false;
    }
    return this.enqueue(request, plan, tally) !== "refused";
  }

  /** A new job for `plan` in the queue, unless its step skips an unfinished run or the full queue refuses it. */
  private enqueue(
    request: Request,
    plan: PublishPlan,
    tally: QueueTally | null,
  ): Job | "skipped" | "refused" {
    const measuring = this.flow.measuring;
    const skips = plan.task.overlap === "skip";
    if (skips && this.runs.has(plan)) {
      // The previous run is unfinished: this one is skipped.
      if (measuring) {
        this.skipped++;
        if (tally !== null) tally.skipped++;
      }
      return "skipped";
    }
    if (this.spec.overflow === "reject-publish" && this.depth.value >= this.spec.maxLength) {
      if (measuring) {
        this.refused++;
        if (tally !== null) tally.refused++;
      }
      return "refused";
    }
    const job = new Job(plan, request, this.sim.now);
    job.tally = tally;
    if (skips) this.runs.set(plan, job);
    if (measuring) {
      this.published++;
      if (tally !== null) tally.published++;
    }
    this.send(job, plan.task.countdown);
    return job;
  }

  /** Puts a new message for `job` in the queue, after `delay` (countdown, retry backoff). */
  private send(job: Job, delay: number): void {
    const level = Math.min(job.plan.task.priority, this.spec.priorities - 1);
    const message = new Message(job, this.sim.now, level);
    if (delay > 0) this.sim.schedule(delay, this, DUE, message);
    else this.makeReady(message);
  }

  private makeReady(message: Message): void {
    if (this.depth.value >= this.spec.maxLength && this.spec.overflow === "drop-head") {
      // RabbitMQ's drop-head: the oldest waiting message makes room (its client never hears of it).
      const oldest = this.take();
      if (oldest !== undefined) {
        oldest.state = MESSAGE_DEAD;
        this.endRun(oldest.job);
        if (this.flow.measuring) this.countDropped(oldest.job);
      }
      if (this.depth.value >= this.spec.maxLength) {
        // maxLength 0: nothing may wait, the new message is dropped too.
        message.state = MESSAGE_DEAD;
        this.endRun(message.job);
        if (this.flow.measuring) this.countDropped(message.job);
        return;
      }
    }
    message.state = MESSAGE_READY;
    this.levels[message.level]!.push(message);
    this.changeDepth(1);
    this.dispatch();
  }

  private countDropped(job: Job): void {
    this.dropped++;
    if (job.tally !== null) job.tally.dropped++;
  }

  private changeInFlight(delta: number): void {
    this.inFlight.add(delta);
    this.held.add(delta);
  }

  private changeDepth(delta: number): void {
    this.depth.add(delta);
    this.held.add(delta);
    this.depthSeries.setLevel(this.depth.value);
    const age = this.oldestAge();
    this.ageSeries.setLevel(age);
    if (age > this.maxAge && this.flow.measuring) this.maxAge = age;
  }

  private oldestAge(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const level of this.levels) {
      const head = level.peek();
      if (head !== undefined && head.sentAt < oldest) oldest = head.sentAt;
    }
    return oldest === Number.POSITIVE_INFINITY ? 0 : this.sim.now - oldest;
  }

  /** Hands ready messages to consumers with room: the highest priority first, round robin within it. */
  dispatch(): void {
    // A consumer acking inside receive() calls back here; while down, consumers cannot fetch.
    if (this.dispatching || this.down) return;
    this.dispatching = true;
    this.tiers ??= this.findConsumers();
    const tiers = this.tiers;
    while (this.depth.value > 0) {
      const consumer = this.chooseConsumer(tiers);
      if (consumer === null) break;
      const message = this.take();
      if (message === undefined) break;
      message.receives++;
      if (message.receives > this.spec.maxReceives) {
        // SQS's redrive policy: past maxReceiveCount the message moves to the dead-letter queue.
        message.state = MESSAGE_DEAD;
        this.endRun(message.job);
        if (this.flow.measuring) {
          this.deadLettered++;
          if (message.job.tally !== null) message.job.tally.deadLettered++;
        }
        continue;
      }
      if (this.flow.measuring) {
        this.delivered++;
        if (message.receives > 1) this.redelivered++;
      }
      message.state = MESSAGE_IN_FLIGHT;
      this.changeInFlight(1);
      message.visibleAt = this.sim.now + this.spec.visibilityTimeout;
      this.sim.schedule(this.spec.visibilityTimeout, this, VISIBILITY, message);
      consumer.receive(message);
    }
    this.dispatching = false;
  }

  /** The next message to deliver: highest level first, oldest first; expired ones are dropped. */
  private take(): Message | undefined {
    for (let level = this.levels.length - 1; level >= 0; level--) {
      const queue = this.levels[level]!;
      for (;;) {
        const message = queue.shift();
        if (message === undefined) break;
        this.changeDepth(-1);
        if (this.sim.now - message.sentAt > this.spec.retention) {
          message.state = MESSAGE_DEAD;
          this.endRun(message.job);
          if (this.flow.measuring) {
            this.expired++;
            if (message.job.tally !== null) message.job.tally.expired++;
          }
          continue;
        }
        return message;
      }
    }
    return undefined;
  }

  /** The consumer is done with the message: it is deleted (a stale delivery's ack deletes it too). */
  ack(message: Message): void {
    if (message.state === MESSAGE_READY) {
      message.state = MESSAGE_ACKED;
      this.changeDepth(-1); // visible again, but acked by an earlier delivery: it leaves the queue
    } else if (message.state === MESSAGE_IN_FLIGHT) {
      message.state = MESSAGE_ACKED;
      this.changeInFlight(-1);
    }
  }

  /** A worker lost the message's task (acked, then crashed): no result will come, the run is over. */
  lose(message: Message): void {
    this.endRun(message.job);
  }

  /** The job has no live message left: a skipping publish step may start its next run. */
  private endRun(job: Job): void {
    if (this.runs.get(job.plan) === job) this.runs.delete(job.plan);
  }

  /** The consumer gives the message back (a rejected delivery): it is visible again at once. */
  requeue(message: Message): void {
    if (message.state === MESSAGE_IN_FLIGHT) {
      this.changeInFlight(-1);
      this.makeReady(message);
    }
  }

  /** An execution of the message's task starts (a second one from the same message is a duplicate). */
  executionStarts(message: Message): void {
    if (!this.flow.measuring) {
      message.executions++;
      return;
    }
    this.executions++;
    if (message.executions++ > 0) this.duplicatesExecuted++;
  }

  /** An execution ended as `how` (TASK_SUCCEEDED, TASK_RAISED, TASK_TIME_LIMIT). */
  finish(message: Message, how: number): void {
    const job = message.job;
    if (job.finished) return; // a duplicate's outcome: the result is already stored
    const measuring = this.flow.measuring;
    const retry = job.plan.task.retry;
    if (how === TASK_RAISED && retry !== undefined && job.retries < retry.maxRetries) {
      // Celery's retry publishes a new message with the countdown; the old one is acked.
      const delay = retryDelay(retry, job.retries, this.rng);
      job.retries++;
      if (measuring) {
        this.retried++;
        this.retryDelays.add(delay);
      }
      this.send(job, delay);
      return;
    }
    job.finished = true;
    this.endRun(job);
    job.succeeded = how === TASK_SUCCEEDED;
    job.resultAt = this.sim.now;
    if (measuring) {
      const tally = job.tally;
      if (job.succeeded) {
        this.completed++;
        if (tally !== null) tally.completed++;
        this.taskTime.add(this.sim.now - job.publishedAt);
      } else {
        this.failed++;
        if (tally !== null) tally.failed++;
      }
      if (how === TASK_TIME_LIMIT) this.timeLimited++;
    }
    if (!job.waiting) return;
    const wait = job.plan.wait;
    if (wait.by === "push") this.sim.schedule(job.plan.pushDelay!.sample(this.rng), this, NOTIFY, job);
    else if (wait.by === "long-poll" && job.held !== null) this.release(job);
  }

  /** An outage starts or ends: deliveries stop, or resume with the messages that waited. */
  onOutageChange(down: boolean): void {
    this.down = down;
    if (!down) this.dispatch();
  }

  // --- how the client learns -------------------------------------------------------------

  private longPoll(job: Job): void {
    const plan = job.plan;
    const call = plan.waitCall!;
    let send = this.longPollCalls.get(plan);
    if (send === undefined) {
      // Inside the API's own steps when it runs steps (a server holds the thread or connection); else after its call.
      send =
        call.steps !== null
          ? new CompiledStep(STEP_CALL, call.duration, call.target, [...call.steps, this.holdStep])
          : new CompiledStep(STEP_CALL, ZERO, this, [call, this.holdStep]);
      this.longPollCalls.set(plan, send);
    }
    if (this.flow.measuring) this.polls++;
    job.polls++;
    this.flow.spawn(job.publisher, send, this);
  }

  private poll(job: Job): void {
    if (job.publisher.clientDone) {
      this.stopWaiting(job); // the client gave up (its timeout): it polls no more
      this.flow.done(job.publisher);
      return;
    }
    if (this.flow.measuring) this.polls++;
    job.polls++;
    this.flow.spawn(job.publisher, job.plan.waitCall!, this);
  }

  /** A long poll reached the broker: answer now if there is news, else hold it. */
  private hold(request: Request): void {
    const job = request.parent === null ? undefined : this.waiting.get(request.parent);
    if (job === undefined || job.finished || !job.waiting) {
      this.flow.done(request);
      return;
    }
    const timeout = job.plan.wait.by === "long-poll" ? job.plan.wait.timeout : 0;
    job.held = request;
    job.holdUntil = this.sim.now + timeout;
    this.sim.schedule(timeout, this, HOLD_END, job);
  }

  private release(job: Job): void {
    const held = job.held!;
    job.held = null;
    this.flow.done(held);
  }

  onChildEnd(child: Request, outcome: ChildOutcome): void {
    const publisher = child.parent!;
    const job = this.waiting.get(publisher);
    if (job === undefined) return;
    const measuring = this.flow.measuring;
    const wait = job.plan.wait;
    if (outcome !== "completed") {
      if (measuring) this.failedPolls++;
      if (wait.by === "poll")
        this.sim.schedule(Math.max(0, child.arrivalTime + wait.interval - this.sim.now), this, POLL, job);
      else this.sim.schedule(LONG_POLL_RECONNECT, this, POLL, job);
      return;
    }
    // A poll sees the result stored before it was sent; a long poll answers as soon as it is stored.
    const news = job.finished && (wait.by !== "poll" || job.resultAt <= child.arrivalTime);
    if (news) {
      this.knows(job);
      return;
    }
    if (measuring) this.emptyPolls++;
    if (wait.by === "poll")
      this.sim.schedule(Math.max(0, child.arrivalTime + wait.interval - this.sim.now), this, POLL, job);
    else this.sim.schedule(0, this, POLL, job); // a long-polling client asks again at once
  }

  /** The client now knows the result: its request goes on (or fails, for a task that failed). */
  private knows(job: Job): void {
    this.stopWaiting(job);
    if (this.flow.measuring) {
      this.known++;
      this.pollsOfKnown += job.polls;
      const delay = this.sim.now - job.resultAt;
      this.notification.add(delay);
      this.notificationHistogram.record(delay);
    }
    if (job.succeeded) this.flow.done(job.publisher);
    else this.flow.reject(job.publisher, "rejected");
  }

  private stopWaiting(job: Job): void {
    job.waiting = false;
    this.waiting.delete(job.publisher);
    if (job.plan.wait.by === "push") this.pushConnections.add(-1);
  }

  onEvent(kind: number, payload: unknown): void {
    switch (kind) {
      case VISIBILITY: {
        const message = payload as Message;
        // Only the timer of its latest delivery counts: an earlier one finds visibleAt moved on.
        if (message.state === MESSAGE_IN_FLIGHT && message.visibleAt === this.sim.now)
          this.makeReady(message);
        return;
      }
      case DUE:
        this.makeReady(payload as Message);
        return;
      case POLL: {
        const job = payload as Job;
        if (!job.waiting) return;
        if (job.plan.wait.by === "poll") this.poll(job);
        else if (job.publisher.clientDone) {
          this.stopWaiting(job);
          this.flow.done(job.publisher);
        } else this.longPoll(job);
        return;
      }
      case NOTIFY: {
        const job = payload as Job;
        if (job.waiting) this.knows(job);
        return;
      }
      case HOLD_END: {
        const job = payload as Job;
        if (job.held !== null && job.holdUntil === this.sim.now) this.release(job);
        return;
      }
    }
  }

  // --- statistics ----------------------------------------------------------------------

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.depth.reset(now);
    this.inFlight.reset(now);
    this.held.reset(now);
    this.pushConnections.reset(now);
    this.depthSeries.start(now, this.depth.value);
    this.ageSeries.start(now, this.oldestAge());
    this.published = 0;
    this.delivered = 0;
    this.redelivered = 0;
    this.deadLettered = 0;
    this.expired = 0;
    this.dropped = 0;
    this.refused = 0;
    this.skipped = 0;
    this.completed = 0;
    this.failed = 0;
    this.retried = 0;
    this.timeLimited = 0;
    this.executions = 0;
    this.duplicatesExecuted = 0;
    this.polls = 0;
    this.emptyPolls = 0;
    this.failedPolls = 0;
    this.known = 0;
    this.pollsOfKnown = 0;
    this.maxAge = 0;
    this.retryDelays.reset();
    this.taskTime.reset();
    this.notification.reset();
    this.notificationHistogram.reset();
  }

  stats(now: number): BrokerStats {
    const measured = now - this.measuredFrom;
    const depth = this.depthSeries.finish(now);
    const age = this.ageSeries.finish(now);
    return {
      utilization: 0,
      queueLength: { mean: round(this.depth.mean(now)), max: this.depth.max },
      inSystem: { mean: round(this.held.mean(now)), max: this.held.max },
      served: this.delivered,
      rejected: this.deadLettered + this.expired + this.dropped + this.refused,
      published: this.published,
      delivered: this.delivered,
      redelivered: this.redelivered,
      deadLettered: this.deadLettered,
      expired: this.expired,
      dropped: this.dropped,
      refused: this.refused,
      skipped: this.skipped,
      executions: this.executions,
      duplicatesExecuted: this.duplicatesExecuted,
      completed: this.completed,
      failed: this.failed,
      retried: this.retried,
      timeLimited: this.timeLimited,
      retryDelay: { mean: round(this.retryDelays.mean), count: this.retryDelays.count },
      taskTime: { mean: round(this.taskTime.mean) },
      depth: { mean: round(this.depth.mean(now)), max: this.depth.max },
      oldestAge: { max: round(Math.max(this.maxAge, this.oldestAge())) },
      notificationDelay: {
        mean: round(this.notification.mean),
        p99: round(this.notificationHistogram.quantile(0.99)),
        max: round(this.notificationHistogram.max),
      },
      known: this.known,
      polls: this.polls,
      emptyPolls: this.emptyPolls,
      failedPolls: this.failedPolls,
      pollsPerTask: round(this.known > 0 ? this.pollsOfKnown / this.known : 0),
      pollRate: round(measured > 0 ? this.polls / measured : 0),
      pushConnections: { mean: round(this.pushConnections.mean(now)), max: this.pushConnections.max },
      series: {
        time: depth.time.map(round),
        depth: depth.inSystem.map(round),
        oldestAge: age.inSystem.map(round),
      },
    };
  }
}
