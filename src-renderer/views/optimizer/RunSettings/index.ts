export { default as RunSettings } from './RunSettings.svelte';
export type { RunSettingsProps } from './types';
