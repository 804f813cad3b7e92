import type { CoreErrorCode, CoreErrorData } from '../protocol/messages';
import { enCoreFailures, type CoreFailureCode } from './en-core-failures';
import { faCoreFailures } from './fa-core-failures';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const coreFailureBooks: Record<EngineLocale, Phrasebook<CoreFailureCode>> = { en: enCoreFailures, fa: faCoreFailures };

const KNOWN: ReadonlySet<string> = new Set<CoreErrorCode>(['invalid_request', 'unknown_type', 'cancelled', 'timeout', 'worker_crashed', 'engine_stopped', 'internal']);

/** "layer 1 (conv2d): out_channels", "input", "layers[3].kernel": a place, not a sentence with a colon. */
const FIELD_PATH = /^(?:layer \d+(?: \(\w+\))?|[A-Za-z_][\w.[\]]*)(?:: [A-Za-z_][\w.[\]]*)*$/;

/**
 * The field a refused request names: the schema writes "<where>: <what is wrong>" ("layer 1
 * (conv2d): out_channels: is required", "input.2: must be a whole number"), so the field is all
 * but the last part; undefined when the message names none.
 */
export function refusedField(message: string): string | undefined {
  const first = message.split('; ')[0] ?? '';
  const parts = first.split(': ');
  if (parts.length < 2) return undefined;
  const field = parts.slice(0, -1).join(': ').trim();
  return FIELD_PATH.test(field) ? field : undefined;
}

/** A failed core call as a message: its code and values (`detail` is the English message, `field` what a refused request names). */
export function coreFailureMessage(error: Pick<CoreErrorData, 'code' | 'message'>): { code: CoreFailureCode; values: { detail: string; field?: string } } {
  const code: CoreErrorCode = KNOWN.has(error.code) ? error.code : 'internal';
  const detail = String(error.message ?? '');
  if (code !== 'invalid_request') return { code, values: { detail } };
  const field = refusedField(detail);
  return field === undefined ? { code, values: { detail } } : { code: 'invalid_request_field', values: { detail, field } };
}

/** Why a core call failed, in `locale`: English is the engine's own message; Persian a sentence by code. */
export function phraseCoreFailure(locale: EngineLocale, error: Pick<CoreErrorData, 'code' | 'message'>, write: ValueWriter): string {
  const message = coreFailureMessage(error);
  return phrase(coreFailureBooks[locale], message, write, message.values.detail);
}
