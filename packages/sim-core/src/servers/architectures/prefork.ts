/** Prefork sync workers (Gunicorn sync): `workers` processes of one blocking thread, one request each at a time. */
import type { PreforkArchitecture } from "../server-schema";
import type { ArchitectureHost, ServerArchitecture } from "./architecture";
import { BlockingArchitecture } from "./blocking";

export class Prefork extends BlockingArchitecture implements ServerArchitecture {
  readonly processes: number;
  readonly ownQueue = null;

  constructor(host: ArchitectureHost, spec: PreforkArchitecture) {
    super(host);
    this.processes = spec.workers;
    for (let i = 0; i < spec.workers; i++) this.idle.push(host.newThread(host.newProcess(spec.gil), null));
    this.idle.reverse(); // the first-forked worker accepts first
  }
}
