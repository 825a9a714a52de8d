/**
 * A station with c identical servers and a waiting line whose discipline (FCFS, LIFO, priority,
 * deadline) decides who is served next. Service is non-preemptive.
 */
import type { ComponentContext } from "../component/component";
import type { Discipline } from "../queues/disciplines/discipline";
import { WaitingLine } from "../queues/waiting-line";
import type { TimeWeighted } from "../stats/time-weighted";
import type { Request } from "../workload/request";
import { QueueingStation } from "./queueing-station";

const SERVICE_DONE = 0;

export class MultiServerStation extends QueueingStation {
  private readonly line: WaitingLine;

  constructor(
    name: string,
    context: ComponentContext,
    servers: number,
    capacity: number | undefined,
    discipline: Discipline,
  ) {
    super(name, context, servers, capacity);
    // The station's capacity counts those in service too, so it is checked before the line.
    this.line = new WaitingLine(context.sim, discipline, context.flow);
  }

  protected get waiting(): TimeWeighted {
    return this.line.length;
  }

  protected admit(request: Request): void {
    if (this.busy.value < this.servers) {
      this.busy.add(1);
      this.sim.schedule(request.work, this, SERVICE_DONE, request);
    } else {
      this.line.join(request);
    }
  }

  onEvent(_kind: number, payload: unknown): void {
    const request = payload as Request;
    const next = this.line.take();
    // The freed server takes the next request at once; the busy count is unchanged.
    if (next !== null) this.sim.schedule(next.work, this, SERVICE_DONE, next);
    else this.busy.add(-1);
    this.depart(request);
  }

  override startMeasurement(now: number): void {
    super.startMeasurement(now);
    this.line.startMeasurement(now);
  }
}
