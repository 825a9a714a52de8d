/** Reads a scenario file as JSON, reporting an unreadable file or bad JSON with the place to look. */
import { readFileSync } from "node:fs";
import { catalogueError } from "@syslab/sim-core";

export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw catalogueError("input.file", { file, reason: reason(error as NodeJS.ErrnoException) });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw catalogueError("input.json", {
      detail: `${file}${location(text, error as Error)}: ${describe(error as Error)}`,
    });
  }
}

function reason(error: NodeJS.ErrnoException): string {
  if (error.code === "ENOENT") return "no such file";
  if (error.code === "EACCES") return "permission denied";
  if (error.code === "EISDIR") return "it is a directory";
  return error.code ?? error.message;
}

// V8 words JSON errors as "… in JSON at position 123" (newer ones add the line and column);
// the position is turned into line:column so an editor can jump there.
function location(text: string, error: Error): string {
  const position = /at position (\d+)/.exec(error.message);
  if (position === null)
    return /end of JSON input/.test(error.message) ? `:${lineColumn(text, text.length)}` : "";
  return `:${lineColumn(text, Number(position[1]))}`;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return `${line}:${column}`;
}

function describe(error: Error): string {
  return error.message
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/^Unexpected end of JSON input$/, "the file ends too early");
}
