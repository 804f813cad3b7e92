import type { NetworkSpec } from '../../../shared/core/network/spec';
import type { Derivation, NetworkOverview } from '../../../shared/core/network/info';
import type { CoreError } from '../../../shared/protocol/messages';
import { LatestCall, type CoreClient } from '../core-client';

/**
 * The core's summary of the current network. Each `request` cancels the one still in
 * flight; a failed call keeps the last good summary on screen and reports the error.
 */
export class NetworkState {
  /** The last summary the core returned (null until the first one arrives). */
  summary: NetworkOverview | null = $state.raw(null);
  /** The spec `summary` describes; the view compares it with the current spec. */
  summarizedSpec: NetworkSpec | null = $state.raw(null);
  pending: boolean = $state(false);
  /** Why the last request failed (cleared by the next success). */
  error: CoreError | null = $state.raw(null);

  readonly #client: CoreClient;
  readonly #summary = new LatestCall();

  constructor(client: CoreClient) {
    this.#client = client;
  }

  request(spec: NetworkSpec): void {
    this.pending = true;
    this.#summary.run(
      (signal) => this.#client.summarize({ spec }, { signal }),
      (summary) => {
        this.summary = summary;
        this.summarizedSpec = spec;
        this.error = null;
        this.pending = false;
      },
      (error) => {
        this.error = error;
        this.pending = false;
      },
    );
  }

  /** Derivations of one layer (1-based index) of `spec`. */
  explain(spec: NetworkSpec, index: number, signal?: AbortSignal): Promise<Derivation[]> {
    return this.#client.explain({ spec, index }, signal ? { signal } : undefined);
  }

  dispose(): void {
    this.#summary.cancel();
  }
}
