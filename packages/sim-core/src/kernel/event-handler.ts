/**
 * Anything that reacts to events. Components implement one method and switch on a
 * small integer `kind` of their own; the payload is whatever they scheduled (usually
 * a request). Plain numbers and objects — no closure is allocated per event.
 */
export interface EventHandler {
  onEvent(kind: number, payload: unknown): void;
}
