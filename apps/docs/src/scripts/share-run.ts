// "Share" and "Copy as curl": store a scenario as a run through the API, or print the request that does.

export interface SharedRun {
  id: string;
  url: string;
}

export async function shareRun(scenario: unknown): Promise<SharedRun> {
  const response = await fetch("/v1/runs", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(scenario),
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; detail?: string; title?: string };
  if (!response.ok || !body.id) {
    throw new Error(body.detail ?? body.title ?? `The API answered ${response.status}.`);
  }
  return { id: body.id, url: new URL(`/r/${body.id}`, location.origin).href };
}

/** A shell command that posts the same scenario; single quotes inside the JSON are escaped for sh. */
export function curlCommand(scenario: unknown): string {
  const body = JSON.stringify(scenario).replaceAll("'", "'\\''");
  return `curl -X POST ${new URL("/v1/runs", location.origin).href} -H 'content-type: application/json' -d '${body}'`;
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
