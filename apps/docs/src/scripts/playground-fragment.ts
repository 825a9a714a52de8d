// A scenario carried in the playground's address: `/playground/#scenario=<base64url of the JSON>`,
// as share pages link to it ("Open in the playground"). A fragment never reaches a server, so the
// scenario's size costs no request, and the link works wherever the site is hosted.

/** The scenario's JSON text, pretty-printed, or undefined when the fragment holds none (or garbage). */
export function scenarioFromFragment(hash: string): string | undefined {
  const encoded = new URLSearchParams(hash.replace(/^#/, "")).get("scenario");
  if (!encoded) return undefined;
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0)),
    );
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return undefined;
  }
}

/** The fragment that carries `scenario` (the inverse of scenarioFromFragment). */
export function scenarioFragment(scenario: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scenario));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `#scenario=${btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "")}`;
}
