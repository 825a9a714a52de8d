/**
 * The one error type syslab throws for anything a user can fix. Every error carries a
 * stable code from the catalogue (errors/catalogue.ts), a title, a message naming what
 * went wrong, and a hint saying what to do. The API turns it into application/problem+json.
 */
import type { Problem } from "./problem";

export class SyslabError extends Error {
  readonly code: string;
  readonly title: string;
  readonly hint: string;
  readonly problems: Problem[];

  constructor(init: { code: string; title: string; message: string; hint: string; problems?: Problem[] }) {
    super(init.message);
    this.name = "SyslabError";
    this.code = init.code;
    this.title = init.title;
    this.hint = init.hint;
    this.problems = init.problems ?? [];
  }
}
