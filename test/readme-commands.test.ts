// Commands that cannot rot: every shell command in README.md, apps/api/README.md and examples/README.md
// runs as written, in order, in one shell per README (so a variable one command sets, the next can
// use), against an API started for the purpose. The READMEs name http://127.0.0.1:8787; the test's API
// listens on a free port, which is the one thing rewritten. Each command must exit 0 and do what it
// says it does; the few that cannot run inside a test are listed with the reason.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocsServer, ROOT, startDocsServer } from "./docs/support/docs-server";

const READMES = ["README.md", "apps/api/README.md", "examples/README.md"];
const README_ORIGIN = "http://127.0.0.1:8787";

/** Commands that install or start the whole product, or run this suite: why each is not run here. */
const NOT_RUN: Record<string, string> = {
  "npm ci && npm start":
    "installs every dependency from the lockfile into this very tree, then serves until stopped; .ci/run runs npm ci on every CI run, and the browser tests start the server npm start starts (test/docs/support/docs-server.ts)",
  "npm test": "runs this suite, this test among it",
  "npm start":
    "builds the docs site and serves it with the API until stopped; the build runs in npm test before this test, and the browser tests start the same server",
};

/** Commands that start a server and keep it running: started, seen to listen, then stopped. */
const SERVES = new Set(["node --import tsx apps/api/src/main.ts"]);

interface Command {
  readme: string;
  /** The command as written (continuation lines joined). */
  text: string;
  /** The comment lines just above it, and the one at its end: what it says it does. */
  comment: string;
}

/** Strips a trailing `# comment` that is not inside quotes; returns the code and the comment. */
function splitComment(line: string): [string, string] {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!)))
      return [line.slice(0, i).trimEnd(), line.slice(i + 1).trim()];
  }
  return [line.trimEnd(), ""];
}

/** The commands of every ```sh, ```bash or ```shell block of a README, in order. */
function shellCommands(readme: string, markdown: string): Command[] {
  const commands: Command[] = [];
  for (const block of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    let above: string[] = [];
    let pending = "";
    for (const raw of block[1]!.split("\n")) {
      const [code, comment] = splitComment(raw);
      if (pending === "" && code.trim() === "") {
        if (comment !== "") above.push(comment);
        else above = [];
        continue;
      }
      pending += pending === "" ? code.trim() : ` ${code.trim()}`;
      if (comment !== "") above.push(comment);
      if (pending.endsWith("\\")) {
        pending = pending.slice(0, -1).trimEnd();
        continue;
      }
      commands.push({ readme, text: pending, comment: above.join(" ") });
      pending = "";
      above = [];
    }
  }
  return commands;
}

async function allCommands(): Promise<Command[]> {
  const found: Command[] = [];
  for (const readme of READMES)
    found.push(...shellCommands(readme, await readFile(join(ROOT, readme), "utf8")));
  return found;
}

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** One bash per README: commands run in it one at a time, so shell variables carry over. */
class Shell {
  readonly #bash: ChildProcess;
  readonly #dir: string;
  #waiting: (() => void) | undefined;
  #buffer = "";

