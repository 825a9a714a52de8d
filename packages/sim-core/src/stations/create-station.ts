/** Builds a station component for its discipline. */
import type { Component, ComponentContext } from "../run/component";
import type { StationComponent } from "../scenario/model";
import { FifoLine } from "./lines/fifo-line";
import { LifoLine } from "./lines/lifo-line";
import { PriorityLine } from "./lines/priority-line";
import { MultiServerStation } from "./multi-server-station";
import { ProcessorSharingStation } from "./processor-sharing-station";

export function createStation(name: string, spec: StationComponent, context: ComponentContext): Component {
  const servers = spec.servers ?? 1;
  switch (spec.discipline ?? "fcfs") {
    case "fcfs":
      return new MultiServerStation(name, context, servers, spec.capacity, new FifoLine());
    case "lifo":
      return new MultiServerStation(name, context, servers, spec.capacity, new LifoLine());
    case "priority":
      return new MultiServerStation(name, context, servers, spec.capacity, new PriorityLine());
    case "ps":
      return new ProcessorSharingStation(name, context, servers, spec.capacity);
  }
}
