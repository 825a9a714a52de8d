/**
 * A cache in front of a component (cache-aside, as an application uses memcached or Redis in
 * front of a database). A read of a key the cache holds fresh is a hit: it costs `hit` and never
 * reaches the target. Any other read is a miss: the cache calls the target with the caller's call
 * (its `hold` or `steps`) as a child request, the caller waits, and the key is stored when the
 * answer comes back, evicting by `policy` when full. `onMiss` decides what concurrent misses of
 * one key do:
 *  - "each": every miss calls the target (a stampede when a hot key expires);
 *  - "coalesce": one call per key is in flight; later misses wait for it (Go's singleflight).
 *    Waiters share the leader's outcome: when its call fails (rejected, reset, or not answered
 *    within `fetchTimeout`) every waiter fails the same way and nothing is stored. The call is
 *    the cache's, not the leader's: a leader whose own client gives up leaves it running for the
 *    others;
 *  - "early-refresh": XFetch (Vattani, Chierichetti and Lowenstein, "Optimal probabilistic cache
 *    stampede prevention", VLDB 2015): a read of a fresh value refreshes it itself, as a miss,
 *    when now − δ·β·ln(U) ≥ expiry (δ: how long the last fetch took, U uniform in (0, 1]), so
 *    refreshes start shortly before expiry; while one runs, other reads of the key are hits;
 *  - "stale-while-revalidate": a read of an expired value (within `staleFor`) is served at once
 *    as a hit while one refresh runs.
 * Requests of classes marked "write" invalidate the key and pass on to the target, or write
 * through (pass on, then store the new value). Requests without a key pass through uncached.
 * Without a target, a miss costs the call's `hold` at the cache itself (a memoised computation).
 * Expired entries are dropped when read (lazily, as memcached does) or when evicted.
 */
import type { Component, ComponentContext } from "../component/component";
import type { ChildOutcome, ChildWatcher } from "../component/request-flow";
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import { CompiledStep, STEP_CALL } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { CacheComponent } from "./cache-schema";
import { CacheSeries } from "./cache-series";
import type { CacheStats } from "./cache-stats";
import { KeyTable } from "./key-table";
import type { EvictionPolicy } from "./policies/eviction-policy";
import { policies } from "./policies/policies";

const HIT_DONE = 0;
const FETCH_DONE = 1;
const NO_STEPS: CompiledStep[] = [];
const SERIES_BUCKETS = 120;

/** A call to the target in flight, and the readers waiting for it. Pooled: one per call, reused. */
class Fetch {
  key = -1;
  started = 0;
  readonly waiters: Request[] = [];
}

export class Cache implements Component<CacheStats>, EventHandler, ChildWatcher {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly table = new KeyTable();
  private readonly policy: EvictionPolicy;
  private policySlots = 0;
  private readonly hitCost: Sampler;
  private readonly ttl: Sampler | null;
  private readonly changeEvery: number;
  private readonly early: boolean;
  private readonly staleWhileRevalidate: boolean;
  private readonly coalesce: boolean;
  private target: Component | null | undefined;
  /** The caller's call, addressed to the target instead of the cache (few distinct calls: one each). */
  private readonly redirected = new Map<CompiledStep, CompiledStep>();
  private readonly byChild = new Map<Request, Fetch>();
  /** The fetch per key that later misses join ("coalesce") or that refreshes it (the refresh modes). */
  private readonly byKey = new Map<number, Fetch>();
  private readonly spareFetches: Fetch[] = [];
  /** The fetch whose child is being spawned: it may end before spawn returns. */
  private spawning: Fetch | null = null;
  private bytesUsed = 0;
  private readonly series: CacheSeries;
  /** Reads at the cache (paying a hit, or waiting for a call) and those waiting, time-weighted. */
  private readonly present: TimeWeighted;
  private readonly waiting: TimeWeighted;
  /** How full it is: entries (or bytes) over capacity, time-weighted. */
  private readonly fill: TimeWeighted;
  private readonly fillUnit: number;
  private served = 0;
  private rejected = 0;

  private hits = 0;
  private misses = 0;
  private evictions = 0;
  private expirations = 0;
  private coalescedWaits = 0;
  private targetCalls = 0;
  private targetFailures = 0;
  private staleServed = 0;
  private refreshes = 0;
  private writes = 0;
  private bypassed = 0;
  private staleHits = 0;
  private stalenessSum = 0;
  private stalenessMax = 0;
  private peakEntries = 0;

