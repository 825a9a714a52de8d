/**
 * The scenario (version 1) as users write it, validated and normalized into the Scenario the
 * engine runs (model.ts), for a list of component kinds. Cross-references (entry, calls) are
 * checked apart, in references.ts.
 */
import { z } from "zod";
import type { AnyComponentKind } from "../component/component-kind";
import { componentSchemaOf } from "./component-schema";
import type { Scenario } from "./model";
import { problemText } from "./problem-text";
import { runSchema } from "./run";
import { showValue } from "./show-value";
import { workloadSchema } from "./workload";

// Seeds are 32-bit: the PRNG takes 32 bits of seed, so larger ones would collide silently.
const MAX_SEED = 2 ** 32 - 1;

export function scenarioSchemaOf(kinds: readonly AnyComponentKind[]) {
  return z
    .strictObject({
      $schema: z.string().optional().describe("Optional: the URL of this JSON Schema, for editors. Ignored."),
      version: z
        .literal(1, { error: (issue) => problemText("scenario.version", { got: showValue(issue.input) }) })
        .describe("The scenario format's version: always 1."),
      name: z.string().optional().describe("A title for the scenario, repeated in the result."),
      description: z
        .string()
        .optional()
        .describe("What the scenario shows, for people reading it. Does not change the run (nor its hash)."),
      seed: z
        .int()
        .min(0)
        .max(MAX_SEED)
        .default(1)
        .describe(
          "Seed of the random number generator, a whole number from 0 to 4294967295. The same scenario with the same seed gives the same result. Default 1.",
        ),
      run: runSchema,
      workload: workloadSchema,
      entry: z
        .string()
        .min(1)
        .describe("Name of the component every request arrives at (a key of `components`)."),
      components: z
        .record(z.string().min(1), componentSchemaOf(kinds))
        .describe(
          "The components of the system, by name; requests reach them by `entry` and by `call` steps.",
        ),
    })
    .transform((s): Scenario => {
      const scenario: Scenario = {
        version: 1,
        seed: s.seed,
        run: s.run,
        workload: s.workload,
        entry: s.entry,
        // The union of the kinds given: the default kinds make exactly Scenario["components"].
        components: s.components as unknown as Scenario["components"],
      };
      if (s.name !== undefined) scenario.name = s.name;
      return scenario;
    })
    .meta({
      title: "syslab scenario (version 1)",
      description:
        "A system to simulate: the workload sent to it, the components that serve it, and how long to run. Durations are seconds or strings with a unit; distributions are a duration (constant) or an object naming the distribution.",
    });
}
