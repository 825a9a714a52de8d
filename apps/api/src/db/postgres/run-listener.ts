// One dedicated connection that LISTENs for the run changes every syslab process NOTIFYs. When the
// connection is lost (a restart, a failover) it reconnects with backoff and then reports a resync,
// since whatever was announced in between was not heard.

import pg from "pg";
import type { Logger } from "../../ops/logger";

const firstRetryMs = 100;
const maxRetryMs = 2000;

export class RunListener {
  private readonly url: string;
  private readonly channel: string;
  private readonly log: Logger;
  private readonly onMessage: (payload: string) => void;
  private readonly onResync: () => void;
  private client: pg.Client | undefined;
  private retryMs = firstRetryMs;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(opts: {
    url: string;
    channel: string;
    log: Logger;
    onMessage: (payload: string) => void;
    onResync: () => void;
  }) {
    this.url = opts.url;
    this.channel = opts.channel;
    this.log = opts.log;
    this.onMessage = opts.onMessage;
    this.onResync = opts.onResync;
  }

  /** Resolves once listening; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: "syslab-listen",
      keepAlive: true,
    });
    this.client = client;
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost || this.closed) return;
      lost = true;
      this.log.warn({ err }, "lost the Postgres connection that hears run changes; reconnecting");
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("notification", (n) => {
      if (n.channel === this.channel && n.payload) this.onMessage(n.payload);
    });
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (err) {
      lost = true;
      client.end().catch(() => {});
      throw err;
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = undefined;
      try {
        await this.connect();
        this.retryMs = firstRetryMs;
        this.log.info("listening for run changes again");
        this.onResync();
      } catch {
        this.retryMs = Math.min(maxRetryMs, this.retryMs * 2);
        this.scheduleReconnect();
      }
    }, this.retryMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => {});
  }
}
