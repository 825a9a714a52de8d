/**
 * What the search has found so far: final outcomes with their counts, and violations, each kept
 * with the best schedule that shows it (fewest preemptions, then fewest events). Schedules are
 * kept as lists of actors and turned into readable traces only for the result.
 */
import type { ViolationKind } from "./explorer-result";

export interface FoundOutcome {
  shared: number[];
  count: number;
  schedule: number[];
  preemptions: number;
}

export interface FoundViolation {
  kind: ViolationKind;
  message: string;
  preemptions: number;
  schedule: number[];
  threads?: string[];
  cycle?: string[];
  variable?: string;
  lostWakeup?: boolean;
  cycleStart?: number;
}

export class Findings {
  readonly outcomes = new Map<string, FoundOutcome>();
  readonly violations = new Map<string, FoundViolation>();

  /** Counts an outcome; `schedule` is called only when this schedule is the best yet. */
  outcome(
    memory: Int32Array,
    variables: number,
    preemptions: number,
    length: number,
    schedule: () => number[],
  ): void {
    let key = "";
    for (let i = 0; i < variables; i++) key += `${memory[i]},`;
    const known = this.outcomes.get(key);
    if (known === undefined) {
      this.outcomes.set(key, {
        shared: Array.from(memory.subarray(0, variables)),
        count: 1,
        schedule: schedule(),
        preemptions,
      });
      return;
    }
    known.count++;
    if (better(preemptions, length, known.preemptions, known.schedule.length)) {
      known.schedule = schedule();
      known.preemptions = preemptions;
    }
  }

  /** Whether a violation under this key with this many preemptions and events would be kept. */
  wants(key: string, preemptions: number, length: number): boolean {
    const known = this.violations.get(key);
    return known === undefined || better(preemptions, length, known.preemptions, known.schedule.length);
  }

  violation(key: string, found: FoundViolation): void {
    if (this.wants(key, found.preemptions, found.schedule.length)) this.violations.set(key, found);
  }

  clearOutcomes(): void {
    this.outcomes.clear();
  }
}

function better(p: number, n: number, bestP: number, bestN: number): boolean {
  return p < bestP || (p === bestP && n < bestN);
}
