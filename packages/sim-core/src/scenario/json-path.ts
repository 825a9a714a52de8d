/**
 * JSON paths as problems name them and sweeps take them: `workload.requests[0].steps[1].call`.
 * A key that is not a plain name is written in brackets: `components["web-1"]`.
 */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && PLAIN_KEY.test(segment))
      text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** The segments of a path written as formatPath writes it (dots also accepted before indices: `steps.0`). */
export function parsePath(text: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$-]*|\d+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let position = 0;
  while (position < text.length) {
    token.lastIndex = position;
    const match = token.exec(text);
    if (match === null) return undefined;
    const [whole, name, index, quoted] = match;
    if (name !== undefined) segments.push(/^\d+$/.test(name) ? Number(name) : name);
    else if (index !== undefined) segments.push(Number(index));
    else segments.push(JSON.parse(quoted!) as string);
    position += whole.length;
  }
  return segments.length === 0 ? undefined : segments;
}
