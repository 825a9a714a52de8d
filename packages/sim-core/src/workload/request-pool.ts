/** A free list of Request objects, so memory follows the number in flight, not the number simulated. */
import { Request } from "./request";

export class RequestPool {
  private readonly free: Request[] = [];
  /** Requests handed out and not yet released: what the run's memory grows with. */
  live = 0;

  acquire(): Request {
    const request = this.free.pop() ?? new Request();
    request.reset();
    this.live++;
    return request;
  }

  release(request: Request): void {
    // Drop references to components, visits and parents until reused.
    request.host = null;
    request.visit = null;
    request.parent = null;
    request.watcher = null;
    this.live--;
    this.free.push(request);
  }
}
