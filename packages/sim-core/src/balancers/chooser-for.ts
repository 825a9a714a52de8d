/** The chooser for a balancer's algorithm: one file per algorithm, picked here by name. */
import type { BalancerComponent } from "./balancer-schema";
import type { Chooser } from "./chooser";
import { ConsistentHash } from "./consistent-hash";
import { ModuloHash } from "./hash";
import { LeastConnections } from "./least-connections";
import { PowerOfChoices } from "./power-of-two";
import { RandomChoice } from "./random";
import { RoundRobin } from "./round-robin";
import { WeightedRoundRobin } from "./weighted-round-robin";

export function chooserFor(spec: BalancerComponent): Chooser {
  switch (spec.algorithm) {
    case "round-robin":
      return new RoundRobin();
    case "weighted-round-robin":
      return new WeightedRoundRobin();
    case "random":
      return new RandomChoice();
    case "least-connections":
      return new LeastConnections();
    case "power-of-two":
      return new PowerOfChoices(spec.choices);
    case "hash":
      return new ModuloHash();
    case "consistent-hash":
      return new ConsistentHash(
        spec.backends.map((b) => b.target),
        spec.backends.map((b) => b.weight),
        spec.virtualNodes,
        spec.boundedLoad ?? Number.POSITIVE_INFINITY,
      );
  }
}
