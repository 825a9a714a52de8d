/** A connection pool in front of a component: an application pool or a pgbouncer in transaction mode. */
import { z } from "zod";
import { durationSchema } from "../scenario/duration";
import { problemText } from "../scenario/problem-text";

/**
 * A connection pool in front of `target` (or holding for the call's `hold` itself when
 * there is no target). mode "pool": an application-side pool (HikariCP, SQLAlchemy) with
 * `size` connections, at most `queue` callers waiting, each for at most `acquireTimeout`.
 * mode "transaction": a pgbouncer in transaction pooling, where up to `clientConnections`
 * clients share `size` server connections, each held for one transaction only.
 */
export interface PoolComponent {
  type: "pool";
  mode: "pool" | "transaction";
  size: number;
  queue?: number; // callers that may wait (absent: unbounded); for "transaction", clientConnections − size
  acquireTimeout: number; // seconds; Infinity when none
  clientConnections?: number; // "transaction" only
  target?: string;
}

// HikariCP's defaults: maximumPoolSize 10, connectionTimeout 30 s.
const POOL_SIZE = 10;
const POOL_ACQUIRE_TIMEOUT = 30;
// pgbouncer's defaults: default_pool_size 20, max_client_conn 100, query_wait_timeout 120 s.
const BOUNCER_SIZE = 20;
const BOUNCER_CLIENTS = 100;
const BOUNCER_WAIT = 120;

const FIELDS = {
  pool: ["type", "mode", "size", "queue", "acquireTimeout", "target"],
  transaction: ["type", "mode", "size", "clientConnections", "acquireTimeout", "target"],
};

export const poolSchema = z
  .strictObject({
    type: z.literal("pool"),
    mode: z
      .enum(["pool", "transaction"])
      .default("pool")
      .describe(
        '"pool" (default): an application-side pool (HikariCP); "transaction": a pgbouncer multiplexing client connections onto `size` server connections, one transaction at a time.',
      ),
    size: z
      .int()
      .positive()
      .optional()
      .describe(
        "Connections (to the target). Default 10 for a pool (HikariCP), 20 for transaction mode (pgbouncer default_pool_size).",
      ),
    queue: z
      .int()
      .nonnegative()
      .optional()
      .describe(
        'Callers that may wait for a connection ("pool" mode); one more is rejected. Default: unbounded.',
      ),
    clientConnections: z
      .int()
      .positive()
      .optional()
      .describe(
        'Client connections accepted ("transaction" mode; pgbouncer max_client_conn, default 100); one more is rejected.',
      ),
    acquireTimeout: durationSchema
      .optional()
      .describe(
        "Longest wait for a connection before the caller is rejected. Default 30s (HikariCP connectionTimeout); 120s in transaction mode (query_wait_timeout).",
      ),
    target: z
      .string()
      .optional()
      .describe(
        "The component that serves each call on a connection: a station serves the call's `hold`; a server runs the call's `steps`. Absent: the pool holds the connection for the call's `hold` itself.",
      ),
  })
  .superRefine((p, ctx) => {
    // A field of the other mode is a mistake worth naming, not a silent no-op.
    const allowed = FIELDS[p.mode];
    const stray = p.mode === "pool" ? "clientConnections" : "queue";
    if (p[stray] !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [stray],
        message: problemText("scenario.unknown-key", { key: stray, allowed }),
      });
    }
    if (
      p.mode === "transaction" &&
      p.size !== undefined &&
      p.clientConnections !== undefined &&
      p.clientConnections < p.size
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["clientConnections"],
        message: problemText("scenario.too-small", {
          limit: `at least size (${p.size})`,
          got: String(p.clientConnections),
        }),
      });
    }
  })
  .transform((p): PoolComponent => {
    if (p.mode === "transaction") {
      const size = p.size ?? BOUNCER_SIZE;
      const clients = p.clientConnections ?? Math.max(BOUNCER_CLIENTS, size);
      const pool: PoolComponent = {
        type: "pool",
        mode: "transaction",
        size,
        queue: clients - size,
        acquireTimeout: p.acquireTimeout ?? BOUNCER_WAIT,
        clientConnections: clients,
      };
      if (p.target !== undefined) pool.target = p.target;
      return pool;
    }
    const pool: PoolComponent = {
      type: "pool",
      mode: "pool",
      size: p.size ?? POOL_SIZE,
      acquireTimeout: p.acquireTimeout ?? POOL_ACQUIRE_TIMEOUT,
    };
    if (p.queue !== undefined) pool.queue = p.queue;
    if (p.target !== undefined) pool.target = p.target;
    return pool;
  })
  .describe(
    'A connection pool: { "type": "pool", "size": 20, "queue": 100, "acquireTimeout": "1s", "target": "db" }, or a pgbouncer: { "type": "pool", "mode": "transaction", "clientConnections": 1000, "size": 20, "target": "db" }.',
  );
