/**
 * One request in flight. Request objects are pooled (workload/request-pool.ts) and reused,
 * so every field is initialised in the constructor and reset on reuse: one stable shape,
 * no allocation per request once the pool has grown to the peak number in flight.
 */
import type { Component } from "../run/component";
import type { CompiledStep } from "./compiled-step";

const NO_STEPS: CompiledStep[] = [];

export class Request {
  /** Arrival sequence number (0, 1, 2, …), for stable tie-breaking. */
  id = 0;
  /** Index of its request class in the scenario. */
  classIndex = 0;
  /** Under the "priority" discipline, higher is served first. */
  priority = 0;
  /** Simulated time at which the client sent it. */
  arrivalTime = 0;
  /** Counted in a run measured by request count (one of the N measured arrivals). */
  measured = false;
  /** The closed-workload user who sent it, or −1 for open arrivals. */
  user = -1;

  /** The steps being run and the index of the next one. */
  steps: CompiledStep[] = NO_STEPS;
  stepIndex = 0;
  /** The component that serves `service` and `cpu` steps of the current frame. */
  host: Component | null = null;
  /** Saved frames of callers while a `call` runs its own steps at a server (a stack, reused). */
  depth = 0;
  readonly savedSteps: CompiledStep[][] = [];
  readonly savedIndex: number[] = [];
  readonly savedHost: (Component | null)[] = [];

  /** Work (seconds of service) for the current visit; a station sets it on arrival. */
  work = 0;
  /** When it joined the current waiting line. */
  enqueuedAt = 0;
  /** Total time spent waiting in lines before service, over all visits. */
  wait = 0;
  /** Whether it ever had to wait. */
  waited = false;
  /** Scratch fields a station may use while the request is inside it (line order, PS finish tag). */
  lineSeq = 0;
  tag = 0;

  /** Its timeout event is still in the calendar (the object must not be reused before it fires). */
  timeoutPending = false;
  /** The client has stopped waiting: completed, failed or timed out. */
  clientDone = false;
  /** Its work has ended (finished, rejected, or unwound after a timeout). */
  workDone = false;
  /** Its class timeout expired before it completed (its work may go on: wasted work). */
  timedOut = false;

  /** Prepares a pooled object for a new request. */
  reset(): void {
    this.steps = NO_STEPS;
    this.stepIndex = 0;
    this.host = null;
    this.depth = 0;
    this.work = 0;
    this.enqueuedAt = 0;
    this.wait = 0;
    this.waited = false;
    this.lineSeq = 0;
    this.tag = 0;
    this.timeoutPending = false;
    this.clientDone = false;
    this.workDone = false;
    this.timedOut = false;
    this.measured = false;
    this.user = -1;
  }
}
