import type { CoreErrorCode } from '../protocol/messages';

/**
 * English phrasing of a failed core call (shared/protocol/messages.ts CoreErrorCode). The
 * engine's own message is already English and names the details (the method, the time limit,
 * why the worker stopped), so English shows it as it is: `{detail}` is the CoreError's message.
 */
export const enCoreFailures = {
  codes: {
    invalid_request: '{detail}',
    invalid_request_field: '{detail}',
    unknown_type: '{detail}',
    cancelled: '{detail}',
    timeout: '{detail}',
    worker_crashed: '{detail}',
    engine_stopped: '{detail}',
    internal: '{detail}',
  } satisfies Record<CoreFailureCode, string>,
  tables: {},
};

/** A CoreErrorCode, with `invalid_request_field` for a refused request whose message names the field. */
export type CoreFailureCode = CoreErrorCode | 'invalid_request_field';
