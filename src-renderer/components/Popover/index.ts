export { default as Popover } from './Popover.svelte';
export type { PopoverProps } from './types';
export { placePopover, type PopoverPlacement } from './position';
