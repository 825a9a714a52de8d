/** Last come, first served (non-preemptive): a stack. */
import type { Request } from "../../workload/request";
import type { WaitingLine } from "./waiting-line";

export class LifoLine implements WaitingLine {
  size = 0;
  private readonly items: (Request | null)[] = [];

  push(request: Request): void {
    this.items[this.size++] = request;
  }

  pop(): Request {
    const request = this.items[--this.size]!;
    this.items[this.size] = null;
    return request;
  }
}
