/**
 * Storage that takes writes: a call with a `hold` is one write lasting that long (no queueing:
 * the store serves writes concurrently). The write carries the fencing token of the lease its
 * caller holds — the nearest lock-service frame it was called from. The store remembers, per
 * lock, the highest token it has accepted; with `fencing` on it refuses a write with a lower
 * token (answering after the same time as an accepted write, so the check changes no timing).
 */
import type { Component, ComponentContext } from "../component/component";
import { unwrapped } from "../failures/failing-component";
import type { EventHandler } from "../kernel/event-handler";
import type { Lease, NamedLock } from "../locks/lease";
import { LockService } from "../locks/lock-service";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { StorageComponent } from "./storage-schema";
import type { StorageStats } from "./storage-stats";

const ACCEPTED = 0;
const FENCED = 1;

export class Storage implements Component<StorageStats>, EventHandler {
  readonly routesCalls = false;
  readonly hosts = 0;
  /** Per lock, the highest token among the writes accepted. */
  private readonly highest = new Map<NamedLock, number>();
  private readonly inProgress: TimeWeighted;
  private writes = 0;
  private unlocked = 0;
  private staleWrites = 0;
  private unsafeWrites = 0;
  private fencedRejections = 0;

  constructor(
    readonly name: string,
    private readonly spec: StorageComponent,
    private readonly context: ComponentContext,
  ) {
    this.inProgress = new TimeWeighted(context.sim);
  }

  arrive(request: Request, call: CompiledStep): void {
    const measuring = this.context.flow.measuring;
    const lease = leaseHeldBy(request);
    let verdict = ACCEPTED;
    if (lease === null) {
      if (measuring) this.unlocked++;
    } else {
      const highest = this.highest.get(lease.lock) ?? 0;
      const stale = lease.expired && lease.lock.lastToken > lease.token;
      if (measuring && stale) this.staleWrites++;
      let event: "write" | "stale-write" | "unsafe-write" | "fenced" = stale ? "stale-write" : "write";
      if (lease.token < highest) {
        if (this.spec.fencing) verdict = FENCED;
        else if (measuring) this.unsafeWrites++;
        event = this.spec.fencing ? "fenced" : "unsafe-write";
      } else this.highest.set(lease.lock, lease.token);
      if (measuring) lease.note(this.context.sim.now, event);
    }
    if (measuring) {
      if (verdict === FENCED) this.fencedRejections++;
      else this.writes++;
    }
    this.inProgress.add(1);
    this.context.sim.schedule(call.duration.sample(request.random), this, verdict, request);
  }

  onEvent(verdict: number, payload: unknown): void {
    const request = payload as Request;
    this.inProgress.add(-1);
    if (verdict === FENCED) this.context.flow.reject(request);
    else this.context.flow.done(request);
  }

  startMeasurement(now: number): void {
    this.inProgress.reset(now);
    this.writes = 0;
    this.unlocked = 0;
    this.staleWrites = 0;
    this.unsafeWrites = 0;
    this.fencedRejections = 0;
  }

  stats(now: number): StorageStats {
    return {
      utilization: 0,
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: round(this.inProgress.mean(now)), max: this.inProgress.max },
      served: this.writes,
      rejected: this.fencedRejections,
      writes: this.writes,
      unlocked: this.unlocked,
      staleWrites: this.staleWrites,
      unsafeWrites: this.unsafeWrites,
      fencedRejections: this.fencedRejections,
    };
  }
}

/** The lease of the nearest lock-service frame the request is in, or null when it holds none. */
function leaseHeldBy(request: Request): Lease | null {
  if (unwrapped(request.host) instanceof LockService) return LockService.leaseOf(request, request.visit);
  for (let depth = request.depth - 1; depth >= 0; depth--) {
    if (unwrapped(request.savedHost[depth]) instanceof LockService)
      return LockService.leaseOf(request, request.savedVisit[depth]);
  }
  return null;
}
