/** A free list of Request objects, so memory follows the number in flight, not the number simulated. */
import { Request } from "./request";

export class RequestPool {
  private readonly free: Request[] = [];

  acquire(): Request {
    const request = this.free.pop() ?? new Request();
    request.reset();
    return request;
  }

  release(request: Request): void {
    request.host = null; // drop references to components and steps until reused
    this.free.push(request);
  }
}
