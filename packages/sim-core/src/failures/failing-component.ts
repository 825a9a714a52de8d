/**
 * Any component with outages, wrapped: while it is down, a request that reaches it fails as a
 * real one would — refused at once (counted as `reset`: the connection was refused), or hung
 * until its client's timeout (then its work ends; with no timeout it ends, reset, when the
 * component comes back). Requests already inside when it goes down finish. While it is up every
 * call passes straight to the component it wraps.
 *
 * Work that does not come in as a visit (a broker's deliveries to its consumers, a stream's records
 * to its readers) is the wrapped component's to stop: one that is an `OutageListener` is told when
 * it goes down and comes back. Others that find it by name look through the wrapper with
 * `unwrapped` (its type, its methods) and at it with `outageOf` (whether it is down).
 */
import type { Component, ComponentContext } from "../component/component";
import type { EventHandler } from "../kernel/event-handler";
import { round } from "../run/round";
import type { CompiledStep } from "../workload/compiled-step";
import { STEP_CALL } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { OutageListener, OutageState } from "./outage-state";

/** What a component with outages adds to its figures. */
export interface OutageStats {
  /** Seconds it was down in the measured part. */
  downtime: number;
  /** Requests that reached it while down (refused or hung). */
  failed: number;
}

/** The visit a refused frame keeps: the wrapped component never saw the request, so is not told it left. */
const REFUSED_VISIT = { refused: true };
const HUNG_OVER = 0;

export class FailingComponent<Stats extends object>
  implements Component<Stats & { outages: OutageStats }>, EventHandler, OutageListener
{
  readonly name: string;
  readonly routesCalls: boolean;
  readonly hosts: number;
  /** Hung requests whose clients set no timeout, released when the component comes back. */
  private readonly hung: Request[] = [];
  private failed = 0;

  constructor(
    readonly inner: Component<Stats>,
    readonly outage: OutageState,
    private readonly context: ComponentContext,
  ) {
    this.name = inner.name;
    this.routesCalls = inner.routesCalls;
    this.hosts = inner.hosts;
    outage.listen(this);
    if (isOutageListener(inner)) outage.listen(inner);
  }

  arrive(request: Request, step: CompiledStep): void {
    // A step inside a frame that began while up belongs to a request already inside.
    if (this.outage.down && (this.routesCalls || step.kind === STEP_CALL)) this.fail(request);
    else this.inner.arrive(request, step);
  }

  begin(request: Request): void {
    if (this.outage.down) {
      request.visit = REFUSED_VISIT;
      this.fail(request);
    } else if (this.inner.begin !== undefined) this.inner.begin(request);
    else this.context.flow.done(request);
  }

  leave(request: Request, visit: unknown): void {
    if (visit !== REFUSED_VISIT) this.inner.leave?.(request, visit);
  }

  onOutageChange(down: boolean): void {
    if (down) return;
    for (const request of this.hung) this.context.flow.reject(request, "reset");
    this.hung.length = 0;
  }

  onEvent(_kind: number, payload: unknown): void {
    // HUNG_OVER: the client has given up on a hung request; its work ends.
    this.context.flow.reject(payload as Request, "timeout");
  }

  startMeasurement(now: number): void {
    this.failed = 0;
    this.outage.startMeasurement(now);
    this.inner.startMeasurement(now);
  }

  stats(now: number): Stats & { outages: OutageStats } {
    return {
      ...this.inner.stats(now),
      outages: { downtime: round(this.outage.downtimeUntil(now)), failed: this.failed },
    };
  }

  private fail(request: Request): void {
    if (this.context.flow.measuring) this.failed++;
    if (this.outage.mode === "refuse") {
      this.context.flow.reject(request, "reset");
      return;
    }
    if (request.deadline === Number.POSITIVE_INFINITY) this.hung.push(request);
    else
      this.context.sim.scheduleAt(Math.max(request.deadline, this.context.sim.now), this, HUNG_OVER, request);
  }
}

/** The outages of a component, or null when it has none (a health check asks this). */
export function outageOf(component: Component | undefined): OutageState | null {
  return component instanceof FailingComponent ? component.outage : null;
}

/** The component a name stands for, under the outages wrapper if it has one (its kind, its methods). */
export function unwrapped(component: Component): Component;
export function unwrapped(component: Component | null | undefined): Component | null | undefined;
export function unwrapped(component: Component | null | undefined): Component | null | undefined {
  return component instanceof FailingComponent ? component.inner : component;
}

/** Whether `step` calls `component` (through its outages wrapper or not) with steps of its own to run there. */
export function callsWithSteps(
  step: CompiledStep,
  component: Component,
): step is CompiledStep & { steps: CompiledStep[] } {
  return step.steps !== null && step.target !== null && unwrapped(step.target) === component;
}

function isOutageListener(component: Component): component is Component & OutageListener {
  return typeof (component as Partial<OutageListener>).onOutageChange === "function";
}
