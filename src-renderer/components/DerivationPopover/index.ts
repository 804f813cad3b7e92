export { default as DerivationPopoverHost } from './DerivationPopoverHost.svelte';
export { closeDerivation, openDerivation, type DerivationRequest, type LabelledDerivation } from './derivation-popover.svelte';
