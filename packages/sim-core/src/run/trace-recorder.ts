/**
 * Per-request traces: for a sample of the measured requests clients send, every visit to a
 * component (from the moment the component takes the request until it lets it go, with the time it
 * spent queued there) and the request's life from arrival to its answer or failure. Sampling is a
 * Bernoulli draw per request followed by a reservoir (Vitter's algorithm R) over the finished
 * traces, so memory stays flat however long the run. Its draws come from a stream of its own, and
 * it only observes: a traced run's statistics are the untraced run's.
 */
import type { Component } from "../component/component";
import type { Rng } from "../random/rng";
import type { RequestTrace, TraceSpan, TraceSummary } from "../result/model";
import type { TraceSpec } from "../scenario/model";
import type { Request } from "../workload/request";
import { breakdownBands } from "./breakdown-bands";
import { latencyBreakdown } from "./latency-breakdown";
import { round } from "./round";

/** A trace as recorded; its breakdown is worked out once the run is over, from the rounded times. */
type RecordedTrace = Omit<RequestTrace, "breakdown">;

/** A trace being recorded: the finished spans and the visits still open (a stack, as frames nest). */
interface OpenTrace {
  trace: RecordedTrace;
  open: { component: string; start: number; wait: number; depth: number }[];
  /** The client has its answer; the work may go on (a timed-out request's, say). */
  done: boolean;
  /** When, and with how much wait behind it, the request reached a component that routes calls. */
  arrivedAt: number;
  arrivedWait: number;
}

export class TraceRecorder {
  private readonly spec: TraceSpec;
  private readonly rng: Rng;
  private readonly classNames: readonly string[];
  /** Each component's type, which tells a pool's queued time from any other line's. */
  private readonly types: ReadonlyMap<string, string>;
  private readonly live = new Map<Request, OpenTrace>();
  private readonly kept: RecordedTrace[] = [];
  /** Traces finished so far (kept or not), for the reservoir. */
  private finished = 0;
  private sampled = 0;

  constructor(spec: TraceSpec, rng: Rng, classNames: readonly string[], types: ReadonlyMap<string, string>) {
    this.spec = spec;
    this.rng = rng;
    this.classNames = classNames;
    this.types = types;
  }

  /** A measured request a client sent: traced with probability `sample`. */
  admit(request: Request, now: number): void {
    if (this.spec.sample < 1 && this.rng.nextDouble() >= this.spec.sample) return;
    this.sampled++;
    this.live.set(request, {
      trace: {
        id: request.id,
        class: this.classNames[request.classIndex]!,
        start: now,
        end: now,
        outcome: "completed",
        spans: [],
      },
      open: [],
      done: false,
      arrivedAt: Number.NaN,
      arrivedWait: 0,
    });
  }

  /** The request reaches a component that routes calls (a pool, a balancer): its visit starts here if it is passed on. */
  arrive(request: Request, now: number): void {
    const open = this.live.get(request);
    if (open === undefined) return;
    open.arrivedAt = now;
    open.arrivedWait = request.wait;
  }

  /** The request is now at `component` (a frame begins there). */
  enter(request: Request, component: Component, now: number): void {
    const open = this.live.get(request);
    if (open === undefined) return;
    // A routing component's visit began when the request reached it: a pool's wait for a connection is in it.
    const arrived = component.routesCalls && !Number.isNaN(open.arrivedAt);
    open.open.push({
      component: component.name,
      start: arrived ? open.arrivedAt : now,
      wait: arrived ? open.arrivedWait : request.wait,
      depth: open.open.length,
    });
    open.arrivedAt = Number.NaN;
  }

  /** The request's innermost visit ends. */
  leave(request: Request, now: number): void {
    const open = this.live.get(request);
    const visit = open?.open.pop();
    if (visit === undefined) return;
    const span: TraceSpan = {
      component: visit.component,
      start: visit.start,
      end: now,
      queued: request.wait - visit.wait,
      depth: visit.depth,
    };
    open!.trace.spans.push(span);
  }

  /** The client has its answer (or gave up): the request's own span ends. */
  finish(request: Request, now: number, outcome: RequestTrace["outcome"]): void {
    const open = this.live.get(request);
    if (open === undefined || open.done) return;
    open.trace.end = now;
    open.trace.outcome = outcome;
    open.done = true;
  }

  /** The request's work is over: its trace is complete and enters the reservoir. */
  close(request: Request): void {
    const open = this.live.get(request);
    if (open === undefined) return;
    this.live.delete(request);
    const index = this.finished++;
    if (index < this.spec.max) this.kept.push(open.trace);
    else {
      const slot = Math.floor(this.rng.nextDouble() * (index + 1));
      if (slot < this.spec.max) this.kept[slot] = open.trace;
    }
  }

  result(): TraceSummary {
    const requests = [...this.kept]
      .sort((a, b) => a.id - b.id)
      .map((trace): RequestTrace => {
        const rounded = {
          ...trace,
          start: round(trace.start),
          end: round(trace.end),
          spans: trace.spans.map((span) => ({
            ...span,
            start: round(span.start),
            end: round(span.end),
            queued: round(span.queued),
          })),
        };
        return { ...rounded, breakdown: latencyBreakdown(rounded, this.types) };
      });
    return {
      sample: this.spec.sample,
      max: this.spec.max,
      sampled: this.sampled,
      requests,
      breakdown: breakdownBands(requests),
    };
  }
}
