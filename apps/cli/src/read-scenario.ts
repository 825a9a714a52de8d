/** Reads a scenario file as JSON, reporting an unreadable file or bad JSON with the place to look. */
import { readFileSync, statSync } from "node:fs";
import { catalogueError, SyslabError } from "@syslab/sim-core";

// A scenario is a few kilobytes; past this a file is surely something else, and reading it whole
// could exhaust memory before any message is printed.
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readScenarioFile(file: string): unknown {
  let text: string;
  try {
    // Pipes and terminals report size 0 and are read as they come.
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) {
      const mib = (size / 1024 / 1024).toFixed(0);
      throw catalogueError("input.file", {
        file,
        reason: `it is ${mib} MiB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a scenario file may be`,
      });
    }
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof SyslabError) throw error;
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
  const text = error.message
    .replace(/ in JSON at position \d+.*$/, "")
    .replace(/^Unexpected end of JSON input$/, "the file ends too early");
  return withVisibleControls(text);
}

/**
 * V8 quotes the text around a JSON error; its control characters are written as \u escapes, so
 * that a file can neither break the message over lines nor send escape sequences to the terminal.
 */
function withVisibleControls(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.charCodeAt(0);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    out += control ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}
