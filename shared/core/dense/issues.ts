/**
 * Problems with a dense-network document, as data: the field (a path as written in the
 * document, e.g. `widths[2]`, `data.x[3][1]`, `optimizer.lr`), a code and the values the
 * phrasing needs (as network/issues.ts's LayerIssue: code + values). `message` is the English
 * phrasing of `describeDenseIssue`, the one phrasing function; another language phrases the
 * same code and values.
 */
export type DenseIssueCode =
  /** a required field is missing */
  | 'required'
  /** the value has the wrong JSON type; values.expected names the type */
  | 'wrong_type'
  /** a number is NaN or infinite */
  | 'not_finite'
  /** a number is not a whole number */
  | 'not_integer'
  /** below values.min (values.exclusive = 1: must be greater than min) */
  | 'too_small'
  /** above values.max: a limit of the engine or of the field (values.exclusive = 1: must be less than max) */
  | 'too_large'
  /** not one of values.allowed */
  | 'not_one_of'
  /** a field the format does not have */
  | 'unknown_field'
  /** a list of the wrong length: values.expected, values.actual, values.what (what each entry is) */
  | 'wrong_length'
  /** two fields that cannot both be given, or disagree: values.other */
  | 'conflict'
  /** the run is too large: values.value (work units), values.max */
  | 'too_much_work'
  /** a field needs another one: values.other */
  | 'needs'
  /** the typed formula does not parse or reads names other than x: values.detail, values.position */
  | 'bad_formula'
  /** a bug: something escaped the checks (values.detail); the engine still answers */
  | 'internal';

export interface DenseIssue {
  field: string;
  code: DenseIssueCode;
  values: Record<string, string | number>;
  /** English, from describeDenseIssue (without the field). */
  message: string;
}

export type DenseFailure = { ok: false; issues: DenseIssue[] };

/** The English phrasing of an issue (the field is not included; see formatDenseIssue). */
export function describeDenseIssue(issue: Pick<DenseIssue, 'code' | 'values'>): string {
  const v = issue.values;
  const got = v.got !== undefined ? `, got ${v.got}` : '';
  switch (issue.code) {
    case 'required':
      return `is required${v.hint !== undefined ? ` (${v.hint})` : ''}`;
    case 'wrong_type':
      return `must be ${v.expected}${got}`;
    case 'not_finite':
      return `must be a finite number${got}`;
    case 'not_integer':
      return `must be a whole number${got}`;
    case 'too_small':
      return v.exclusive === 1 ? `must be greater than ${v.min}${got}` : `must be at least ${v.min}${got}`;
    case 'too_large':
      if (v.exclusive === 1) return `must be less than ${v.max}${got}`;
      return `must be at most ${v.max}${v.what !== undefined ? ` ${v.what}` : ''}${got}`;
    case 'not_one_of':
      return `must be one of ${v.allowed}${got}`;
    case 'unknown_field':
      return `unknown field "${v.name}"${v.known !== undefined ? `; the fields are ${v.known}` : ''}`;
    case 'wrong_length':
      return `needs ${v.expected} ${v.what ?? 'entries'}, got ${v.actual}`;
    case 'conflict':
      return `${v.detail ?? `cannot be given together with ${v.other}`}`;
    case 'too_much_work':
      return `makes ${v.value} ${v.unit ?? 'units of work'}; the engine takes at most ${v.max}${v.hint !== undefined ? ` (${v.hint})` : ''}`;
    case 'needs':
      return `needs ${v.other}`;
    case 'bad_formula':
      return `${v.detail}${v.position !== undefined ? ` (at character ${Number(v.position) + 1})` : ''}`;
    case 'internal':
      return `the engine failed: ${v.detail}`;
  }
}

/** `widths[2]: must be at most 256, got 300` */
export function formatDenseIssue(issue: DenseIssue): string {
  return issue.field ? `${issue.field}: ${issue.message}` : issue.message;
}

/** A short readable form of any JSON value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'an object';
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** At most this many issues per document: junk with a million bad cells still answers quickly. */
const MAX_ISSUES = 25;

/** `path('data', 'x', 3)` → `data.x[3]` */
export function joinPath(base: string, part: string | number): string {
  if (typeof part === 'number') return `${base}[${part}]`;
  return base ? `${base}.${part}` : part;
}

interface NumberRule {
  min?: number;
  /** min itself is not allowed */
  exclusiveMin?: boolean;
  max?: number;
  /** words after the limit in a too_large message, e.g. "(the engine's limit)" */
  maxWhat?: string;
}

/**
 * Reads the fields of a document defensively, collecting issues (with their English message).
 * Every reader returns a usable fallback after a problem, so one pass reports every field.
 */
export class IssueCollector {
  readonly issues: DenseIssue[] = [];

  get failed(): boolean {
    return this.issues.length > 0;
  }

  add(field: string, code: DenseIssueCode, values: Record<string, string | number> = {}): void {
    if (this.issues.length >= MAX_ISSUES) return;
    this.issues.push({ field, code, values, message: describeDenseIssue({ code, values }) });
  }

  /** The value as an object, or null (with an issue unless it is missing and optional). */
  object(value: unknown, field: string, required = true): Record<string, unknown> | null {
    if (value === undefined) {
      if (required) this.add(field, 'required');
      return null;
    }
    if (!isRecord(value)) {
      this.add(field, 'wrong_type', { expected: 'an object', got: describeValue(value) });
      return null;
    }
    return value;
  }

