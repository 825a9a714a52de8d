/** What a discipline offers its line: entries in, the next one out. */
import type { LineEntry } from "../line-entry";

export interface LineOrder {
  readonly size: number;
  push(entry: LineEntry): void;
  /** Removes and returns the next entry (live or dead); only called when size > 0. */
  pop(): LineEntry;
}
