/** The command line's arguments: a scenario file and the options that change what is run or printed. */
import { parseArgs } from "node:util";
import { catalogueError, type SweepValue } from "@syslab/sim-core";

export interface CliArgs {
  help: boolean;
  file?: string;
  json: boolean;
  seed?: number;
  sweep?: { path: string; values: SweepValue[] };
  /** A second scenario to compare the first with, paired on common random numbers. */
  compare?: string;
  /** Write the run's per-request traces here, as Chrome Trace Event JSON. */
  trace?: string;
  /** Worker threads for replications (default: one per core). */
  threads?: number;
}

export const USAGE = `Usage: npm run --silent sim -- <scenario.json> [options]

Runs a syslab scenario and prints a summary of the result.

Options:
  --json                 print the result as JSON (exactly the result, nothing else)
  --seed <n>             run with this seed instead of the scenario's (a whole number)
  --sweep <path>=<v1,v2,…>
                         run once per value of one field and print a table, e.g.
                         --sweep components.web.servers=1,2,4,8
  --compare <b.json>     compare the scenario (a) with b: both run the same paired
                         replications on common random numbers; prints b − a with
                         95% intervals (with --json: { "a", "b", "difference" })
  --trace <out.json>     record per-request traces (the scenario's run.trace, or every
                         request up to 1000) and write them as Chrome Trace Event JSON,
                         which ui.perfetto.dev opens; the statistics do not change
  --threads <n>          run a scenario's replications on n worker threads (default:
                         one per core; the result is the same for any n)
  --help                 show this help

Exit status: 0 on success, 1 when a run fails (e.g. it reaches a limit),
2 for an invalid scenario, an unreadable file or bad arguments.`;

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw usage(nodeArgumentError(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, json: false };
  if (positionals.length === 0)
    throw usage("Name a scenario file, e.g. npm run --silent sim -- examples/mm1.json");
  if (positionals.length > 1)
    throw usage(`Give one scenario file; got ${positionals.length}: ${positionals.join(", ")}`);
  const args: CliArgs = { help: false, file: positionals[0]!, json: values.json ?? false };
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || seed > 2 ** 32 - 1) {
      throw usage(`--seed takes a whole number from 0 to 4294967295; got "${values.seed}"`);
    }
    args.seed = seed;
  }
  if (values.sweep !== undefined) args.sweep = parseSweep(values.sweep);
  if (values.compare !== undefined) {
    if (values.sweep !== undefined) throw usage("Give --compare or --sweep, not both");
    args.compare = values.compare;
  }
  if (values.trace !== undefined) {
    if (values.compare !== undefined || values.sweep !== undefined)
      throw usage("--trace records one run's requests: give it without --compare or --sweep");
    args.trace = values.trace;
  }
  if (values.threads !== undefined) {
    if (!/^\d+$/.test(values.threads) || Number(values.threads) < 1 || Number(values.threads) > 256) {
      throw usage(`--threads takes a whole number from 1 to 256; got "${values.threads}"`);
    }
    args.threads = Number(values.threads);
  }
  return args;
}

/** Arguments that cannot be understood: the message says what to write instead. */
function usage(detail: string) {
  return catalogueError("input.arguments", { detail: detail.endsWith(".") ? detail : `${detail}.` });
}

// Node's own wording for an unknown option goes on to explain `--`; the option's name is what helps.
function nodeArgumentError(error: Error & { code?: string }): string {
  const option = /'([^']+)'/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined)
    return `Unknown option ${option}`;
  return error.message;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      json: { type: "boolean" },
      seed: { type: "string" },
      sweep: { type: "string" },
      threads: { type: "string" },
      compare: { type: "string" },
      trace: { type: "string" },
    },
  });
}

/** `path=1,2,4` → the path and its values; numbers and true/false keep their type, anything else ("5ms") stays a string. */
function parseSweep(text: string): { path: string; values: SweepValue[] } {
  const equals = text.indexOf("=");
  const path = text.slice(0, equals).trim();
  const list = text.slice(equals + 1).trim();
  if (equals <= 0 || list === "") {
    throw usage(`--sweep takes <path>=<values>, e.g. components.web.servers=1,2,4,8; got "${text}"`);
  }
  const values = list.split(",").map((part) => part.trim());
  if (values.some((v) => v === "")) throw usage(`--sweep has an empty value in "${list}"`);
  return { path, values: values.map(sweepValue) };
}

function sweepValue(text: string): SweepValue {
  if (NUMBER.test(text)) return Number(text);
  if (text === "true" || text === "false") return text === "true";
  return text;
}
