import katex from 'katex';
import 'katex/dist/katex.min.css';
import type { Attachment } from 'svelte/attachments';

/**
 * Renders LaTeX into the element with KaTeX's own DOM writer instead of `{@html}`:
 * `trust: false` refuses \href, \includegraphics and friends, and a parse error shows the
 * source in red instead of throwing.
 */
export function katexAttachment(latex: string, displayMode: boolean): Attachment<HTMLElement> {
  return (element) => {
    katex.render(latex, element, { throwOnError: false, trust: false, displayMode, output: 'htmlAndMathml', strict: 'ignore' });
    return () => {
      element.textContent = '';
    };
  };
}
