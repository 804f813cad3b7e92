/**
 * The core's last nets. A few entry points catch whatever escapes their checks, so that a bug
 * still answers with a typed error value instead of an exception (the core never throws). A
 * net must not hide the bug, though: each reports what it caught here, and the fuzz
 * (shared/core/fuzz) counts every report as a finding, exactly like a throw.
 */

/** `where` names the net (e.g. "optimize"); `error` is what it caught. */
export type CaughtErrorListener = (where: string, error: unknown) => void;

const listeners = new Set<CaughtErrorListener>();

/** Called by a net with what it caught, before it answers with its typed error. */
export function reportCaughtError(where: string, error: unknown): void {
  for (const listener of listeners) listener(where, error);
}

/** Listens to the nets (the fuzz does); returns the function that stops listening. */
export function onCaughtError(listener: CaughtErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
