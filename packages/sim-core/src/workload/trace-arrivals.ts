/**
 * Arrivals replayed from a trace: one request at each listed time, in order, with the class and
 * key the trace gives (else drawn as for any arrival). One event is pending at a time; nothing is
 * drawn here, so a trace gives two configurations the very same arrivals.
 */
import type { EventHandler } from "../kernel/event-handler";
import type { Simulation } from "../kernel/simulation";
import type { TracedArrival } from "../scenario/model";
import type { ArrivalSink } from "./arrival-sink";

export class TraceArrivals implements EventHandler {
  private readonly sim: Simulation;
  private readonly sink: ArrivalSink;
  private readonly times: Float64Array;
  /** Per arrival, its class's index, or −1 to draw one. */
  private readonly classes: Int32Array;
  /** Per arrival, its key, or −1 to draw one. */
  private readonly keys: Float64Array;
  private next = 0;

  constructor(
    sim: Simulation,
    sink: ArrivalSink,
    arrivals: readonly TracedArrival[],
    classNames: readonly string[],
  ) {
    this.sim = sim;
    this.sink = sink;
    this.times = Float64Array.from(arrivals, (a) => a.at);
    this.classes = Int32Array.from(arrivals, (a) =>
      a.class === undefined ? -1 : classNames.indexOf(a.class),
    );
    this.keys = Float64Array.from(arrivals, (a) => a.key ?? -1);
  }

  start(): void {
    if (this.times.length > 0) this.sim.scheduleAt(this.times[0]!, this, 0, null);
  }

  onEvent(_kind: number, _payload: unknown): void {
    const i = this.next++;
    if (this.next < this.times.length) this.sim.scheduleAt(this.times[this.next]!, this, 0, null);
    this.sink.inject(-1, this.classes[i]!, this.keys[i]!);
  }
}
