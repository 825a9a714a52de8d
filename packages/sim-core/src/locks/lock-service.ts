/**
 * A lock service granting leased locks with fencing tokens. A call carrying steps waits for its
 * lock (one per request key), runs the steps holding it, and releases it when they end. Each
 * grant carries a token one higher than the last. The holder renews its lease every `renew`
 * while it runs; a holder that pauses (GC, a stalled process) does not, and if its lease runs
 * out the lock goes to the next waiter while the old holder, on waking, goes on with its critical
 * section as though it still held the lock — the failure fencing tokens exist to catch
 * (Kleppmann 2016).
 *
 * The holder's io and cpu steps run here, so that pauses can stretch them: a pause strikes only
 * while the holder works; calls it makes (a write to storage) run as usual.
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { type RenegeHandler, WaitingLine } from "../queues/waiting-line";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import { type CompiledStep, hostedSteps } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { Lease, NamedLock } from "./lease";
import { LeaseTimeline } from "./lease-timeline";
import type { LockServiceComponent } from "./lock-service-schema";
import type { LockServiceStats } from "./lock-service-stats";
import { Pauses } from "./pauses";

const EXPIRE = 0;
const RENEW = 1;
const PAUSE = 2;
const RESUME = 3;
const WORK_DONE = 4;

export const LOCK_SERVICE_WORK = hostedSteps(["io", "cpu"]);

export class LockService implements Component<LockServiceStats>, EventHandler, RenegeHandler {
  readonly routesCalls = false;
  readonly hosts = LOCK_SERVICE_WORK;
  private readonly locks = new Map<number, NamedLock>();
  private readonly lines = new Map<number, WaitingLine>();
  private readonly pauses: Pauses | null;
  /** Kept only when the scenario asks for one; filled only while measuring. */
  private readonly timeline: LeaseTimeline | null;
  /** Locks held by the service's reckoning (a lease granted and neither released nor expired). */
  private readonly held: TimeWeighted;
  /** Callers holding a lease (expired or not) or waiting for one. */
  private readonly inSystem: TimeWeighted;
  private lastToken = 0;
  private grants = 0;
  private releases = 0;
  private expired = 0;
  private renewals = 0;
  private renewalsRefused = 0;
  private rejected = 0;
  private acquireTimeouts = 0;
  private pauseCount = 0;
  private pausedTime = 0;

  constructor(
    readonly name: string,
    private readonly spec: LockServiceComponent,
    private readonly context: ComponentContext,
  ) {
    this.pauses = spec.pauses === undefined ? null : new Pauses(spec.pauses);
    this.timeline = spec.timeline === undefined ? null : new LeaseTimeline(spec.timeline);
    this.held = new TimeWeighted(context.sim);
    this.inSystem = new TimeWeighted(context.sim);
  }

  /** The lease a request holds here while its critical section runs (expired or not), or null. */
  static leaseOf(request: Request, visit: unknown): Lease | null {
    return visit instanceof Lease && visit.request === request ? visit : null;
  }

  /** A critical section begins: take the lock, or wait for it, or be refused. */
  begin(request: Request): void {
    const lock = this.lockFor(request.key);
    const line = this.lineFor(request.key);
    if (lock.current === null && line.size === 0) {
      this.inSystem.add(1);
      this.grant(lock, request);
      this.context.flow.done(request);
      return;
    }
    if (!line.join(request, this.spec.wait)) {
      if (this.context.flow.measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    this.inSystem.add(1);
  }

  /** A work step (io, cpu) of the critical section: it runs for its time plus any pause. */
  arrive(request: Request, step: CompiledStep): void {
    const lease = request.visit as Lease;
    lease.workLeft = step.duration.sample(request.random);
    this.work(lease);
  }

  /** The critical section has ended: release the lock, unless the lease ran out before. */
  leave(request: Request, visit: unknown): void {
    const lease = LockService.leaseOf(request, visit);
    if (lease === null) return; // refused, or given up while it waited
    lease.released = true;
    this.inSystem.add(-1);
    if (lease.expired) {
      // The lock is another's now: releasing it would free their lock.
      if (this.context.flow.measuring) lease.note(this.context.sim.now, "stale-release");
      return;
    }
    if (this.context.flow.measuring) {
      this.releases++;
      lease.note(this.context.sim.now, "release");
    }
    this.free(lease.lock);
  }

  onRenege(request: Request): void {
    this.inSystem.add(-1);
    if (this.context.flow.measuring) {
      this.acquireTimeouts++;
      this.rejected++;
    }
    this.context.flow.reject(request);
  }

  onEvent(kind: number, payload: unknown): void {
    const lease = payload as Lease;
    const now = this.context.sim.now;
    switch (kind) {
      case EXPIRE:
        if (lease.released || lease.expired) return;
        if (now < lease.expiresAt) {
          this.context.sim.scheduleAt(lease.expiresAt, this, EXPIRE, lease); // renewed since
          return;
        }
        lease.expired = true;
        if (this.context.flow.measuring) {
          this.expired++;
          lease.note(now, "expire");
        }
        this.free(lease.lock);
        return;
      case RENEW:
        if (lease.released || !lease.renewing) return;
        if (lease.paused) lease.renewDue = true;
        else this.renew(lease);
        return;
      case PAUSE: {
        lease.paused = true;
        const length = this.pauses!.length.sample(this.context.rng);
        if (this.context.flow.measuring) {
          this.pauseCount++;
          this.pausedTime += length;
          lease.note(now, "pause");
        }
        this.context.sim.schedule(length, this, RESUME, lease);
        return;
      }
      case RESUME:
        lease.paused = false;
        if (this.context.flow.measuring) lease.note(now, "wake");
        lease.pauseIn = this.pauses!.gap.sample(this.context.rng);
        if (lease.renewDue) {
          lease.renewDue = false;
          this.renew(lease);
        }
        this.work(lease);
        return;
      case WORK_DONE:
        this.context.flow.done(lease.request);
        return;
    }
  }

  startMeasurement(now: number): void {
    for (const line of this.lines.values()) line.startMeasurement(now);
    this.held.reset(now);
    this.inSystem.reset(now);
    this.grants = 0;
    this.releases = 0;
    this.expired = 0;
    this.renewals = 0;
    this.renewalsRefused = 0;
    this.rejected = 0;
    this.acquireTimeouts = 0;
    this.pauseCount = 0;
    this.pausedTime = 0;
    this.timeline?.clear();
  }

  stats(now: number): LockServiceStats {
    let queueMean = 0;
    let queueMax = 0;
    let waitSum = 0;
    let waited = 0;
    for (const line of this.lines.values()) {
      queueMean += line.length.mean(now);
      queueMax = Math.max(queueMax, line.length.max);
      waitSum += line.waitSum;
      waited += line.served + line.reneged;
    }
    const held = this.held.mean(now);
    return {
      utilization: round(held),
      queueLength: { mean: round(queueMean), max: queueMax },
      inSystem: { mean: round(this.inSystem.mean(now)), max: this.inSystem.max },
      served: this.grants,
      rejected: this.rejected,
      grants: this.grants,
      releases: this.releases,
      expired: this.expired,
      renewals: this.renewals,
      renewalsRefused: this.renewalsRefused,
      acquireTimeouts: this.acquireTimeouts,
      pauses: this.pauseCount,
      pausedTime: round(this.pausedTime),
      lastToken: this.lastToken,
      waitMean: round(waited > 0 ? waitSum / waited : 0),
      ...(this.timeline === null ? {} : { timeline: this.timeline.events }),
    };
  }

  private lockFor(key: number): NamedLock {
    let lock = this.locks.get(key);
    if (lock === undefined) {
      lock = new NamedLock(key);
      this.locks.set(key, lock);
    }
    return lock;
  }

  private lineFor(key: number): WaitingLine {
    let line = this.lines.get(key);
    if (line === undefined) {
      line = new WaitingLine(this.context.sim, "fifo", this.context.flow, this.spec.queue, this);
      this.lines.set(key, line);
    }
    return line;
  }

  private grant(lock: NamedLock, request: Request): void {
    const now = this.context.sim.now;
    const lease = new Lease(request, lock, ++this.lastToken, now, this.spec.ttl, this.timeline);
    lock.current = lease;
    lock.lastToken = lease.token;
    this.held.add(1);
    request.visit = lease;
    if (this.pauses !== null) lease.pauseIn = this.pauses.gap.sample(this.context.rng);
    if (this.context.flow.measuring) {
      this.grants++;
      lease.note(now, "grant");
    }
    this.context.sim.scheduleAt(lease.expiresAt, this, EXPIRE, lease);
    this.context.sim.schedule(this.spec.renew, this, RENEW, lease);
  }

  private free(lock: NamedLock): void {
    lock.current = null;
    this.held.add(-1);
    this.handOver(lock);
  }

  /** The lock is free: the oldest waiter still wanting it takes it. */
  private handOver(lock: NamedLock): void {
    const line = this.lineFor(lock.key);
    while (lock.current === null) {
      const request = line.take();
      if (request === null) return;
      if (request.clientDone) {
        this.inSystem.add(-1);
        this.context.flow.done(request); // its client gave up while it waited: the visit ends unserved
        continue;
      }
      this.grant(lock, request);
      this.context.flow.done(request);
    }
  }

  /** A renewal the holder sends: the service accepts it while the lease lasts, and refuses it after. */
  private renew(lease: Lease): void {
    const measuring = this.context.flow.measuring;
    if (lease.expired) {
      lease.renewing = false;
      if (measuring) this.renewalsRefused++;
      return;
    }
    lease.expiresAt = this.context.sim.now + this.spec.ttl;
    if (measuring) this.renewals++;
    this.context.sim.schedule(this.spec.renew, this, RENEW, lease);
  }

  /** Runs the holder's current work step on until it ends or the next pause strikes. */
  private work(lease: Lease): void {
    if (lease.pauseIn >= lease.workLeft) {
      lease.pauseIn -= lease.workLeft;
      this.context.sim.schedule(lease.workLeft, this, WORK_DONE, lease);
      return;
    }
    lease.workLeft -= lease.pauseIn;
    this.context.sim.schedule(lease.pauseIn, this, PAUSE, lease);
  }
}
