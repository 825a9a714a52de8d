/** One process of a server: its threads reach the CPU under its rule (with or without a GIL). */
import type { CpuRule } from "./cpu-rule";

export class ServerProcess {
  constructor(readonly cpu: CpuRule) {}
}
