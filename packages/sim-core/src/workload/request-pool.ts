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
    request.host = null; // drop references to components and steps until reused
    this.live--;
    this.free.push(request);
  }
}
