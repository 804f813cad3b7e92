import type KatexModule from 'katex';
import type { Attachment } from 'svelte/attachments';

type Katex = typeof KatexModule;

/**
 * KaTeX and its stylesheet (with its fonts) load on first use, not with the app: the Network
 * table appears without them (issue 10, speed), and a formula appears when its module arrives.
 */
let katexModule: Promise<Katex> | null = null;

export function loadKatex(): Promise<Katex> {
  katexModule ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default);
  return katexModule;
}

/**
 * Renders LaTeX into the element with KaTeX's own DOM writer instead of `{@html}`:
 * `trust: false` refuses \href, \includegraphics and friends, and a parse error shows the
 * source in red instead of throwing.
 */
export function katexAttachment(latex: string, displayMode: boolean): Attachment<HTMLElement> {
  return (element) => {
    let live = true;
    void loadKatex().then((katex) => {
      if (live) katex.render(latex, element, { throwOnError: false, trust: false, displayMode, output: 'htmlAndMathml', strict: 'ignore' });
    });
    return () => {
      live = false;
      element.textContent = '';
    };
  };
}
