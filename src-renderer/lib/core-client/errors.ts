import { CoreError, type CoreErrorCode } from '../../../shared/protocol/messages';

const CODES: ReadonlySet<string> = new Set<CoreErrorCode>([
  'invalid_request',
  'unknown_type',
  'cancelled',
  'timeout',
  'worker_crashed',
  'engine_stopped',
  'internal',
]);

/**
 * Whatever a transport rejected with, as a `CoreError`. Electron's `ipcRenderer.invoke`
 * loses the class (only an Error with a message arrives), so a `code` property or a
 * "CoreError [code]:" prefix is read back when present; anything else is `internal`.
 */
export function toCoreError(error: unknown): CoreError {
  if (error instanceof CoreError) return error;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    const text = typeof message === 'string' ? message : String(error);
    if (typeof code === 'string' && CODES.has(code)) return new CoreError({ code: code as CoreErrorCode, message: text });
    const match = /\b(invalid_request|unknown_type|cancelled|timeout|worker_crashed|engine_stopped|internal)\b[\]:]\s*(.*)$/s.exec(text);
    if (match?.[1] && CODES.has(match[1])) return new CoreError({ code: match[1] as CoreErrorCode, message: match[2] || text });
    return new CoreError({ code: 'internal', message: text });
  }
  return new CoreError({ code: 'internal', message: String(error) });
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CoreError && error.code === 'cancelled';
}

export function cancelledError(): CoreError {
  return new CoreError({ code: 'cancelled', message: 'cancelled' });
}

export function timeoutError(method: string, timeoutMs: number): CoreError {
  return new CoreError({ code: 'timeout', message: `${method} did not answer within ${timeoutMs} ms` });
}
