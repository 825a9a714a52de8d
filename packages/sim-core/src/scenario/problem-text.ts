/**
 * Carries a catalogue code and its details through zod's issue messages, which are plain
 * strings: schemas report `problemText(code, params)`, and the translation into problems
 * (problems-from-issues.ts) reads it back and words it from the catalogue.
 */
import type { ErrorCode, ErrorParams } from "../errors/catalogue";

// A control character no scenario author types, so a zod message of our own is never mistaken for one.
const MARK = "\u001f";

export interface ProblemText {
  code: ErrorCode;
  params: Record<string, unknown>;
}

export function problemText<C extends ErrorCode>(code: C, params: ErrorParams<C>): string {
  return MARK + JSON.stringify({ code, params });
}

export function readProblemText(message: string): ProblemText | undefined {
  if (!message.startsWith(MARK)) return undefined;
  return JSON.parse(message.slice(MARK.length)) as ProblemText;
}
