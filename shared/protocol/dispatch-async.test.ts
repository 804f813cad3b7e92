import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { SEED_NETWORK, VGG16 } from '../core/network/presets';
import type { CoreApi } from './core-api';
import { createDispatcher } from './dispatch';
import type { CoreProgress, CoreReply } from './messages';

/** Asynchronous (cooperative) core methods through the transport-free dispatcher, with the real core. */

function collect() {
  const replies: CoreReply[] = [];
  let wake: (() => void) | null = null;
  return {
    replies,
    respond: (reply: CoreReply | CoreProgress) => {
      if (reply.kind !== 'reply') return;
      replies.push(reply);
      wake?.();
    },
    next: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}

describe('dispatcher: asynchronous methods', () => {
  it('answers effectiveReceptiveField later through respond, under the same id', async () => {
    const dispatcher = createDispatcher(createCore() as CoreApi);
    const sink = collect();
    const arrived = sink.next();
    const payload = { spec: SEED_NETWORK, layer: 3, y: 0, x: 0, weights: 'uniform', activations: true };
    expect(dispatcher.handle({ kind: 'request', id: 11, type: 'effectiveReceptiveField', payload }, sink.respond)).toBeNull();
    await arrived;
    expect(sink.replies).toHaveLength(1);
    const reply = sink.replies[0]!;
    expect(reply).toMatchObject({ id: 11, ok: true, result: { ok: true, box: [0, 0, 9, 9] } });
  });

  it('a cancel that arrives while it runs stops it at the next checkpoint and answers cancelled', async () => {
    // every checkpoint yields (sliceMs 0), so the cancel below is handled between two layers
    const dispatcher = createDispatcher(createCore() as CoreApi, { sliceMs: 0 });
    const sink = collect();
    const arrived = sink.next();
    const payload = { spec: VGG16, layer: 30, y: 7, x: 7, weights: 'random', activations: true };
    expect(dispatcher.handle({ kind: 'request', id: 12, type: 'effectiveReceptiveField', payload }, sink.respond)).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(dispatcher.handle({ kind: 'cancel', id: 12 })).toBeNull();
    await arrived;
    expect(sink.replies).toEqual([{ kind: 'reply', id: 12, ok: false, error: { code: 'cancelled', message: 'cancelled' } }]);
    // the cancel was spent on the running call: a new request runs normally
    const reply = dispatcher.handle({ kind: 'request', id: 14, type: 'unitRegion', payload: { spec: SEED_NETWORK, layer: 3, y: 0, x: 0 } });
    expect(reply).toMatchObject({ id: 14, ok: true, result: { ok: true, inputBox: [-3, -3, 9, 9] } });
  });

  it('trainNetwork sends progress messages under its id, each with the epochs since the last, then the reply; nothing after it', async () => {
    const dispatcher = createDispatcher(createCore() as CoreApi);
    const messages: (CoreReply | CoreProgress)[] = [];
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const x = Array.from({ length: 64 }, (_, i) => [Math.sin(i), Math.cos(i)]);
    const run = { input_dim: 2, widths: [32, 32], activation: 'tanh', data: { x, y: x.map(([a]) => [a!]) }, optimizer: { type: 'adam', lr: 0.01 }, epochs: 1500 };
    dispatcher.handle({ kind: 'request', id: 21, type: 'trainNetwork', payload: { run } }, (message) => {
      messages.push(message);
      if (message.kind === 'reply') done();
    });
    await finished;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reply = messages.at(-1)!;
    expect(reply).toMatchObject({ kind: 'reply', id: 21, ok: true });
    const progress = messages.filter((message): message is CoreProgress => message.kind === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((message) => message.id === 21)).toBe(true);
    // the partial records, joined, are the start of the final trace
    const epochs = progress.flatMap((message) => (message.progress as { epochs: { epoch: number }[] }).epochs);
    const final = (reply as { result: { epochs: { epoch: number }[] } }).result.epochs;
    expect(epochs).toEqual(final.slice(0, epochs.length));
  });

  it('a cancelled training run stops at a checkpoint and sends no progress after the cancel', async () => {
    const dispatcher = createDispatcher(createCore() as CoreApi, { sliceMs: 0 });
    const messages: (CoreReply | CoreProgress)[] = [];
    const x = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(i)]);
    const run = { input_dim: 2, widths: [64, 64], data: { x, y: x.map(([a]) => [a!]) }, optimizer: { type: 'sgd', lr: 0.01 }, epochs: 5000 };
    let replied: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (replied = resolve));
    const immediate = dispatcher.handle({ kind: 'request', id: 22, type: 'trainNetwork', payload: { run } }, (message) => {
      messages.push(message);
      if (message.kind === 'reply') replied();
    });
    expect(immediate).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 30));
    dispatcher.handle({ kind: 'cancel', id: 22 });
    const atCancel = messages.length;
    await finished;
    expect(messages.at(-1)).toEqual({ kind: 'reply', id: 22, ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    expect(messages.slice(atCancel).filter((message) => message.kind === 'progress')).toEqual([]);
  });

  it('refuses a bad training run at the boundary, naming the field', () => {
    const dispatcher = createDispatcher(createCore() as CoreApi);
    const reply = dispatcher.handle({ kind: 'request', id: 23, type: 'trainNetwork', payload: { run: { input_dim: 2, widths: [3], data: { x: [[1, 2]], y: [[1]] }, optimizer: { type: 'sgd' }, epochs: 0 } } });
    expect(reply).toMatchObject({ id: 23, ok: false, error: { code: 'invalid_request', message: 'epochs: must be at least 1, got 0' } });
  });

  it('rejects a bad payload naming the field, before the core runs', () => {
    const dispatcher = createDispatcher(createCore() as CoreApi);
    const reply = dispatcher.handle({ kind: 'request', id: 15, type: 'effectiveReceptiveField', payload: { spec: SEED_NETWORK, layer: 0, y: 0, x: 0, weights: 'gaussian', activations: true } });
    expect(reply).toMatchObject({ id: 15, ok: false, error: { code: 'invalid_request' } });
    const message = reply && !reply.ok ? reply.error.message : '';
    expect(message).toContain('layer must be 1 or more');
    expect(message).toContain('weights must be "uniform" or "random"');
  });
});
