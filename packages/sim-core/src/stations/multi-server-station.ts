/**
 * A station with c identical servers and a waiting line whose discipline (FCFS, LIFO,
 * priority) decides who is served next. Service is non-preemptive.
 */
import type { ComponentContext } from "../run/component";
import type { Request } from "../workload/request";
import type { WaitingLine } from "./lines/waiting-line";
import { QueueingStation } from "./queueing-station";

const SERVICE_DONE = 0;

export class MultiServerStation extends QueueingStation {
  private readonly line: WaitingLine;

  constructor(
    name: string,
    context: ComponentContext,
    servers: number,
    capacity: number | undefined,
    line: WaitingLine,
  ) {
    super(name, context, servers, capacity);
    this.line = line;
  }

  protected admit(request: Request): void {
    if (this.busy.value < this.servers) {
      this.busy.add(1);
      this.sim.schedule(request.work, this, SERVICE_DONE, request);
    } else {
      this.startWaiting(request);
      this.line.push(request);
    }
  }

  onEvent(_kind: number, payload: unknown): void {
    const request = payload as Request;
    if (this.line.size > 0) {
      // The freed server takes the next request at once; the busy count is unchanged.
      const next = this.line.pop();
      this.stopWaiting(next);
      this.sim.schedule(next.work, this, SERVICE_DONE, next);
    } else {
      this.busy.add(-1);
    }
    this.depart(request);
  }
}
