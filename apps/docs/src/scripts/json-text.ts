// Parses scenario text as JSON, turning a syntax error into a problem with a line and column.
import type { Problem } from "@syslab/sim-core";

export type JsonText = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function parseJsonText(text: string): JsonText {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = "";
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split("\n").length;
      const column = before.length - before.lastIndexOf("\n");
      where = ` at line ${line}, column ${column}`;
    }
    return {
      ok: false,
      problem: {
        path: "(document)",
        code: "json.syntax",
        message: `This is not valid JSON${where}: ${message}`,
      },
    };
  }
}
