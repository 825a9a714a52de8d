/**
 * A closed workload: N users, each thinking for a random time, sending one request, and
 * waiting for it to complete, fail or time out before thinking again.
 */
import { compile } from "../distributions/compile";
import type { Sampler } from "../distributions/sampler";
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { Rng } from "../random/rng";
import type { ClosedClients as ClosedClientsSpec } from "../scenario/model";
import type { ArrivalSink } from "./arrival-sink";

export class ClosedClients implements EventHandler {
  private readonly sim: Simulation;
  private readonly rng: Rng;
  private readonly sink: ArrivalSink;
  private readonly users: number;
  private readonly think: Sampler;

  constructor(sim: Simulation, rng: Rng, sink: ArrivalSink, spec: ClosedClientsSpec) {
    this.sim = sim;
    this.rng = rng;
    this.sink = sink;
    this.users = spec.users;
    this.think = compile(spec.think);
  }

  start(): void {
    for (let user = 0; user < this.users; user++) this.thinkThenSend(user);
  }

  /** The user's request is over (from the user's point of view): think, then send another. */
  thinkThenSend(user: number): void {
    // The event kind carries the user number: no payload object per think.
    this.sim.schedule(this.think.sample(this.rng), this, user, null);
  }

  onEvent(user: number, _payload: unknown): void {
    this.sink.inject(user);
  }
}
