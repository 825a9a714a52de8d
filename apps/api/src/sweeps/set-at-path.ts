// Returns a copy of a JSON document with one value replaced at a path such as `a.b[0].c`.

export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    segments.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return segments;
}

/** `undefined` when the path's parent does not exist in the document. */
export function setAtPath(doc: unknown, path: string, value: unknown): unknown | undefined {
  const copy = structuredClone(doc);
  const segments = pathSegments(path);
  let node: unknown = copy;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (typeof node !== "object" || node === null) return undefined;
  (node as Record<string | number, unknown>)[segments[segments.length - 1]!] = value;
  return copy;
}
