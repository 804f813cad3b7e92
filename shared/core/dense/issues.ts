import type { ParseErrorCode } from '../expr/parse';
import { reportCaughtError } from '../internal-error';

/**
 * Problems with a dense-network document, as data: the field (a path as written in the
 * document, e.g. `widths[2]`, `data.x[3][1]`, `optimizer.lr`), a code and the values the
 * phrasing needs (as network/issues.ts's LayerIssue: code + values). Values are data only:
 * numbers, field and scheme names, the value found (`got`, as JSON) and tokens from the small
 * vocabularies below (`of`, `expected`, `measure`, `reason`), never English words, so another
 * language phrases the same code and values. `message` is the English phrasing of
 * `describeDenseIssue`, the one phrasing function.
 */
export type DenseIssueCode =
  /** a required field is missing (values.alternative: another field that may stand for it) */
  | 'required'
  /** the value has the wrong JSON type: values.expected (a TypeToken), values.got */
  | 'wrong_type'
  /** a number is NaN or infinite */
  | 'not_finite'
  /** a number is not a whole number */
  | 'not_integer'
  /** below values.min (values.exclusive = 1: must be greater than min) */
  | 'too_small'
  /** above values.max (values.exclusive = 1: must be less than max); values.of (a CountToken): what is counted */
  | 'too_large'
  /** not one of values.allowed (comma-separated names or numbers) */
  | 'not_one_of'
  /** a field the format does not have: values.name, values.known */
  | 'unknown_field'
  /** a list of the wrong length: values.expected, values.actual, values.of (a CountToken), values.layer or values.dim where it says */
  | 'wrong_length'
  /** this field and values.other cannot both be given */
  | 'exclusive_fields'
  /** values.parameter (a, std, gain) does not belong to values.scheme; values.accepted: the schemes that take it */
  | 'not_for_scheme'
  /** Nesterov momentum is written in PyTorch's form only */
  | 'nesterov_needs_pytorch_form'
  /** this field needs values.other */
  | 'needs'
  /** the run is too large: values.value, values.max, values.measure (a WorkToken) */
  | 'too_much_work'
  /**
   * the typed formula: values.reason `syntax` (values.syntax, the parser's code, with the parser's
   * values beside it, and values.detail, its English without the position; values.position),
   * `names` (values.names), `not_finite` (values.x, values.value); see `formulaSyntaxValues`
   */
  | 'bad_formula'
  /** a bug: something escaped the checks (values.detail); the engine still answers */
  | 'internal';

/** What a wrong_type issue expected. */
export type TypeToken = 'number' | 'list' | 'object' | 'boolean' | 'text' | 'init' | 'rectangle' | 'number_list';
/** What a wrong_length or too_large issue counts. */
export type CountToken =
  | 'entries'
  | 'hidden_layers'
  | 'layers'
  | 'unit_rows'
  | 'input_weights'
  | 'unit_biases'
  | 'samples'
  | 'rows_of_x'
  | 'inputs'
  | 'targets'
  | 'class_index'
  | 'interval'
  | 'hidden_layers_2d'
  | 'units_2d';
/** The measure of a too_much_work issue. */
export type WorkToken = 'samples_x_parameters' | 'epochs_x_samples_x_parameters' | 'batch_rows_x_units' | 'recorded_steps' | 'pieces' | 'regions';

export interface DenseIssue {
  field: string;
  code: DenseIssueCode;
  values: Record<string, string | number>;
  /** English, from describeDenseIssue (without the field). */
  message: string;
}

export type DenseFailure = { ok: false; issues: DenseIssue[] };

const TYPE_WORDS: Record<TypeToken, string> = {
  number: 'a number',
  list: 'a list',
  object: 'an object',
  boolean: 'true or false',
  text: 'text',
  init: 'a scheme name or {"scheme", "a"?, "std"?, "gain"?}',
  rectangle: 'a rectangle [[x0, x1], [y0, y1]]',
  number_list: 'a list of numbers',
};

function countWords(v: Record<string, string | number>): string {
  switch (v.of as CountToken | undefined) {
    case 'hidden_layers':
      return 'hidden layers';
    case 'layers':
      return 'layers (the hidden layers, then the output layer)';
    case 'unit_rows':
      return `rows (one per unit of layer ${v.layer})`;
    case 'input_weights':
      return `weights (one per input of layer ${v.layer})`;
    case 'unit_biases':
      return `biases (one per unit of layer ${v.layer})`;
    case 'samples':
      return 'samples';
    case 'rows_of_x':
      return 'rows (one per row of x)';
    case 'inputs':
      return `inputs (input_dim is ${v.dim})`;
    case 'targets':
      return `targets (output_dim is ${v.dim})`;
    case 'class_index':
      return `(a class index below output_dim ${v.dim})`;
    case 'interval':
      return 'numbers [lo, hi]';
    case 'hidden_layers_2d':
      return 'hidden layers for 2-D regions';
    case 'units_2d':
      return 'units for 2-D regions';
    default:
      return 'entries';
  }
}

