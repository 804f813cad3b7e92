import { parentPort } from 'node:worker_threads';
import { createCore } from '../../shared/core';
import { createDispatcher } from '../../shared/protocol/dispatch';

/**
 * worker_threads entry hosting the numeric core. All protocol logic lives in the
 * transport-free dispatcher (shared with the browser's Web Worker); this file only moves
 * messages. Bundled to out/main/core-worker.cjs.
 */
if (!parentPort) throw new Error('core-worker must run as a worker thread');
const port = parentPort;
// setImmediate runs after the event loop's poll phase, where a cancel message arrives, without
// the 1 ms floor of a 0 ms timer (a training run yields about 120 times a second).
const dispatcher = createDispatcher(createCore(), { yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) });

port.on('message', (message: unknown) => {
  const reply = dispatcher.handle(message, (later) => port.postMessage(later));
  if (reply !== null) port.postMessage(reply);
});
