/**
 * A DNS name: each client resolves it when its cached answer has expired, gets the current
 * addresses rotated one place on each answer (as round-robin DNS servers do), uses the first
 * and caches it for the TTL (or longer, for the share of clients that hold answers longer). So a
 * removed address keeps receiving traffic until the caches of those who had it expire. A request
 * with no client identity resolves every time.
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { DnsComponent } from "./dns-schema";
import type { DnsStats } from "./dns-stats";

/** One client's cached answer. */
class CachedAnswer {
  address = 0;
  expires = 0;
}

export class DnsName implements Component<DnsStats>, EventHandler {
  readonly routesCalls = true;
  readonly hosts = 0;
  /** Every address the name ever lists, by index; `current` holds the indices listed now. */
  private readonly names: string[];
  private current: number[];
  private readonly listed: Uint8Array;
  private targets: Component[] | null = null;
  private rotation = 0;
  private readonly cache = new Map<number, CachedAnswer>();
  private readonly requests: Float64Array;
  private resolutions = 0;
  private stale = 0;
  private served = 0;

  constructor(
    readonly name: string,
    private readonly spec: DnsComponent,
    private readonly context: ComponentContext,
  ) {
    this.names = [...new Set([...spec.addresses, ...spec.changes.flatMap((c) => c.addresses)])];
    this.current = spec.addresses.map((a) => this.names.indexOf(a));
    this.listed = new Uint8Array(this.names.length);
    for (const i of this.current) this.listed[i] = 1;
    this.requests = new Float64Array(this.names.length);
    spec.changes.forEach((change, i) => {
      context.sim.scheduleAt(change.at, this, i, null);
    });
  }

  arrive(request: Request, call: CompiledStep): void {
    const now = this.context.sim.now;
    const id = request.client >= 0 ? request.client : request.user;
    let address: number;
    if (id < 0) address = this.resolve();
    else {
      let answer = this.cache.get(id);
      if (answer === undefined) {
        answer = new CachedAnswer();
        this.cache.set(id, answer);
        answer.expires = Number.NEGATIVE_INFINITY;
      }
      if (answer.expires <= now) {
        answer.address = this.resolve();
        answer.expires = now + this.cacheTime(id);
      }
      address = answer.address;
    }
    if (address < 0) {
      this.context.flow.reject(request, "reset");
      return;
    }
    if (this.context.flow.measuring) {
      this.requests[address]!++;
      this.served++;
      if (this.listed[address] === 0) this.stale++;
    }
    this.targets ??= this.names.map((n) => this.context.components.get(n)!);
    this.context.flow.forward(request, this, this.targets[address]!, call);
  }

  onEvent(kind: number, _payload: unknown): void {
    // A change of the records (kind: its index).
    this.current = this.spec.changes[kind]!.addresses.map((a) => this.names.indexOf(a));
    this.listed.fill(0);
    for (const i of this.current) this.listed[i] = 1;
  }

  startMeasurement(_now: number): void {
    this.requests.fill(0);
    this.resolutions = 0;
    this.stale = 0;
    this.served = 0;
  }

  stats(_now: number): DnsStats {
    const addresses: Record<string, { requests: number }> = {};
    this.names.forEach((name, i) => {
      addresses[name] = { requests: this.requests[i]! };
    });
    return {
      utilization: 0,
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: 0, max: 0 },
      served: this.served,
      rejected: 0,
      resolutions: this.resolutions,
      stale: round(this.stale),
      addresses,
    };
  }

  /** An answer: the first address after rotating, or −1 when the name lists none. */
  private resolve(): number {
    if (this.context.flow.measuring) this.resolutions++;
    const n = this.current.length;
    if (n === 0) return -1;
    this.rotation = (this.rotation + 1) % n;
    return this.current[this.rotation]!;
  }

  /** How long client `id` keeps an answer: a fixed share of clients (by a hash of the id) keep it longer. */
  private cacheTime(id: number): number {
    const long = this.spec.longCache;
    if (long === undefined) return this.spec.ttl;
    let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296 < long.share ? long.ttl : this.spec.ttl;
  }
}
