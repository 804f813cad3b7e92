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
const dispatcher = createDispatcher(createCore());

port.on('message', (message: unknown) => {
  const reply = dispatcher.handle(message, (later) => port.postMessage(later));
  if (reply !== null) port.postMessage(reply);
});
