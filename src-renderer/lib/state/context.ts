import { createContext } from 'svelte';
import type { CoreClient, DocumentHost } from '../core-client';
import type { DocumentState } from './document.svelte';
import type { EngineStatusState } from './engine-status.svelte';
import type { NetworkState } from './network.svelte';
import type { ProjectState } from './project.svelte';

/** Everything the views share, set once by App and read through typed context. */
export interface AppState {
  client: CoreClient;
  host: DocumentHost;
  project: ProjectState;
  network: NetworkState;
  engine: EngineStatusState;
  document: DocumentState;
}

export const [getAppState, setAppState] = createContext<AppState>();
