export { default as Tabs } from './Tabs.svelte';
export type { TabItem, TabsProps } from './types';
