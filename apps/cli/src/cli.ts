/**
 * The command line's work, apart from the process: reads the scenario, runs it (or a sweep) and
 * writes the summary or JSON. Returns the exit status: 0 done, 1 the run failed, 2 the input
 * (scenario, file or arguments) is wrong. Errors are sentences, never stack traces.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import {
  type ComparisonResult,
  catalogueError,
  chromeTrace,
  compare,
  compareWith,
  type DocumentOutput,
  isReplicated,
  parseDocument,
  type RunOptions,
  runDocument,
  runReplicationsWith,
  SyslabError,
  sweep,
} from "@syslab/sim-core";
import { type CliArgs, parseCliArgs, USAGE } from "./args";
import { formatComparison } from "./comparison-summary";
import { formatProgramSummary } from "./program-summary";
import { type ProgressTerminal, progressBar } from "./progress-bar";
import { readScenarioFile } from "./read-scenario";
import { ReplicationThreads } from "./replications/replication-threads";
import { formatSummary } from "./summary";
import { formatSweepTable } from "./sweep-table";

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where a run's progress bar goes (stderr); drawn only when it is a terminal and not with --json. */
  progress?: ProgressTerminal;
}

// Codes of errors in what the user gave (exit 2); any other SyslabError is a failed run (exit 1).
const INPUT_ERRORS = ["scenario.", "document.", "input.", "sweep."];

export async function cli(argv: string[], io: Output): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.out(`${USAGE}\n`);
      return 0;
    }
    const file = args.file!;
    const input = withSeed(readScenarioFile(file), args.seed);
    if (args.compare !== undefined) {
      const other = withSeed(readScenarioFile(args.compare), args.seed);
      const result = await comparison(input, other, args);
      io.out(
        args.json ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result, file, args.compare),
      );
    } else if (args.sweep !== undefined) {
      const result = sweep(input, args.sweep.path, args.sweep.values);
      io.out(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatSweepTable(result));
    } else {
      const parsed = parseDocument(input);
      if (!parsed.ok)
        throw catalogueError("scenario.invalid", { count: parsed.problems.length }, parsed.problems);
      const bar = args.json ? undefined : progressBar(io.progress);
      let ran: DocumentOutput;
      try {
        ran = await run(parsed.document, args, bar?.onProgress);
      } finally {
        bar?.done();
      }
      if (args.json) io.out(`${JSON.stringify(ran.output, null, 2)}\n`);
      else if (ran.kind === "program") io.out(formatProgramSummary(ran.output, file));
      else if (ran.kind === "comparison") io.out(formatComparison(ran.output, "a", "b"));
      else io.out(formatSummary(ran.output, file));
    }
    return 0;
  } catch (error) {
    return report(error, io);
  }
}

/** Runs on this thread with traces on, and writes them to `file` in the Chrome Trace Event format. */
function traced(document: Parameters<typeof runDocument>[0], file: string): DocumentOutput {
  if (document.kind !== "scenario") {
    throw catalogueError("input.arguments", { detail: "--trace records a scenario's requests." });
  }
  const trace = document.value.run.trace ?? { sample: 1, max: 1000 };
  const ran = runDocument(document, { trace });
  if (ran.kind === "scenario" && ran.output.trace !== undefined) {
    try {
      writeFileSync(file, `${JSON.stringify(chromeTrace(ran.output.trace))}\n`);
    } catch (error) {
      throw catalogueError("input.arguments", {
        detail: `Cannot write the trace to ${file}: ${(error as Error).message}.`,
      });
    }
  }
  return ran;
}

/** `--seed` replaces the scenario's seed (a comparison's on both sides; a program's search seed, for random and PCT search). */
function withSeed(input: unknown, seed: number | undefined): unknown {
  if (seed !== undefined && input !== null && typeof input === "object" && !Array.isArray(input)) {
    const document = input as Record<string, unknown>;
    if (document.kind === "program") document.search = { ...(document.search as object), seed };
    else document.seed = seed;
  }
  return input;
}

/** Both sides' replications, on worker threads unless one thread is asked for. */
async function comparison(a: unknown, b: unknown, args: CliArgs): Promise<ComparisonResult> {
  const threads = args.threads ?? availableParallelism();
  if (threads <= 1) return compare(a, b);
  const pool = new ReplicationThreads();
  try {
    return await compareWith(a, b, pool.run, threads);
  } finally {
    await pool.close();
  }
}

/** Runs the document; a scenario's replications spread over worker threads (`--threads`, default: one per core). Progress is reported for single runs. */
async function run(
  document: Parameters<typeof runDocument>[0],
  args: CliArgs,
  onProgress?: RunOptions["onProgress"],
): Promise<DocumentOutput> {
  if (args.trace !== undefined) return traced(document, args.trace);
  const options = onProgress === undefined ? undefined : { onProgress };
  if (document.kind !== "scenario" || !isReplicated(document.value)) return runDocument(document, options);
  const threads = args.threads ?? availableParallelism();
  if (threads <= 1) return runDocument(document, options);
  const pool = new ReplicationThreads();
  try {
    return { kind: "scenario", output: await runReplicationsWith(document.value, pool.run, threads) };
  } finally {
    await pool.close();
  }
}

function report(error: unknown, io: Output): number {
  if (error instanceof SyslabError) {
    if (error.problems.length > 0) {
      for (const problem of error.problems) io.err(`${problem.path || "(root)"}: ${problem.message}\n`);
    } else {
      io.err(`${error.message}\n${error.hint}\n`);
    }
    return INPUT_ERRORS.some((prefix) => error.code.startsWith(prefix)) ? 2 : 1;
  }
  // Not a user's mistake: say so plainly, without a stack trace.
  io.err(`syslab failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