const WORK_WORDS: Record<WorkToken, [string, string]> = {
  samples_x_parameters: ['samples x parameters', 'use fewer samples or a smaller network'],
  epochs_x_samples_x_parameters: ['epochs x samples x parameters', 'use fewer epochs, fewer samples or a smaller network'],
  batch_rows_x_units: ['batch rows x units', 'use fewer samples per batch or a smaller network'],
  recorded_steps: ['steps to record', 'use fewer epochs or larger batches'],
  pieces: ['pieces', 'use a smaller network or domain'],
  regions: ['regions', 'use a smaller network or domain'],
};

/** The English phrasing of an issue (the field is not included; see formatDenseIssue). */
export function describeDenseIssue(issue: Pick<DenseIssue, 'code' | 'values'>): string {
  const v = issue.values;
  const got = v.got !== undefined ? `, got ${v.got}` : '';
  switch (issue.code) {
    case 'required':
      return v.alternative !== undefined ? `is required (or "${v.alternative}")` : 'is required';
    case 'wrong_type':
      return `must be ${TYPE_WORDS[v.expected as TypeToken] ?? String(v.expected)}${got}`;
    case 'not_finite':
      return `must be a finite number${got}`;
    case 'not_integer':
      return `must be a whole number${got}`;
    case 'too_small':
      return v.exclusive === 1 ? `must be greater than ${v.min}${got}` : `must be at least ${v.min}${got}`;
    case 'too_large':
      if (v.exclusive === 1) return `must be less than ${v.max}${got}`;
      return `must be at most ${v.max}${v.of !== undefined ? ` ${countWords(v)}` : ''}${got}`;
    case 'not_one_of':
      return `must be one of ${v.allowed}${got}`;
    case 'unknown_field':
      return `unknown field "${v.name}"${v.known !== undefined ? `; the fields are ${v.known}` : ''}`;
    case 'wrong_length':
      return `needs ${v.expected} ${countWords(v)}, got ${v.actual}`;
    case 'exclusive_fields':
      return `give either this or "${v.other}", not both`;
    case 'not_for_scheme':
      return `the ${v.scheme} scheme takes no ${v.parameter}; the schemes with a ${v.parameter} are ${v.accepted}`;
    case 'nesterov_needs_pytorch_form':
      return 'Nesterov momentum is given in PyTorch\'s form: set "form": "pytorch", or "nesterov": false';
    case 'needs':
      return `needs ${v.other}`;
    case 'too_much_work': {
      const [measure, hint] = WORK_WORDS[v.measure as WorkToken] ?? ['units of work', 'use a smaller run'];
      return `makes ${v.value} ${measure}; the engine takes at most ${v.max} (${hint})`;
    }
    case 'bad_formula':
      if (v.reason === 'names') return `the formula may read only x, not ${v.names}`;
      if (v.reason === 'not_finite') return `the formula is ${v.value} at x = ${v.x}; it must be finite on the whole domain`;
      return `${v.detail}${v.position !== undefined ? ` (at character ${Number(v.position) + 1})` : ''}`;
    case 'internal':
      return `the engine failed: ${v.detail}`;
  }
}

/**
 * The values of a `bad_formula` issue for a formula that does not parse: the parser's code (as
 * `syntax`) and values, so shared/messages phrases it in any language through the expression
 * parser's phrasebook, and `detail`, the English sentence (`english`, the parser's or a caller's
 * wording of it) without its "(at character n)", which the issue adds once from `position`.
 */
export function formulaSyntaxValues(error: { code: ParseErrorCode; values: Readonly<Record<string, string | number>>; position: number }, english: string): Record<string, string | number> {
  return { ...error.values, reason: 'syntax', syntax: error.code, detail: english.replace(/ \(at character \d+\)$/, ''), position: error.position };
}

/** `widths[2]: must be at most 256, got 300` */
export function formatDenseIssue(issue: DenseIssue): string {
  return issue.field ? `${issue.field}: ${issue.message}` : issue.message;
}

