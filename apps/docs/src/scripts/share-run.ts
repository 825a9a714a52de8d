// "Share" and "Copy as curl": store a scenario as a run through the API, or print the request that does.
// The API is the one serving the site unless the site was built with SYSLAB_API_URL (hosted apart).

import { SYSLAB_API_URL } from "astro:env/client";

/** The API's URL for `path` ("v1/runs", "r/<id>"), keeping any path the base URL has. */
function apiUrl(path: string): string {
  const base = SYSLAB_API_URL ?? location.origin;
  return new URL(path, base.endsWith("/") ? base : `${base}/`).href;
}

export interface SharedRun {
  id: string;
  url: string;
}

export async function shareRun(scenario: unknown): Promise<SharedRun> {
  const response = await fetch(apiUrl("v1/runs"), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(scenario),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; detail?: string; title?: string };
  if (!response.ok || !body.id) {
    throw new Error(body.detail ?? body.title ?? `The API answered ${response.status}.`);
  }
  return { id: body.id, url: apiUrl(`r/${body.id}`) };
}

export interface ServerProgress {
  percent: number;
  events: number;
}

/**
 * Follows a stored run on the API through its event stream (GET /v1/runs/:id/events): `onProgress`
 * hears each progress report, `onEnd` hears "done" or "failed" once (or "lost" when the stream breaks).
 */
export function followRun(
  id: string,
  onProgress: (progress: ServerProgress) => void,
  onEnd: (end: "done" | "failed" | "lost") => void,
): () => void {
  const source = new EventSource(apiUrl(`v1/runs/${id}/events`));
  let ended = false;
  const end = (how: "done" | "failed" | "lost") => {
    source.close();
    if (!ended) onEnd(how);
    ended = true;
  };
  source.addEventListener("progress", (event) =>
    onProgress(JSON.parse((event as MessageEvent<string>).data)),
  );
  source.addEventListener("result", () => end("done"));
  source.addEventListener("failed", () => end("failed"));
  source.addEventListener("error", () => end("lost"));
  return () => end("lost");
}

/** A shell command that posts the same scenario; single quotes inside the JSON are escaped for sh. */
export function curlCommand(scenario: unknown): string {
  const body = JSON.stringify(scenario).replaceAll("'", "'\\''");
  return `curl -X POST ${apiUrl("v1/runs")} -H 'content-type: application/json' -d '${body}'`;
}

/** Copies text; the clipboard can be refused (permissions, insecure origin), so report whether it worked. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
