export { default as Icon } from './Icon.svelte';
export type { IconProps } from './types';
export { ICONS, MIRRORED_ICONS, type IconName } from './icons';
