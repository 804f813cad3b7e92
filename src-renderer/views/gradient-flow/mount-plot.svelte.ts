import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Mounts a lib/viz factory on an element and keeps it in step with reactive options: the
 * factory is created once (the options read untracked), updated on every change, destroyed
 * with the element.
 */
export function mountPlot<O>(create: (node: HTMLElement, options: O) => { update(options: O): void; destroy(): void }, options: () => O): Attachment<HTMLElement> {
  return (node) => {
    const plot = untrack(() => create(node, options()));
    $effect(() => plot.update(options()));
    return () => plot.destroy();
  };
}
