const formats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is slow to construct; a table of thousands of cells reuses one per locale and options. */
export function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