  private constructor(dir: string, env: NodeJS.ProcessEnv) {
    this.#dir = dir;
    this.#bash = spawn("bash", ["--noprofile", "--norc"], {
      cwd: ROOT,
      env,
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.#bash.stdout!.on("data", (chunk: Buffer) => {
      this.#buffer += chunk.toString();
      if (this.#buffer.includes("__syslab_done__")) {
        this.#buffer = "";
        this.#waiting?.();
      }
    });
  }

  static async open(env: NodeJS.ProcessEnv): Promise<Shell> {
    return new Shell(await mkdtemp(join(tmpdir(), "syslab-readme-")), env);
  }

  async run(command: string): Promise<Outcome> {
    const out = join(this.#dir, "out");
    const err = join(this.#dir, "err");
    const status = join(this.#dir, "status");
    const done = new Promise<void>((resolve) => {
      this.#waiting = resolve;
    });
    this.#bash.stdin!.write(
      `{ ${command}\n} >'${out}' 2>'${err}' </dev/null; echo $? >'${status}'; echo __syslab_done__\n`,
    );
    await done;
    return {
      status: Number((await readFile(status, "utf8")).trim()),
      stdout: await readFile(out, "utf8"),
      stderr: await readFile(err, "utf8"),
    };
  }

  async close(): Promise<void> {
    this.#bash.stdin!.end("exit\n");
    await new Promise((resolve) => this.#bash.once("exit", resolve));
    await rm(this.#dir, { recursive: true, force: true });
  }
}

/** What a command must have done beyond exiting 0, judged from what it says and prints. */
function problemsWith(command: Command, outcome: Outcome, shellValue: (name: string) => Promise<string>) {
  const found: Promise<string | undefined>[] = [];
  const { text, comment } = command;
  const fail = (why: string) => found.push(Promise.resolve(why));
  if (outcome.status !== 0) fail(`exited ${outcome.status}: ${outcome.stderr.trim().slice(0, 400)}`);
  if (text.startsWith("npm run --silent sim")) {
    if (text.includes("--json")) {
      const result = JSON.parse(outcome.stdout) as {
        engine?: { name?: string };
        requests?: { completed?: number };
      };
      if (result.engine?.name !== "syslab" || !((result.requests?.completed ?? 0) > 0))
        fail("printed no result JSON");
    } else if (text.includes("--sweep")) {
      const values = /--sweep \S+=(\S+)/.exec(text)![1]!.split(",");
      const rows = outcome.stdout.trim().split("\n");
      if (rows.length !== values.length + 1)
        fail(`a sweep of ${values.length} values printed ${rows.length} lines`);
    } else if (!/^requests\s+arrived/m.test(outcome.stdout)) fail("printed no summary");
  }
  if (text.includes("curl ")) {
    const expected = /\b([1-5]\d\d)\b/.exec(comment)?.[1];
    if (text.includes(" -i ")) {
      if (expected && !new RegExp(`^HTTP/1\\.1 ${expected}`, "m").test(outcome.stdout))
        fail(`expected HTTP ${expected}, got ${outcome.stdout.split("\n")[0]}`);
    } else if (text.includes(" -o ")) {
      const file = join(ROOT, /-o (\S+)/.exec(text)![1]!);
      found.push(
        readFile(file, "utf8").then(
          (body) => (body.startsWith("<svg") ? undefined : "the file it wrote is not SVG"),
          () => "wrote no file",
        ),
      );
    } else if (text.includes(" -sN ")) {
      if (!/^event: result$/m.test(outcome.stdout)) fail("the event stream never sent the result");
    } else if (!text.startsWith("ID=")) {
      const body = outcome.stdout;
      if (body.includes("urn:syslab:error:")) fail(`answered an error: ${body.slice(0, 300)}`);
      else if (!body.trim().startsWith("{")) fail(`printed no JSON: ${body.slice(0, 200)}`);
      else if (/long poll/i.test(comment) && JSON.parse(body).status !== "done")
        fail(`the long poll ended before the run did: ${body.slice(0, 200)}`);
    }
  }
  // An assignment must have assigned something: a later command uses it.
  const assigned = /^([A-Z_]+)=\$\(/.exec(text)?.[1];
  if (assigned) {
    found.push(
      shellValue(assigned).then((value) =>
        /^[0-9a-f]{20}$/.test(value) ? undefined : `${assigned} is "${value}"`,
      ),
    );
  }
  if (text.startsWith("echo ")) {
    const printed = outcome.stdout.trim();
    if (printed === "") fail("printed nothing");
    // A printed link is there to be opened: it must answer.
    else if (/^https?:\/\/\S+$/.test(printed)) {
      found.push(
        fetch(printed).then((r) => (r.status === 200 ? undefined : `${printed} answered ${r.status}`)),
      );
    }
  }
  return Promise.all(found).then((all) => all.filter((p): p is string => p !== undefined));
}

/** Starts a command that serves until stopped, waits for it to say where it listens, stops it. */
async function startsAndListens(command: string): Promise<string | undefined> {
  const dataDir = await mkdtemp(join(tmpdir(), "syslab-readme-api-"));
  const child = spawn("bash", ["-c", `exec ${command}`], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, POOL_SIZE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const verdict = await new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(`did not listen within 30 s:\n${output}`), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        clearTimeout(timer);
        resolve(undefined);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(`exited ${code} before listening:\n${output}`);
    });
  });
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once("exit", done));
    child.kill("SIGTERM");
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
  return verdict;
}

describe("README commands", () => {
  let server: DocsServer;
  let untrackedBefore: Set<string>;

  beforeAll(async () => {
    server = await startDocsServer();
    untrackedBefore = new Set(await readdir(ROOT));
  });

  afterAll(async () => {
    await server?.stop();
    // Files the commands wrote into the repo root (latency.svg) are theirs: remove them.
    for (const name of await readdir(ROOT))
      if (!untrackedBefore.has(name)) await rm(join(ROOT, name), { force: true });
  });

  it("finds the commands of all three READMEs, and every command it does not run is in one of them", async () => {
    const commands = await allCommands();
    for (const readme of READMES)
      expect(
        commands.some((c) => c.readme === readme),
        readme,
      ).toBe(true);
    const texts = new Set(commands.map((c) => c.text));
    for (const skipped of [...Object.keys(NOT_RUN), ...SERVES]) expect(texts, skipped).toContain(skipped);
  });

  for (const readme of READMES) {
    it(`runs every command of ${readme} as written`, async () => {
      const commands = (await allCommands()).filter((c) => c.readme === readme);
      const shell = await Shell.open({ ...process.env, NO_COLOR: "1" });
      const failures: string[] = [];
      try {
        for (const command of commands) {
          if (command.text in NOT_RUN) continue;
          if (SERVES.has(command.text)) {
            const problem = await startsAndListens(command.text);
            if (problem) failures.push(`${command.text}: ${problem}`);
            continue;
          }
          const text = command.text.replaceAll(README_ORIGIN, server.origin);
          const outcome = await shell.run(text);
          const value = async (name: string) => (await shell.run(`printf %s "$${name}"`)).stdout;
          for (const problem of await problemsWith({ ...command, text }, outcome, value)) {
            failures.push(`${command.text}\n  ${problem}`);
          }
        }
      } finally {
        await shell.close();
      }
      expect(failures).toEqual([]);
    }, 180_000);
  }

  it("names only example files that exist", async () => {
    const missing = (await allCommands())
      .flatMap((c) => [...c.text.matchAll(/\bexamples\/[\w/.-]+\.json\b/g)].map((m) => m[0]))
      .filter((file) => !existsSync(join(ROOT, file)));
    expect(missing).toEqual([]);
  });
});
