/**
 * Leader election with a lease, after Kubernetes client-go's leaderelection package. One lease
 * record names a holder and the time it last renewed. Each candidate tries every retryPeriod (a
 * follower with client-go's jitter): a follower notes when it last saw the record change (its
 * observedTime) and takes the lease once leaseDuration has passed since, or at once when it is
 * free or its own; a leader renews every retryPeriod and steps down when its try finds the
 * record names another, or when it has not renewed for renewDeadline.
 *
 * A crashed leader stops acting at once; followers take over about leaseDuration after its last
 * renewal. A paused leader stops acting too, but when it wakes it acts at once and goes on until
 * its next try (on its own retryPeriod schedule: tries that fell in the pause are not made up)
 * shows it lost the lease — the time with two leaders. A restarted or new process makes its first
 * try at a random moment within a retry period. Calls with a `hold` are served by the leader, and
 * refused while none acts.
 */
import type { Component, ComponentContext } from "../component/component";
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import type { EventHandler } from "../kernel/event-handler";
import { Pauses } from "../locks/pauses";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { Candidate } from "./candidate";
import type { CrashSpec, LeaderElectionComponent } from "./leader-election-schema";
import type { LeaderElectionStats } from "./leader-election-stats";

const TRY = 0;
const PAUSE = 1;
const RESUME = 2;
const CRASH = 3;
const RECOVER = 4;
const HOLD_DONE = 5;

interface CompiledCrash {
  every: Sampler | null;
  for: Sampler | null;
}

export class LeaderElection implements Component<LeaderElectionStats>, EventHandler {
  readonly routesCalls = false;
  readonly hosts = 0;
  private readonly candidates: Candidate[] = [];
  private readonly pauses: Pauses | null;
  private readonly calls: TimeWeighted;
  /** The lease record: its holder (−1: none) and when it was last renewed. */
  private holder = -1;
  private renewTime = Number.NaN;
  /** Candidates acting as leader now, and when the time-weighted figures were last brought up to date. */
  private acting = 0;
  private since = 0;
  private measuredFrom = 0;
  private leaderless = 0;
  private twoLeaders = 0;
  private elections = 0;
  private deposed = 0;
  private deadlinesMissed = 0;
  private crashes = 0;
  private pauseCount = 0;
  private served = 0;
  private rejected = 0;

  constructor(
    readonly name: string,
    private readonly spec: LeaderElectionComponent,
    private readonly context: ComponentContext,
  ) {
    this.pauses = spec.pauses === undefined ? null : new Pauses(spec.pauses);
    this.calls = new TimeWeighted(context.sim);
    for (let i = 0; i < spec.candidates; i++) {
      const candidate = new Candidate(i);
      this.candidates.push(candidate);
      this.start(candidate);
    }
    for (const crash of spec.crashes) this.scheduleCrashes(crash);
  }

