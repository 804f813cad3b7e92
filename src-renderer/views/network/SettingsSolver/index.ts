export { default as SettingsSolver } from './SettingsSolver.svelte';
export type { SettingsSolverProps } from './types';
