/**
 * A load balancer: routes each call to one backend its algorithm chooses among those usable now,
 * forwarding the call (the backend serves its hold or hosts its steps). It counts its own
 * requests in flight per backend — several balancers in front of the same backends each keep
 * their own view, as Envoy workers and HAProxy processes do — and learns from each visit's end
 * whether the backend failed it, for outlier detection. Health (active checks, ejection, panic
 * mode, slow start) lives beside the algorithms, in the backend set they all read.
 */
import type { Component, ComponentContext } from "../component/component";
import { outageOf } from "../failures/failing-component";
import type { OutageListener } from "../failures/outage-state";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import { TimeWeighted } from "../stats/time-weighted";
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import { BackendSet } from "./backend-set";
import type { BalancerComponent } from "./balancer-schema";
import type { BackendStats, BalancerStats } from "./balancer-stats";
import type { Chooser } from "./chooser";
import { chooserFor } from "./chooser-for";
import type { HealthBoard } from "./health-board";
import { HealthCheck } from "./health-check";
import { OutlierDetection } from "./outlier-detection";

const START = 0;

/** Tells the balancer when one backend's outage starts or ends. */
class BackendWatch implements OutageListener {
  constructor(
    private readonly balancer: LoadBalancer,
    private readonly backend: number,
  ) {}

  onOutageChange(down: boolean): void {
    this.balancer.outageChanged(this.backend, down);
  }
}

export class LoadBalancer implements Component<BalancerStats>, EventHandler, HealthBoard {
  readonly routesCalls = true;
  readonly hosts = 0;
  private readonly set: BackendSet;
  private readonly chooser: Chooser;
  private readonly health: HealthCheck | null;
  private readonly outliers: OutlierDetection | null;
  private readonly checkedUp: Uint8Array;
  private readonly ejectedNow: Uint8Array;
  private readonly actuallyDown: Uint8Array;
  private resolved = false;
  private arrived = 0;
  private rejected = 0;
  private served = 0;
  private readonly inSystem: TimeWeighted;
  private readonly requests: Float64Array;
  private readonly failed: Float64Array;
  // Health-check lag: seconds each backend's view and truth disagreed, accumulated at each change.
  private readonly lastChange: Float64Array;
  private readonly downWhileUp: Float64Array;
  private readonly upWhileDown: Float64Array;
  private panicTime = 0;
  private panicSince = 0;
  private measuredFrom = 0;

  constructor(
    readonly name: string,
    private readonly spec: BalancerComponent,
    private readonly context: ComponentContext,
  ) {
    const n = spec.backends.length;
    this.set = new BackendSet(
      spec.backends.map((b) => b.target),
      spec.backends.map((b) => b.weight),
      spec.panicThreshold,
      spec.slowStart,
      context.sim,
    );
    this.chooser = chooserFor(spec);
    this.health =
      spec.healthCheck === undefined ? null : new HealthCheck(spec.healthCheck, context.sim, this, n);
    this.outliers =
      spec.outlierDetection === undefined
        ? null
        : new OutlierDetection(spec.outlierDetection, context.sim, this, n);
    this.inSystem = new TimeWeighted(context.sim);
    this.checkedUp = new Uint8Array(n).fill(1);
    this.ejectedNow = new Uint8Array(n);
    this.actuallyDown = new Uint8Array(n);
    this.requests = new Float64Array(n);
    this.failed = new Float64Array(n);
    this.lastChange = new Float64Array(n);
    this.downWhileUp = new Float64Array(n);
    this.upWhileDown = new Float64Array(n);
    // At time 0 every component of the run exists: look the backends up and start checking.
    context.sim.schedule(0, this, START, null);
  }

  get measuring(): boolean {
    return this.context.flow.measuring;
  }

  arrive(request: Request, call: CompiledStep): void {
    if (!this.resolved) this.resolve();
    const measuring = this.context.flow.measuring;
    if (measuring) this.arrived++;
    const b = this.chooser.choose(this.set, request, this.context.rng);
    if (b < 0) {
      if (measuring) this.rejected++;
      this.context.flow.reject(request);
      return;
    }
    this.set.inFlight[b]!++;
    this.set.totalInFlight++;
    this.inSystem.add(1);
    if (measuring) this.requests[b]!++;
    this.context.flow.forward(request, this, this.set.components[b]!, call, b);
  }

