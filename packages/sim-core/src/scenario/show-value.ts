/** How a problem message quotes the value it is about: short, JSON-like, and never "[object Object]". */
export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value))
    return value.length === 0 ? "an empty list" : `a list (${shorten(JSON.stringify(value))})`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    return keys.length === 0
      ? "an empty object {}"
      : `an object with ${keys.map((k) => `"${k}"`).join(", ")}`;
  }
  if (typeof value === "string") return shorten(JSON.stringify(value));
  return String(value);
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
