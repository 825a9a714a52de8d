/** A non-blocking worker's event loop: connections whose next step needs the CPU, and its idle threads. */
import { RingBuffer } from "../queues/ring-buffer";
import type { Connection } from "./connection";
import type { ServerThread } from "./server-thread";

export class EventLoop {
  readonly ready = new RingBuffer<Connection>();
  readonly idle: ServerThread[] = [];
  /** Connections open on this loop. */
  connections = 0;

  constructor(readonly maxConnections: number) {}

  get hasRoom(): boolean {
    return this.connections < this.maxConnections;
  }
}
