// A traced request as a run's result holds it (result.trace.requests; sim-core's RequestTrace), for
// the figures drawn from traces: the waterfall and the topology animation.

/** One visit, as a trace records it (sim-core's TraceSpan): times in seconds. */
export interface TracedSpan {
  component: string;
  start: number;
  end: number;
  queued: number;
  depth: number;
}

/** A request's life from arrival to its answer, and its visits. */
export interface TracedRequest {
  id: number;
  class: string;
  start: number;
  end: number;
  outcome: string;
  spans: readonly TracedSpan[];
}