/** A short JSON-like form of any value for an issue's `got` (no words: it reads the same in any language). */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[…]';
  return '{…}';
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
  /** what a too_large limit counts, and its dimension (class_index: output_dim) */
  of?: CountToken;
  dim?: number;
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
      this.add(field, 'wrong_type', { expected: 'object', got: describeValue(value) });
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
      else this.add(field, 'wrong_type', { expected: 'number', got: describeValue(value) });
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
      this.add(field, 'too_large', { max: rule.max, ...(rule.of ? { of: rule.of } : {}), ...(rule.dim !== undefined ? { dim: rule.dim } : {}), got: value });
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
    this.add(field, 'wrong_type', { expected: 'boolean', got: describeValue(value) });
    return fallback;
  }

  /** One of `allowed`; `fallback` when missing (undefined fallback: required). */
  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback?: T): T {
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.add(field, value === undefined ? 'required' : 'not_one_of', value === undefined ? {} : { allowed: allowed.join(', '), got: describeValue(value) });
    return fallback ?? allowed[0]!;
  }

  /** A list (or null with an issue). */
  list(value: unknown, field: string, maxLength?: number, of: CountToken = 'entries'): unknown[] | null {
    if (!Array.isArray(value)) {
      if (value === undefined) this.add(field, 'required');
      else this.add(field, 'wrong_type', { expected: 'list', got: describeValue(value) });
      return null;
    }
    if (maxLength !== undefined && value.length > maxLength) {
      this.add(field, 'too_large', { max: maxLength, of, got: value.length });
      return null;
    }
    // A sparse list's holes become undefined, so every entry is checked (map and forEach skip holes).
    return Array.from(value);
  }

  /**
   * A [rows][columns] matrix of finite numbers with the given shape (rows undefined: any count
   * up to maxRows, at least one). Returns it flat, row-major, or null after an issue. `rowsOf`
   * and `columnsOf` say what the rows and columns are (with `layer` or `dim` where they need it).
   */
  matrix(
    value: unknown,
    field: string,
    shape: { rows?: number; columns: number; maxRows?: number; rowsOf: CountToken; columnsOf: CountToken; layer?: number; rowDim?: number; columnDim?: number },
  ): { rows: number; data: Float64Array } | null {
    const rows = this.list(value, field, shape.maxRows, shape.rowsOf);
    if (!rows) return null;
    const layer: Record<string, number> = shape.layer !== undefined ? { layer: shape.layer } : {};
    if (shape.rows !== undefined && rows.length !== shape.rows) {
      this.add(field, 'wrong_length', { expected: shape.rows, actual: rows.length, of: shape.rowsOf, ...layer, ...(shape.rowDim !== undefined ? { dim: shape.rowDim } : {}) });
      return null;
    }
    if (rows.length === 0) {
      this.add(field, 'too_small', { min: 1, got: 0 });
      return null;
    }
    const data = new Float64Array(rows.length * shape.columns);
    const before = this.issues.length;
    for (let r = 0; r < rows.length && this.issues.length - before < 5; r++) {
      const row = rows[r];
      const rowField = joinPath(field, r);
      if (!Array.isArray(row)) {
        this.add(rowField, 'wrong_type', { expected: 'number_list', got: describeValue(row) });
        continue;
      }
      if (row.length !== shape.columns) {
        this.add(rowField, 'wrong_length', { expected: shape.columns, actual: row.length, of: shape.columnsOf, ...layer, ...(shape.columnDim !== undefined ? { dim: shape.columnDim } : {}) });
        continue;
      }
      for (let c = 0; c < shape.columns; c++) {
        const cell = row[c];
        if (typeof cell === 'number' && Number.isFinite(cell)) data[r * shape.columns + c] = cell;
        else {
          this.add(joinPath(rowField, c), typeof cell === 'number' ? 'not_finite' : 'wrong_type', typeof cell === 'number' ? { got: describeValue(cell) } : { expected: 'number', got: describeValue(cell) });
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

/**
 * A failure for something that escaped the checks (a bug): the engine still answers, and the
 * net reports what it caught (shared/core/internal-error.ts), so the fuzz counts it as a finding.
 * `where` names the net (the core method, and which part: "trainNetwork (check)").
 */
export function internalFailure(where: string, error: unknown): DenseFailure {
  reportCaughtError(where, error);
  const detail = error instanceof Error ? error.message : String(error);
  const values = { detail };
  return { ok: false, issues: [{ field: '', code: 'internal', values, message: describeDenseIssue({ code: 'internal', values }) }] };
}
