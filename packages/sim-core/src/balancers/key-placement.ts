/**
 * Where a hash balancer sends each of the keys 0 … keys − 1 while all its backends are up, asked of
 * the same chooser a run uses: for figures of the algorithm itself (how many keys move when a
 * backend is added, how evenly a ring spreads them) that need no simulated time. A request class's
 * `key` draws these same numbers (Zipf rank r is key r − 1), so a placement here is where a run
 * routes them. Bounded load is left out: it depends on what is in flight, which only a run knows.
 */
import { catalogueError } from "../errors/catalogue";
import { randomStream } from "../random/streams";
import { problemsFromIssues, unknownKeyMessage } from "../scenario/problems-from-issues";
import { Request } from "../workload/request";
import { BackendSet } from "./backend-set";
import { balancerSchema } from "./balancer-schema";
import { chooserFor } from "./chooser-for";

/** Enough for a figure with a binomial error well under 1 %; a million keys take a few tenths of a second. */
export const MAX_PLACED_KEYS = 1_000_000;

const NO_TIME = { now: 0 };

/**
 * The backend (an index into its `backends` list) each key goes to under `balancer`, a balancer
 * component as a scenario writes it, e.g. `{ "type": "balancer", "algorithm": "consistent-hash",
 * "backends": ["s0", "s1"], "virtualNodes": 160 }`; its algorithm must be "hash" or "consistent-hash".
 * With no backends every key gets −1, as a run would reject it.
 * Throws SyslabError (scenario.invalid) for a balancer that fails validation, and RangeError for a
 * key count outside 1 … MAX_PLACED_KEYS or an algorithm that does not route by key.
 */
export function keyPlacement(balancer: unknown, keys: number): Int32Array {
  if (!Number.isInteger(keys) || keys < 1 || keys > MAX_PLACED_KEYS) {
    throw new RangeError(`keys must be a whole number from 1 to ${MAX_PLACED_KEYS}; got ${keys}.`);
  }
  const parsed = balancerSchema.safeParse(balancer, { reportInput: true, error: unknownKeyMessage });
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues);
    throw catalogueError("scenario.invalid", { count: problems.length }, problems);
  }
  const spec = parsed.data;
  if (spec.algorithm !== "hash" && spec.algorithm !== "consistent-hash") {
    throw new RangeError(
      `Only "hash" and "consistent-hash" send a key to one backend; got "${spec.algorithm}", which also depends on the traffic.`,
    );
  }
  const names = spec.backends.map((b) => b.target);
  const set = new BackendSet(
    names,
    spec.backends.map((b) => b.weight),
    spec.panicThreshold,
    0,
    NO_TIME,
  );
  const chooser = chooserFor(spec);
  // Keyed requests never draw from it; the chooser's signature asks for one.
  const rng = randomStream(0, "key-placement");
  const request = new Request();
  const placement = new Int32Array(keys);
  for (let key = 0; key < keys; key++) {
    request.key = key;
    placement[key] = chooser.choose(set, request, rng);
  }
  return placement;
}
