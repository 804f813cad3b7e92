export { default as Banner } from './Banner.svelte';
export type { BannerProps } from './types';
