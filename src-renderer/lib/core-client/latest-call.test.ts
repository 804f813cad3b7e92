import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../shared/protocol/messages';
import { LatestCall } from './latest-call';

/** A call that settles when the test says so, and remembers whether it was aborted. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  let signal!: AbortSignal;
  const call = (given: AbortSignal) => {
    signal = given;
    return new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
  };
  return { call, resolve: (value: T) => resolve(value), reject: (error: unknown) => reject(error), aborted: () => signal.aborted };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LatestCall', () => {
  it('hands on only the newest answer and aborts the one before', async () => {
    const latest = new LatestCall();
    const seen: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    latest.run(first.call, (value) => seen.push(value), () => seen.push('error'));
    latest.run(second.call, (value) => seen.push(value), () => seen.push('error'));
    expect(first.aborted()).toBe(true);
    expect(second.aborted()).toBe(false);
    first.resolve('old');
    second.resolve('new');
    await flush();
    expect(seen).toEqual(['new']);
  });

  it('reports a failure as a CoreError, but not a cancellation or a failure of a replaced call', async () => {
    const latest = new LatestCall();
    const errors: string[] = [];
    const onError = (error: CoreError) => errors.push(`${error.code}: ${error.message}`);
    const cancelled = deferred<number>();
    latest.run(cancelled.call, () => undefined, onError);
    cancelled.reject(new CoreError({ code: 'cancelled', message: 'cancelled' }));
    await flush();
    const replaced = deferred<number>();
    latest.run(replaced.call, () => undefined, onError);
    const failing = deferred<number>();
    latest.run(failing.call, () => undefined, onError);
    replaced.reject(new Error('too late'));
    failing.reject(new CoreError({ code: 'timeout', message: 'no answer in time' }));
    await flush();
    expect(errors).toEqual(['timeout: no answer in time']);
  });

  it('cancel aborts the call in flight and drops its answer', async () => {
    const latest = new LatestCall();
    const seen: number[] = [];
    const call = deferred<number>();
    latest.run(call.call, (value) => seen.push(value), () => undefined);
    latest.cancel();
    expect(call.aborted()).toBe(true);
    call.resolve(1);
    await flush();
    expect(seen).toEqual([]);
  });
});
