import { createCore } from '../../../shared/core/index';
import { createDispatcher } from '../../../shared/protocol/dispatch';

/**
 * Browser mode's engine: the same transport-free dispatcher the Electron worker thread uses,
 * fed by `postMessage`. Anything that escapes here surfaces as the worker's `error` event,
 * which the client treats as a crash.
 */
const dispatcher = createDispatcher(createCore());
/** The two members of DedicatedWorkerGlobalScope used here (the project compiles against the DOM lib). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const reply = dispatcher.handle(event.data, (later) => scope.postMessage(later));
  if (reply) scope.postMessage(reply);
});