  /** Reports fields outside `known`. */
  onlyFields(record: Record<string, unknown>, field: string, known: readonly string[]): void {
    for (const name of Object.keys(record)) {
      if (!known.includes(name)) this.add(field, 'unknown_field', { name, known: known.join(', ') });
    }
  }

  number(value: unknown, field: string, rule: NumberRule = {}, fallback = 0): number {
    if (typeof value !== 'number') {
      if (value === undefined) this.add(field, 'required');
      else this.add(field, 'wrong_type', { expected: 'a number', got: describeValue(value) });
      return fallback;
    }
    if (!Number.isFinite(value)) {
      this.add(field, 'not_finite', { got: describeValue(value) });
      return fallback;
    }
    if (rule.min !== undefined && (rule.exclusiveMin ? value <= rule.min : value < rule.min)) {
      this.add(field, 'too_small', { min: rule.min, ...(rule.exclusiveMin ? { exclusive: 1 } : {}), got: value });
      return fallback;
    }
    if (rule.max !== undefined && value > rule.max) {
      this.add(field, 'too_large', { max: rule.max, ...(rule.maxWhat ? { what: rule.maxWhat } : {}), got: value });
      return fallback;
    }
    return value;
  }

  /** An optional number: `fallback` when missing. */
  optionalNumber(value: unknown, field: string, fallback: number, rule: NumberRule = {}): number {
    return value === undefined ? fallback : this.number(value, field, rule, fallback);
  }

  integer(value: unknown, field: string, rule: NumberRule = {}, fallback = 0): number {
    if (typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value)) {
      this.add(field, 'not_integer', { got: value });
      return fallback;
    }
    return this.number(value, field, rule, fallback);
  }

  optionalInteger(value: unknown, field: string, fallback: number, rule: NumberRule = {}): number {
    return value === undefined ? fallback : this.integer(value, field, rule, fallback);
  }

  boolean(value: unknown, field: string, fallback: boolean): boolean {
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.add(field, 'wrong_type', { expected: 'true or false', got: describeValue(value) });
    return fallback;
  }

  /** One of `allowed`; `fallback` when missing (undefined fallback: required). */
  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    if (value === undefined) this.add(field, 'required', { hint: `one of ${allowed.join(', ')}` });
    else this.add(field, 'not_one_of', { allowed: allowed.join(', '), got: describeValue(value) });
    return fallback ?? allowed[0]!;
  }

  /** A list (or null with an issue). */
  list(value: unknown, field: string, maxLength?: number, what?: string): unknown[] | null {
    if (!Array.isArray(value)) {
      if (value === undefined) this.add(field, 'required');
      else this.add(field, 'wrong_type', { expected: 'a list', got: describeValue(value) });
      return null;
    }
    if (maxLength !== undefined && value.length > maxLength) {
      this.add(field, 'too_large', { max: maxLength, what: what ?? 'entries', got: value.length });
      return null;
    }
    return value;
  }

  /**
   * A [rows][columns] matrix of finite numbers with the given shape (rows undefined: any count
   * up to maxRows, at least one). Returns it flat, row-major, or null after an issue.
   */
  matrix(value: unknown, field: string, shape: { rows?: number; columns: number; maxRows?: number; rowWhat?: string; columnWhat?: string }): { rows: number; data: Float64Array } | null {
    const rows = this.list(value, field, shape.maxRows, shape.rowWhat ?? 'rows');
    if (!rows) return null;
    if (shape.rows !== undefined && rows.length !== shape.rows) {
      this.add(field, 'wrong_length', { expected: shape.rows, actual: rows.length, what: shape.rowWhat ?? 'rows' });
      return null;
    }
    if (rows.length === 0) {
      this.add(field, 'too_small', { min: 1, what: shape.rowWhat ?? 'rows', got: 0 });
      return null;
    }
    const data = new Float64Array(rows.length * shape.columns);
    const before = this.issues.length;
    for (let r = 0; r < rows.length && this.issues.length - before < 5; r++) {
      const row = rows[r];
      const rowField = joinPath(field, r);
      if (!Array.isArray(row)) {
        this.add(rowField, 'wrong_type', { expected: `a list of ${shape.columns} numbers`, got: describeValue(row) });
        continue;
      }
      if (row.length !== shape.columns) {
        this.add(rowField, 'wrong_length', { expected: shape.columns, actual: row.length, what: shape.columnWhat ?? 'numbers' });
        continue;
      }
      for (let c = 0; c < shape.columns; c++) {
        const cell = row[c];
        if (typeof cell === 'number' && Number.isFinite(cell)) data[r * shape.columns + c] = cell;
        else {
          this.add(joinPath(rowField, c), typeof cell === 'number' ? 'not_finite' : 'wrong_type', typeof cell === 'number' ? { got: describeValue(cell) } : { expected: 'a number', got: describeValue(cell) });
          break;
        }
      }
    }
    return this.issues.length > before ? null : { rows: rows.length, data };
  }

  failure(): DenseFailure {
    return { ok: false, issues: this.issues };
  }
}

/** A failure for something that escaped the checks (a bug): the engine still answers. */
export function internalFailure(error: unknown): DenseFailure {
  const detail = error instanceof Error ? error.message : String(error);
  const values = { detail };
  return { ok: false, issues: [{ field: '', code: 'internal', values, message: describeDenseIssue({ code: 'internal', values }) }] };
}
