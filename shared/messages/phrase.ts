/**
 * One way to phrase an engine message (a code with values) in a language: a phrasebook holds
 * one template per code, `{name}` for a value and `{name:table}` for a value that is itself a
 * code, looked up in the phrasebook's `tables` and filled from the same values ("must be
 * {expected:expectation}" with expected = 'number_between' → "a number between {minimum} and
 * {maximum}"). The caller says how a value is written (digits, bidi isolation): the renderer
 * through its locale, the CLI as plain text.
 */

export type EngineLocale = 'en' | 'fa';
export const ENGINE_LOCALES: readonly EngineLocale[] = ['en', 'fa'];

export type MessageValues = Readonly<Record<string, string | number>>;

/** A message as data: what the core, the project reader and the parsers send. */
export interface EngineMessage<Code extends string = string> {
  code: Code;
  values: MessageValues;
}

/**
 * What a value is, for its writer: 'name' for a value that is a name (a column, a parameter, a
 * layer type: x1, w2, conv2d), written as typed with its Latin digits; 'value' for anything else,
 * whose numbers take the language's digits.
 */
export type ValueKind = 'value' | 'name';

/** How one value goes into a sentence; `name` is its placeholder, `kind` what the phrasebook says the value is. */
export type ValueWriter = (value: string | number, name: string, kind?: ValueKind) => string;

export interface Phrasebook<Code extends string> {
  /** One template per code. */
  codes: Readonly<Record<Code, string>>;
  /** Sub-phrases for values that are codes: table name → value → template. */
  tables?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Value names that hold the core's `describeValue` text ("nothing", "an object", "[3, 0]"),
   * rewritten by `describeValue` below before they are written.
   */
  described?: readonly string[];
  describeValue?: (text: string) => string;
  /**
   * Value names that hold names (columns, parameters, lists of them): written with kind 'name',
   * so their digits stay Latin whatever the language (x1, not x۱).
   */
  names?: readonly string[];
}

const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g;

/** The names a template uses, tables included (for the tests). */
export function placeholdersOf(template: string): { name: string; table?: string }[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => (match[2] ? { name: match[1]!, table: match[2] } : { name: match[1]! }));
}

/**
 * Fills `template` from `values`. A missing value leaves its placeholder visible (a test
 * forbids that for every code), a table value that is not in the table is written as it is.
 */
export function fill<Code extends string>(book: Phrasebook<Code>, template: string, values: MessageValues, write: ValueWriter): string {
  const kind = (name: string): ValueKind => (book.names?.includes(name) ? 'name' : 'value');
  return template.replace(PLACEHOLDER, (match, name: string, table: string | undefined) => {
    const value = values[name];
    if (value === undefined) return match;
    if (table) {
      const sub = book.tables?.[table]?.[String(value)];
      return sub === undefined ? write(value, name, kind(name)) : fill(book, sub, values, write);
    }
    const text = typeof value === 'string' && book.described?.includes(name) && book.describeValue ? book.describeValue(value) : value;
    return write(text, name, kind(name));
  });
}

/** A message in the phrasebook's language; a code the book does not know falls back to `fallback` (the English `message`). */
export function phrase<Code extends string>(book: Phrasebook<Code>, message: EngineMessage<Code>, write: ValueWriter, fallback = ''): string {
  const template = Object.hasOwn(book.codes, message.code) ? book.codes[message.code] : undefined;
  return template === undefined ? fallback : fill(book, template, message.values, write);
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/**
 * The numbers inside a value's text ("[3, -1]", "5x3", "9.007e+15"): digits after a letter are
 * part of a name, not a number, at a word's end too (x1, w2, p59, conv2d, dropout2d); only the
 * x between the numbers of a shape (5x3, 64x62x62) is not a letter. (An earlier form also took
 * digits at the end of a word, which was how 5x3's 3 was reached before shapes had their own
 * rule; it turned x1 into x۱.) An exponent written without its sign (1e999) is a number too, as
 * 9.007e+15's is. A value known to be a name is not searched at all (ValueKind).
 */
const NUMBER_IN_TEXT = /(?:(?<![A-Za-z_\d])(?<![A-Za-z_\d]\.)|(?<=(?:^|[^A-Za-z_\d.])\d+(?:x\d+)*x)|(?<=(?:^|[^A-Za-z_\d.])\d+(?:\.\d+)?e))-?\d+(?:\.\d+)?/g;

/** `text` with each number in it rewritten by `write` (the renderer's and the CLI's digits both go through here). */
export function mapNumbersIn(text: string, write: (number: string) => string): string {
  return text.replace(NUMBER_IN_TEXT, write);
}

/**
 * Number text ("-3", "1.153e+18", "[3, 128]", "9,007,199,254,740,991") in Persian digits, with
 * the Persian decimal point and thousands separator between digits, for a writer that has no
 * Intl locale at hand (the CLI). Names keep their digits (conv2d, x1). The renderer writes numbers
 * through its own locale instead.
 */
export function persianDigits(text: string): string {
  return mapNumbersIn(text.replace(/(?<=\d),(?=\d{3})/g, '٬'), (number) =>
    number.replace(/(?<=\d)\.(?=\d)/, '٫').replace(/\d/g, (digit) => PERSIAN_DIGITS[Number(digit)]!),
  );
}

/** The plain writer: English as it is; Persian with Persian digits (the CLI's `--lang fa`). */
export function plainWriter(locale: EngineLocale): ValueWriter {
  return locale === 'fa' ? (value, _name, kind) => (kind === 'name' ? String(value) : persianDigits(String(value))) : (value) => String(value);
}

/** A translation of an English phrasebook `T` with `codes` and `tables`: the same codes and table entries (typecheck enforces). */
export type TranslatedBook<T extends { codes: object; tables: object }> = {
  codes: Record<keyof T['codes'], string>;
  tables: { [Table in keyof T['tables']]: Record<keyof T['tables'][Table], string> };
};
