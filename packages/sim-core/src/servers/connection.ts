/**
 * One request's visit to a server: its TCP connection from the handshake to the end of the
 * frame, and what it holds meanwhile (a thread, or a place in a worker's event loop). It is
 * the server's per-visit state, kept in `request.visit` while the frame is current.
 */
import type { CompiledStep } from "../workload/compiled-step";
import type { Request } from "../workload/request";
import type { EventLoop } from "./event-loop";
import type { ServerThread } from "./server-thread";

export class Connection {
  /** SYN-ACK retransmissions so far (the accept queue was full). */
  synRetries = 0;
  thread: ServerThread | null = null;
  loop: EventLoop | null = null;
  /** The CPU step waiting on the loop's ready queue (non-blocking architectures). */
  step: CompiledStep | null = null;
  /** Turned away before it was accepted: the frame's end frees nothing. */
  refused = false;

  constructor(readonly request: Request) {}
}
