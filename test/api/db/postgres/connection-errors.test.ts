// Which failures mean "Postgres is unreachable just now" (retry, 503) and which are query errors.

import { expect, test } from "vitest";
import { isConnectionError } from "../../../../apps/api/src/db/postgres/connection-errors";

test("refused, reset, shutting down, starting up and full are connection errors", () => {
  const unreachable = [
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
    Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    Object.assign(new Error("the database system is starting up"), { code: "57P03" }),
    Object.assign(new Error("sorry, too many clients already"), { code: "53300" }),
    Object.assign(new Error("connection failure"), { code: "08006" }),
    new Error("Connection terminated unexpectedly"),
    new Error("timeout exceeded when trying to connect"),
    // As drizzle throws it: the query that failed, with node-postgres's error as the cause.
    new Error('Failed query: select "id" from "runs"', {
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    }),
  ];
  for (const err of unreachable) expect(isConnectionError(err), err.message).toBe(true);
});

test("query errors and other failures are not", () => {
  const others = [
    Object.assign(new Error('duplicate key value violates unique constraint "runs_pkey"'), { code: "23505" }),
    Object.assign(new Error('relation "runs" does not exist'), { code: "42P01" }),
    new TypeError("x is not a function"),
    new Error('Failed query: insert into "runs"', {
      cause: Object.assign(new Error("duplicate key value"), { code: "23505" }),
    }),
    "a string",
    null,
  ];
  for (const err of others) expect(isConnectionError(err), String(err)).toBe(false);
});
