// A worker thread of the command line's pool: runs one replication's scenario and posts its result.
import { parentPort } from "node:worker_threads";
import { type RunLimits, runScenario, type Scenario, SyslabError } from "@syslab/sim-core";
import type { ReplicationReply } from "./replication-threads";

parentPort!.on("message", ({ scenario, limits }: { scenario: Scenario; limits: RunLimits }) => {
  let reply: ReplicationReply;
  try {
    reply = { ok: true, result: runScenario(scenario, { limits }) };
  } catch (error) {
    reply =
      error instanceof SyslabError
        ? {
            ok: false,
            error: {
              code: error.code,
              title: error.title,
              message: error.message,
              hint: error.hint,
              problems: error.problems,
            },
          }
        : { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
  }
  parentPort!.postMessage(reply);
});
