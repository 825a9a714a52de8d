/** Where arrival processes and clients send new requests: the engine's request flow. */
export interface ArrivalSink {
  /** A client sends a new request now; `user` is the closed-workload user, or −1. */
  inject(user: number): void;
}