  leave(request: Request, visit: unknown): void {
    const b = visit as number;
    this.set.inFlight[b]!--;
    this.set.totalInFlight--;
    this.inSystem.add(-1);
    const failed = request.rejectedWith !== null;
    if (this.context.flow.measuring) {
      if (failed) this.failed[b]!++;
      else this.served++;
    }
    this.outliers?.record(b, failed);
  }

  onEvent(_kind: number, _payload: unknown): void {
    // START
    if (!this.resolved) this.resolve();
  }

  checked(b: number, up: boolean): void {
    this.account(b);
    this.checkedUp[b] = up ? 1 : 0;
    this.updateHealthy(b);
  }

  ejected(b: number, out: boolean): void {
    this.account(b);
    this.ejectedNow[b] = out ? 1 : 0;
    this.updateHealthy(b);
  }

  outageChanged(b: number, down: boolean): void {
    this.account(b);
    this.actuallyDown[b] = down ? 1 : 0;
  }

  startMeasurement(now: number): void {
    this.measuredFrom = now;
    this.arrived = 0;
    this.rejected = 0;
    this.served = 0;
    this.inSystem.reset(now);
    this.requests.fill(0);
    this.failed.fill(0);
    this.downWhileUp.fill(0);
    this.upWhileDown.fill(0);
    this.panicTime = 0;
    this.outliers?.startMeasurement();
  }

  stats(now: number): BalancerStats {
    const backends: Record<string, BackendStats> = {};
    for (let b = 0; b < this.set.count; b++) {
      this.account(b);
      const name = this.set.names[b]!;
      // A backend listed twice reports once, its figures added up.
      const previous = backends[name];
      backends[name] = {
        requests: this.requests[b]! + (previous?.requests ?? 0),
        failed: this.failed[b]! + (previous?.failed ?? 0),
        ejections: (this.outliers?.ejections[b] ?? 0) + (previous?.ejections ?? 0),
        downWhileUp: round(this.downWhileUp[b]! + (previous?.downWhileUp ?? 0)),
        upWhileDown: round(this.upWhileDown[b]! + (previous?.upWhileDown ?? 0)),
      };
    }
    const panic = this.panicTime + (this.set.panic ? now - Math.max(this.panicSince, this.measuredFrom) : 0);
    return {
      utilization: 0,
      queueLength: { mean: 0, max: 0 },
      inSystem: { mean: round(this.inSystem.mean(now)), max: this.inSystem.max },
      served: this.served,
      rejected: this.rejected,
      requests: this.arrived,
      panic: round(panic),
      backends,
    };
  }

  private resolve(): void {
    this.resolved = true;
    const components = this.spec.backends.map((backend) => {
      const component = this.context.components.get(backend.target);
      if (component === undefined) throw new Error(`balancer ${this.name}: no component ${backend.target}`);
      return component;
    });
    this.set.components = components;
    const outages = components.map((component, b) => {
      const outage = outageOf(component);
      if (outage !== null) {
        this.actuallyDown[b] = outage.down ? 1 : 0;
        outage.listen(new BackendWatch(this, b));
      }
      return outage;
    });
    this.health?.start(outages);
  }

  private updateHealthy(b: number): void {
    const wasPanic = this.set.panic;
    this.set.setHealthy(b, this.checkedUp[b] === 1 && this.ejectedNow[b] === 0);
    if (this.set.panic === wasPanic) return;
    const now = this.context.sim.now;
    if (this.set.panic) this.panicSince = now;
    else this.panicTime += Math.max(0, now - Math.max(this.panicSince, this.measuredFrom));
  }

  /** Adds the time since the backend's last change to the disagreement it was in. */
  private account(b: number): void {
    const now = this.context.sim.now;
    const from = Math.max(this.lastChange[b]!, this.measuredFrom);
    this.lastChange[b] = now;
    if (now <= from) return;
    const used = this.set.healthy[b] === 1;
    const down = this.actuallyDown[b] === 1;
    if (used && down) this.upWhileDown[b]! += now - from;
    else if (!used && !down) this.downWhileUp[b]! += now - from;
  }
}
