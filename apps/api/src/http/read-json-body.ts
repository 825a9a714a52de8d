// Reads a request body as JSON, turning a parse failure into a 400 problem.

import type { Context } from "hono";
import { apiErrors } from "../errors/catalogue";
import { bodyText } from "./body-text";

export async function readJsonBody(c: Context): Promise<unknown> {
  return parseJson(await bodyText(c));
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw apiErrors.invalidJson(err instanceof Error ? err.message : String(err));
  }
}
