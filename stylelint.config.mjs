// @ts-check
/**
 * CSS lint: logical properties only (margin-inline-start, not margin-left; inline-size, not
 * width), so a right-to-left layout is the same stylesheet with `dir="rtl"` (STYLE.md 18).
 * Svelte files are read with postcss-html (their <style> blocks). A physical property is
 * allowed only behind a disable comment that says why
 * (`/* stylelint-disable-next-line liberty/use-logical-spec -- plots keep x to the right *\/`):
 * `reportDescriptionlessDisables` fails a disable without its reason.
 * @type {import('stylelint').Config}
 */
export default {
  plugins: ['stylelint-use-logical-spec'],
  reportDescriptionlessDisables: true,
  reportNeedlessDisables: true,
  reportInvalidScopeDisables: true,
  rules: {
    'liberty/use-logical-spec': 'always',
  },
  overrides: [{ files: ['**/*.svelte'], customSyntax: 'postcss-html' }],
  ignoreFiles: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**'],
};