  constructor(
    readonly name: string,
    private readonly spec: CacheComponent,
    private readonly context: ComponentContext,
  ) {
    const capacityHint = Number.isFinite(spec.capacity)
      ? spec.capacity
      : spec.capacityBytes / ((spec.size.min + spec.size.max) / 2);
    this.policy = policies[spec.policy](capacityHint, context.rng);
    this.hitCost = compile(spec.hit);
    this.ttl = spec.ttl === undefined ? null : compile(spec.ttl);
    this.changeEvery = spec.changeEvery ?? Number.POSITIVE_INFINITY;
    this.early = spec.onMiss === "early-refresh";
    this.staleWhileRevalidate = spec.onMiss === "stale-while-revalidate";
    this.coalesce = spec.onMiss === "coalesce";
    const series = context.series ?? { buckets: SERIES_BUCKETS, width: 0 };
    this.series = new CacheSeries(series.buckets, series.width, context.sim);
    this.present = new TimeWeighted(context.sim);
    this.waiting = new TimeWeighted(context.sim);
    this.fill = new TimeWeighted(context.sim);
    // Entries when counted in entries, bytes under a byte budget; an unbounded cache is never full.
    this.fillUnit = Number.isFinite(spec.capacity)
      ? 1 / spec.capacity
      : Number.isFinite(spec.capacityBytes)
        ? 1 / spec.capacityBytes
        : 0;
    this.prefill();
  }

  arrive(request: Request, call: CompiledStep): void {
    const flow = this.context.flow;
    const measuring = flow.measuring;
    const key = request.key;
    if (key < 0 || request.write) {
      this.passOn(request, call, key, measuring);
      return;
    }
    const now = this.context.sim.now;
    const table = this.table;
    const slot = table.find(key);
    if (slot >= 0) {
      const expiresAt = table.expiresAt[slot]!;
      if (now < expiresAt) {
        // XFetch: refresh early with a probability that rises as expiry nears.
        if (
          this.early &&
          expiresAt !== Number.POSITIVE_INFINITY &&
          !this.byKey.has(key) &&
          now - table.fetchTime[slot]! * this.spec.beta * Math.log(this.context.rng.nextDouble()) >= expiresAt
        ) {
          if (measuring) {
            this.refreshes++;
            this.misses++;
            this.series.read(false);
          }
          this.fetch(request, call, key, measuring, true, true);
          return;
        }
        this.hit(request, slot, now, measuring);
        return;
      }
      if (this.staleWhileRevalidate && now - expiresAt < this.spec.staleFor) {
        if (!this.byKey.has(key)) {
          if (measuring) this.refreshes++;
          this.fetch(request, call, key, measuring, false, true);
        }
        if (measuring) this.staleServed++;
        this.hit(request, slot, now, measuring);
        return;
      }
      if (measuring) this.expirations++;
      this.drop(slot);
    }
    this.miss(request, call, key, measuring);
  }

  onEvent(kind: number, payload: unknown): void {
    // HIT_DONE: a hit's cost has been paid (or, without a target, a passed-on call's hold).
    if (kind === HIT_DONE) {
      const request = payload as Request;
      this.present.add(-1);
      if (this.context.flow.measuring) {
        this.served++;
        this.series.readTime(this.context.sim.now - request.tag);
      }
      this.context.flow.done(request);
    }
    // FETCH_DONE: without a target, the cache has computed the value itself.
    else this.finish(payload as Fetch, "completed");
  }

  /** A call to the target has ended. */
  onChildEnd(child: Request, outcome: ChildOutcome): void {
    let fetch = this.byChild.get(child);
    if (fetch === undefined) {
      // Ended inside spawn (the target refused it at once), before spawn returned the child.
      fetch = this.spawning!;
      this.spawning = null;
    } else this.byChild.delete(child);
    this.finish(fetch, outcome);
  }

  /** A fetch has ended: store the value if it came back, and let the waiters go on. */
  private finish(fetch: Fetch, outcome: ChildOutcome): void {
    const key = fetch.key;
    if (this.byKey.get(key) === fetch) this.byKey.delete(key);
    const flow = this.context.flow;
    if (outcome === "completed") this.store(key, this.context.sim.now - fetch.started);
    else if (flow.measuring) this.targetFailures++;
    // No one can join this fetch now (it left byKey), so the list holds still while waiters go on.
    const waiters = fetch.waiters;
    const released = waiters.length;
    if (released > 0) {
      this.present.add(-released);
      this.waiting.add(-released);
      if (flow.measuring) {
        if (outcome === "completed") this.served += released;
        else this.rejected += released;
        const now = this.context.sim.now;
        for (let i = 0; i < released; i++) this.series.readTime(now - waiters[i]!.tag);
      }
    }
    for (let i = 0; i < released; i++) {
      if (outcome === "completed") flow.done(waiters[i]!);
      else flow.reject(waiters[i]!, outcome);
    }
    waiters.length = 0;
    this.spareFetches.push(fetch);
  }

