import type { CoreClient, EngineStatus } from '../core-client';

/** The engine's status as reactive state, for the stopped banner and its Restart button. */
export class EngineStatusState {
  status: EngineStatus = $state.raw({ state: 'ready' });
  restarting: boolean = $state(false);
  readonly #client: CoreClient;
  readonly #unsubscribe: () => void;

  stopped = $derived(this.status.state === 'stopped');

  constructor(client: CoreClient) {
    this.#client = client;
    this.status = client.status;
    this.#unsubscribe = client.onStatus((status) => {
      this.status = status;
    });
  }

  async restart(): Promise<void> {
    this.restarting = true;
    try {
      await this.#client.restart();
    } finally {
      this.restarting = false;
    }
  }

  dispose(): void {
    this.#unsubscribe();
  }
}
