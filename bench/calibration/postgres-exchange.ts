/**
 * One open-loop request against Postgres (directly or through pgbouncer), in the frontend/backend
 * protocol version 3 (PostgreSQL documentation, "Frontend/Backend Protocol", "Message Formats"):
 * connect, StartupMessage, wait for ReadyForQuery, one simple Query, wait for ReadyForQuery,
 * Terminate. A new connection per request, as an application without a pool opens them. An
 * ErrorResponse during startup with SQLSTATE 53300 ("sorry, too many clients already") counts as
 * a refusal; authentication must be `trust` (the harness's own clusters and pgbouncer). The answer
 * it resolves with is `ready <seconds>`: how long the connection took to start, to its first
 * ReadyForQuery.
 */
import { connect } from "node:net";
import { type Exchange, ExchangeFailure, socketFailure } from "./open-loop-client";

function startupMessage(user: string, database: string): Buffer {
  const body = Buffer.from(`user\0${user}\0database\0${database}\0\0`, "utf8");
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196608, 4); // protocol 3.0
  return Buffer.concat([header, body]);
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

/** The fields of an ErrorResponse body: code letter → text. */
function errorFields(body: Buffer): Map<string, string> {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < body.length && body[i] !== 0) {
    const end = body.indexOf(0, i + 1);
    fields.set(String.fromCharCode(body[i]!), body.toString("utf8", i + 1, end));
    i = end + 1;
  }
  return fields;
}

export function postgresExchange(host: string, port: number, user: string, database: string): Exchange {
  return (request, signal) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect({ host, port, noDelay: true });
      let buffered = Buffer.alloc(0);
      let queried = false;
      const began = performance.now();
      let ready = 0;
      const fail = (failure: ExchangeFailure) => {
        socket.destroy();
        reject(failure);
      };
      signal.addEventListener("abort", () => fail(new ExchangeFailure("timeout", "no answer in time")));
      socket.on("connect", () => socket.write(startupMessage(user, database)));
      socket.on("error", (error) => fail(socketFailure(error)));
      socket.on("close", () => reject(new ExchangeFailure("reset", "closed before the query completed")));
      socket.on("data", (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 5) {
          const length = buffered.readInt32BE(1);
          if (buffered.length < 1 + length) return;
          const type = String.fromCharCode(buffered[0]!);
          const body = buffered.subarray(5, 1 + length);
          buffered = buffered.subarray(1 + length);
          if (type === "E") {
            const fields = errorFields(body);
            const refused = fields.get("C") === "53300";
            fail(new ExchangeFailure(refused ? "refused" : "error", fields.get("M") ?? "error"));
            return;
          }
          if (type !== "Z") continue; // ReadyForQuery ends the startup, then the query
          if (!queried) {
            queried = true;
            ready = (performance.now() - began) / 1000;
            socket.write(message("Q", Buffer.from(`${request.payload}\0`, "utf8")));
            continue;
          }
          socket.end(message("X", Buffer.alloc(0)));
          resolve(`ready ${ready}`);
          return;
        }
      });
    });
}
