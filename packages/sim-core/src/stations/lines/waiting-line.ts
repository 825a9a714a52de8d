/** The decision a queue discipline makes: which waiting request is served next. */
import type { Request } from "../../workload/request";

export interface WaitingLine {
  readonly size: number;
  push(request: Request): void;
  /** Removes and returns the next request to serve; only called when size > 0. */
  pop(): Request;
}
