import type { Attachment } from 'svelte/attachments';
import { createLinePlot, type LinePlot, type LinePlotOptions } from '../../../lib/viz/line-plot';

/** Mounts a line plot that follows its options (null: nothing yet). */
export function linePlot(options: () => LinePlotOptions | null): Attachment<HTMLDivElement> {
  return (node) => {
    let chart: LinePlot | null = null;
    $effect(() => {
      const next = options();
      if (!next) return;
      if (chart) chart.update(next);
      else chart = createLinePlot(node, next);
    });
    return () => chart?.destroy();
  };
}