  startMeasurement(now: number): void {
    this.hits = 0;
    this.misses = 0;
    this.evictions = 0;
    this.expirations = 0;
    this.coalescedWaits = 0;
    this.targetCalls = 0;
    this.targetFailures = 0;
    this.staleServed = 0;
    this.refreshes = 0;
    this.writes = 0;
    this.bypassed = 0;
    this.staleHits = 0;
    this.stalenessSum = 0;
    this.stalenessMax = 0;
    this.peakEntries = this.table.size;
    this.series.start(now);
    this.present.reset(now);
    this.waiting.reset(now);
    this.fill.reset(now);
    this.served = 0;
    this.rejected = 0;
  }

  stats(now: number): CacheStats {
    const reads = this.hits + this.misses;
    return {
      utilization: round(this.fill.mean(now)),
      queueLength: { mean: round(this.waiting.mean(now)), max: this.waiting.max },
      inSystem: { mean: round(this.present.mean(now)), max: this.present.max },
      served: this.served,
      rejected: this.rejected,
      hitRatio: round(reads > 0 ? this.hits / reads : 0),
      hits: this.hits,
      misses: this.misses,
      evictions: this.evictions,
      expirations: this.expirations,
      coalescedWaits: this.coalescedWaits,
      targetCalls: this.targetCalls,
      targetFailures: this.targetFailures,
      staleServed: this.staleServed,
      refreshes: this.refreshes,
      writes: this.writes,
      bypassed: this.bypassed,
      staleHits: this.staleHits,
      staleness: {
        mean: round(this.staleHits > 0 ? this.stalenessSum / this.staleHits : 0),
        max: round(this.stalenessMax),
      },
      entries: this.table.size,
      peakEntries: this.peakEntries,
      series: (({ hitRatio, targetCalls, readTimeP99 }) => ({
        hitRatio: hitRatio.map(round),
        targetCalls: targetCalls.map(round),
        readTimeP99: readTimeP99.map(round),
      }))(this.series.finish(now)),
    };
  }

  // --- reads ----------------------------------------------------------------------------

  private hit(request: Request, slot: number, now: number, measuring: boolean): void {
    this.policy.touch(slot);
    if (measuring) {
      this.hits++;
      this.series.read(true);
      const changedAt = this.table.changesAt[slot]!;
      if (now >= changedAt) {
        const age = now - changedAt;
        this.staleHits++;
        this.stalenessSum += age;
        if (age > this.stalenessMax) this.stalenessMax = age;
      }
    }
    this.present.add(1);
    request.tag = this.context.sim.now; // free while it is here: only a processor-sharing station uses it
    this.context.flow.enter(request, this, NO_STEPS);
    this.context.sim.schedule(this.hitCost.sample(request.random), this, HIT_DONE, request);
  }

  private miss(request: Request, call: CompiledStep, key: number, measuring: boolean): void {
    if (measuring) {
      this.misses++;
      this.series.read(false);
    }
    const fetch = this.coalesce ? this.byKey.get(key) : undefined;
    if (fetch === undefined) {
      this.fetch(request, call, key, measuring, true, this.coalesce);
      return;
    }
    if (measuring) this.coalescedWaits++;
    this.wait(request, fetch);
  }

  /**
   * Calls the target for `key` on behalf of `request` (whose call it carries); `request` waits for
   * it when `wait`, and later misses find it by key when `register`. Both are in place before the
   * call starts, since a target may refuse it at once.
   */
  private fetch(
    request: Request,
    call: CompiledStep,
    key: number,
    measuring: boolean,
    wait: boolean,
    register: boolean,
  ): void {
    const fetch = this.spareFetches.pop() ?? new Fetch();
    fetch.key = key;
    fetch.started = this.context.sim.now;
    if (wait) this.wait(request, fetch);
    if (register) this.byKey.set(key, fetch);
    if (measuring) {
      this.targetCalls++;
      this.series.call();
    }
    const target = this.resolveTarget();
    if (target === null) {
      // No target: the cache computes the value itself, for the call's hold.
      this.context.sim.schedule(call.duration.sample(request.random), this, FETCH_DONE, fetch);
      return;
    }
    this.spawning = fetch;
    const child = this.context.flow.spawn(request, this.toTarget(call, target), this, this.spec.fetchTimeout);
    if (this.spawning !== null) {
      this.spawning = null;
      this.byChild.set(child, fetch);
    }
  }

  private wait(request: Request, fetch: Fetch): void {
    request.tag = this.context.sim.now;
    this.present.add(1);
    this.waiting.add(1);
    this.context.flow.enter(request, this, NO_STEPS);
    fetch.waiters.push(request);
  }

