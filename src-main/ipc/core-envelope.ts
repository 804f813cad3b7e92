import type { CoreErrorData } from '../../shared/protocol/messages';

/**
 * How core:call answers. Core failures travel as data, not as a thrown Error, because
 * an Error crossing ipcRenderer.invoke and the contextBridge keeps only its message and
 * the renderer needs the code (cancelled vs timeout vs worker_crashed).
 */
export type CoreCallEnvelope = { ok: true; result: unknown } | { ok: false; error: CoreErrorData };
