/** Where arrival processes and clients send new requests: the engine's request flow. */
export interface ArrivalSink {
  /**
   * A client sends a new request now; `user` is the closed-workload user, or −1. A trace may
   * give the request's class (an index) and key; −1 (or absent) draws them as usual.
   */
  inject(user: number, classIndex?: number, key?: number): void;
}