  // --- writes and keyless requests --------------------------------------------------------

  private passOn(request: Request, call: CompiledStep, key: number, measuring: boolean): void {
    if (key >= 0 && measuring) this.writes++;
    if (key >= 0 && this.spec.onWrite === "write-through") {
      // The writer waits for the target, then the new value is stored.
      this.fetch(request, call, key, measuring, true, false);
      return;
    }
    if (key < 0) {
      if (measuring) this.bypassed++;
    } else {
      const slot = this.table.find(key);
      if (slot >= 0) this.drop(slot); // invalidate
    }
    if (measuring) {
      this.targetCalls++;
      this.series.call();
    }
    const target = this.resolveTarget();
    if (target !== null) {
      this.context.flow.forward(request, this, target, call);
      return;
    }
    this.present.add(1);
    request.tag = this.context.sim.now;
    this.context.flow.enter(request, this, NO_STEPS);
    this.context.sim.schedule(call.duration.sample(request.random), this, HIT_DONE, request);
  }

  // --- entries ------------------------------------------------------------------------------

  /** Stores (or refreshes) `key`, evicting by the policy until it fits. */
  private store(key: number, fetchTime: number): void {
    const table = this.table;
    const now = this.context.sim.now;
    let slot = table.find(key);
    if (slot >= 0) this.policy.touch(slot);
    else {
      const size = this.sizeOf(key);
      if (size > this.spec.capacityBytes) return; // never fits
      while (table.size >= this.spec.capacity || this.bytesUsed + size > this.spec.capacityBytes) {
        const victim = this.policy.evict();
        if (this.context.flow.measuring) this.evictions++;
        this.unfill(victim);
        table.remove(victim);
      }
      slot = table.add(key);
      if (table.slots > this.policySlots) {
        this.policySlots = table.slots;
        this.policy.grow(this.policySlots);
      }
      this.policy.admit(slot, key);
      table.bytes[slot] = size;
      this.bytesUsed += size;
      this.fill.add((Number.isFinite(this.spec.capacity) ? 1 : size) * this.fillUnit);
      if (table.size > this.peakEntries) this.peakEntries = table.size;
    }
    table.expiresAt[slot] =
      this.ttl === null ? Number.POSITIVE_INFINITY : now + this.ttl.sample(this.context.rng);
    table.fetchTime[slot] = fetchTime;
    table.changesAt[slot] =
      this.changeEvery === Number.POSITIVE_INFINITY
        ? Number.POSITIVE_INFINITY
        : now - this.changeEvery * Math.log(1 - this.context.rng.nextDouble());
  }

  /** Removes an entry that expired or was invalidated. */
  private drop(slot: number): void {
    this.policy.remove(slot);
    this.unfill(slot);
    this.table.remove(slot);
  }

  private unfill(slot: number): void {
    const size = this.table.bytes[slot]!;
    this.bytesUsed -= size;
    this.fill.add(-(Number.isFinite(this.spec.capacity) ? 1 : size) * this.fillUnit);
  }

  /** A warm start: the most popular keys (0, 1, …) stored before the run, the most popular last so recency favours it. */
  private prefill(): void {
    const spec = this.spec;
    const wanted = spec.warm === "capacity" ? spec.capacity : spec.warm;
    let count = Math.min(wanted, spec.capacity);
    if (!Number.isFinite(count)) {
      // Filling a byte budget: as many of the most popular keys as fit.
      count = 0;
      let bytes = 0;
      while (bytes + this.sizeOf(count) <= spec.capacityBytes) bytes += this.sizeOf(count++);
    }
    for (let key = count - 1; key >= 0; key--) this.store(key, 0);
  }

  /** Each key's size in bytes: fixed per key, spread uniformly over [min, max] by a hash of its number. */
  private sizeOf(key: number): number {
    const { min, max } = this.spec.size;
    if (min === max) return min;
    // A 32-bit integer mix (murmur3's finaliser): neighbouring keys get unrelated sizes.
    let h = key | 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    return min + Math.floor(((h >>> 0) / 4294967296) * (max - min + 1));
  }

  private resolveTarget(): Component | null {
    // Resolved at the first call: every component of the run exists by then.
    if (this.target === undefined) {
      this.target =
        this.spec.target === undefined ? null : (this.context.components.get(this.spec.target) ?? null);
    }
    return this.target;
  }

  /** The caller's call, sent to the target: the same hold or steps. */
  private toTarget(call: CompiledStep, target: Component): CompiledStep {
    let redirected = this.redirected.get(call);
    if (redirected === undefined) {
      redirected = new CompiledStep(STEP_CALL, call.duration, target, call.steps);
      this.redirected.set(call, redirected);
    }
    return redirected;
  }
}