  /** A call for the leader: served for its hold while one acts, refused (503) while none does. */
  arrive(request: Request, call: CompiledStep): void {
    const measuring = this.context.flow.measuring;
    if (this.acting === 0) {
      if (measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    if (measuring) this.served++;
    this.calls.add(1);
    this.context.sim.schedule(call.duration.sample(request.random), this, HOLD_DONE, request);
  }

  onEvent(kind: number, payload: unknown): void {
    if (kind === HOLD_DONE) {
      this.calls.add(-1);
      this.context.flow.done(payload as Request);
      return;
    }
    this.account();
    const now = this.context.sim.now;
    if (kind === CRASH) {
      this.crashLeader(payload as CompiledCrash);
      return;
    }
    const candidate = payload as Candidate;
    switch (kind) {
      case TRY:
        if (candidate.nextTry !== now) return; // superseded by a crash or restart
        if (candidate.paused)
          this.scheduleTry(candidate); // a try that falls in a pause is skipped
        else if (candidate.leader) this.renew(candidate);
        else this.tryAcquire(candidate);
        break;
      case PAUSE:
        if (candidate.nextPause !== now || !candidate.alive) return;
        candidate.paused = true;
        if (this.context.flow.measuring) this.pauseCount++;
        this.context.sim.schedule(this.pauses!.length.sample(this.context.rng), this, RESUME, candidate);
        break;
      case RESUME:
        if (!candidate.paused) return; // it crashed while paused
        candidate.paused = false;
        this.schedulePause(candidate);
        break;
      case RECOVER:
        this.start(candidate);
        break;
    }
    this.countActing();
  }

  startMeasurement(now: number): void {
    this.account();
    this.since = now;
    this.measuredFrom = now;
    this.calls.reset(now);
    this.leaderless = 0;
    this.twoLeaders = 0;
    this.elections = 0;
    this.deposed = 0;
    this.deadlinesMissed = 0;
    this.crashes = 0;
    this.pauseCount = 0;
    this.served = 0;
    this.rejected = 0;
  }

  stats(now: number): LeaderElectionStats {
    const span = Math.max(now - this.since, 0);
    const leaderless = this.leaderless + (this.acting === 0 ? span : 0);
    const measured = now - this.measuredFrom;
    return {
      utilization: round(measured > 0 ? 1 - leaderless / measured : 0),
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: round(this.calls.mean(now)), max: this.calls.max },
      leaderless: round(leaderless),
      twoLeaders: round(this.twoLeaders + (this.acting >= 2 ? span : 0)),
      elections: this.elections,
      deposed: this.deposed,
      deadlinesMissed: this.deadlinesMissed,
      crashes: this.crashes,
      pauses: this.pauseCount,
      served: this.served,
      rejected: this.rejected,
    };
  }

  /** A process starts (or restarts) knowing nothing of the record. */
  private start(candidate: Candidate): void {
    candidate.alive = true;
    candidate.paused = false;
    candidate.leader = false;
    candidate.observedHolder = -1;
    candidate.observedRenew = Number.NaN;
    candidate.observedTime = Number.NEGATIVE_INFINITY;
    const first = this.context.rng.nextDouble() * this.spec.retryPeriod;
    candidate.nextTry = this.context.sim.now + first;
    this.context.sim.scheduleAt(candidate.nextTry, this, TRY, candidate);
    this.schedulePause(candidate);
  }

  /** A leader's try: renew, or notice it has lost the lease or missed its deadline. */
  private renew(candidate: Candidate): void {
    const now = this.context.sim.now;
    const deposed = this.holder !== candidate.index;
    if (deposed || now - candidate.lastRenew > this.spec.renewDeadline) {
      candidate.leader = false;
      if (this.context.flow.measuring) {
        if (deposed) this.deposed++;
        else this.deadlinesMissed++;
      }
      this.observe(candidate);
    } else {
      this.renewTime = now;
      candidate.lastRenew = now;
    }
    this.scheduleTry(candidate);
  }

  /** A follower's try: take the lease if it is free, its own, or unchanged for leaseDuration. */
  private tryAcquire(candidate: Candidate): void {
    const now = this.context.sim.now;
    this.observe(candidate);
    const heldByOther = this.holder >= 0 && this.holder !== candidate.index;
    if (!heldByOther || candidate.observedTime + this.spec.leaseDuration <= now) {
      this.holder = candidate.index;
      this.renewTime = now;
      candidate.leader = true;
      candidate.lastRenew = now;
      if (this.context.flow.measuring) this.elections++;
    }
    this.scheduleTry(candidate);
  }

  /** Reads the record; a change since the last read restarts the candidate's lease clock. */
  private observe(candidate: Candidate): void {
    if (candidate.observedHolder !== this.holder || candidate.observedRenew !== this.renewTime) {
      candidate.observedHolder = this.holder;
      candidate.observedRenew = this.renewTime;
      candidate.observedTime = this.context.sim.now;
    }
  }

  private scheduleTry(candidate: Candidate): void {
    const period = this.spec.retryPeriod;
    const wait = candidate.leader ? period : period * (1 + this.spec.jitter * this.context.rng.nextDouble());
    candidate.nextTry = this.context.sim.now + wait;
    this.context.sim.scheduleAt(candidate.nextTry, this, TRY, candidate);
  }

  private schedulePause(candidate: Candidate): void {
    if (this.pauses === null) return;
    candidate.nextPause = this.context.sim.now + this.pauses.gap.sample(this.context.rng);
    this.context.sim.scheduleAt(candidate.nextPause, this, PAUSE, candidate);
  }

  private scheduleCrashes(spec: CrashSpec): void {
    const crash: CompiledCrash = {
      every: "every" in spec ? compile(spec.every) : null,
      for: spec.for === undefined ? null : compile(spec.for),
    };
    if (crash.every === null) this.context.sim.scheduleAt((spec as { at: number }).at, this, CRASH, crash);
    else this.context.sim.schedule(crash.every.sample(this.context.rng), this, CRASH, crash);
  }

  /** The leader (the record's holder, or else any that believes it leads) crashes, if there is one. */
  private crashLeader(crash: CompiledCrash): void {
    if (crash.every !== null)
      this.context.sim.schedule(crash.every.sample(this.context.rng), this, CRASH, crash);
    const byRecord = this.holder >= 0 ? this.candidates[this.holder]! : undefined;
    const leader =
      byRecord?.alive && byRecord.leader ? byRecord : this.candidates.find((c) => c.alive && c.leader);
    if (leader === undefined) return;
    leader.alive = false;
    leader.leader = false;
    leader.paused = false;
    leader.nextTry = Number.NaN;
    leader.nextPause = Number.NaN;
    if (this.context.flow.measuring) this.crashes++;
    if (crash.for !== null)
      this.context.sim.schedule(crash.for.sample(this.context.rng), this, RECOVER, leader);
    this.countActing();
  }

  /** Brings the time with no leader and with two up to now, under the count that held until now. */
  private account(): void {
    const now = this.context.sim.now;
    const span = now - this.since;
    if (this.acting === 0) this.leaderless += span;
    else if (this.acting >= 2) this.twoLeaders += span;
    this.since = now;
  }

  private countActing(): void {
    let acting = 0;
    for (const candidate of this.candidates) if (candidate.acting) acting++;
    this.acting = acting;
  }
}
