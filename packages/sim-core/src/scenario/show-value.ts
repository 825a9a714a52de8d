/**
 * How a problem message quotes the value it is about: short, JSON-like, and never "[object Object]".
 * It reads only as much of the value as the quote shows, so a value of any size or depth costs
 * no more than a short one.
 */

/** Longest quote; a longer one is cut to this with "…". */
const QUOTE = 60;
/** Keys an object's description names before "and N more". */
const KEYS = 10;

export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value))
    return value.length === 0 ? "an empty list" : `a list (${shorten(jsonPrefix(value, QUOTE + 1))})`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty object {}";
    const named = keys.slice(0, KEYS).map((k) => shorten(JSON.stringify(k.slice(0, QUOTE + 1))));
    const more = keys.length > KEYS ? ` and ${keys.length - KEYS} more` : "";
    return `an object with ${named.join(", ")}${more}`;
  }
  if (typeof value === "string") return shorten(JSON.stringify(value.slice(0, QUOTE + 1)));
  return String(value);
}

function shorten(text: string): string {
  return text.length <= QUOTE ? text : `${text.slice(0, QUOTE - 3)}…`;
}

/**
 * The start of JSON.stringify(value), at least `budget` characters of it when it is that long.
 * Each level writes at least one character, so it descends at most `budget` levels.
 */
function jsonPrefix(value: unknown, budget: number): string {
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length && text.length < budget; i++) {
      if (i > 0) text += ",";
      text += jsonPrefix(value[i] === undefined ? null : value[i], budget - text.length);
    }
    return text.length < budget ? `${text}]` : text;
  }
  if (value !== null && typeof value === "object") {
    let text = "{";
    let first = true;
    for (const key of Object.keys(value)) {
      if (text.length >= budget) break;
      const field = (value as Record<string, unknown>)[key];
      if (field === undefined) continue;
      text += `${first ? "" : ","}${JSON.stringify(key.slice(0, budget))}:`;
      if (text.length < budget) text += jsonPrefix(field, budget - text.length);
      first = false;
    }
    return text.length < budget ? `${text}}` : text;
  }
  if (typeof value === "string") return JSON.stringify(value.slice(0, budget));
  return JSON.stringify(value) ?? "null";
}
