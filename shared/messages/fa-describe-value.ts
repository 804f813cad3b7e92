/**
 * The core's describeValue forms (shared/core/network/format.ts: "nothing", "an object", "an
 * array of 12 values", "a function") in Persian, for every phrasebook that writes a refused
 * value; JSON strings, numbers, true/false/null and short arrays stay as written.
 */
export function describeValueFa(text: string): string {
  if (text === 'nothing') return 'هیچ مقداری';
  if (text === 'an object') return 'یک شیء';
  const array = /^an array of (\d+) values?$/.exec(text);
  if (array) return `آرایه‌ای با ${array[1]} مقدار`;
  const kind = /^a (function|symbol|bigint|undefined)$/.exec(text);
  if (kind) return `یک ${kind[1] === 'function' ? 'تابع' : kind[1]}`;
  return text;
}
