export { getAppState, setAppState, type AppState } from './context';
export { DocumentState, type FileNotice } from './document.svelte';
export { EngineStatusState } from './engine-status.svelte';
export { EditHistory } from './history.svelte';
export { NetworkState } from './network.svelte';
export { OptimizerState, STARTER_PROBLEM, parameterNamesOf } from './optimizer.svelte';
export { ProjectState, type DocumentLocation } from './project.svelte';
export { LocaleState } from './locale.svelte';
export { AppearanceState } from './appearance.svelte';
