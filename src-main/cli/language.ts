import type { LayerIssue } from '../../shared/core/network/info';
import type { AnswerMark } from '../../shared/core/network/answers';
import type { TrainStop } from '../../shared/core/dense/train';
import type { DenseIssue } from '../../shared/core/dense/issues';
import type { FieldError } from '../../shared/core/optim/run';
import {
  phraseAnswerExpected,
  phraseAnswerReason,
  phraseBackpropIssue,
  phraseDenseIssue,
  phraseOptimizeError,
  phraseLayerIssue,
  phraseProjectError,
  phraseSchemaIssue,
  phraseTrainStop,
  plainWriter,
  type BackpropIssueMessage,
  type EngineLocale,
  type ValueWriter,
} from '../../shared/messages/index';
import type { ProjectError } from '../../shared/project/index';
import { describedIssue, type SchemaIssue } from '../../shared/protocol/schema-issues';
import { CLI_OUTPUT, type CliOutputKey } from './output-texts';

/** The languages `--lang` takes; English is the default. */
export const CLI_LOCALES: readonly EngineLocale[] = ['en', 'fa'];

export function isCliLocale(value: unknown): value is EngineLocale {
  return typeof value === 'string' && (CLI_LOCALES as readonly string[]).includes(value);
}

/** The CLI's own sentences (the engine's come from shared/messages, the same phrasebooks the app uses). */
const CLI_TEXTS = {
  en: {
    error: 'error: {message}',
    unknownCommand: 'unknown command "{name}"; known commands: {known}',
    noCommand: 'no command given; known commands: {known}',
    notAnOption: '--{flag} is not an option of {command}',
    oneFile: '{command} takes exactly one file path, or - for standard input',
    cannotRead: 'cannot read {source}: {detail}',
    notJson: '{source} is not valid JSON: {detail}',
    standardInput: 'standard input',
    badLang: '--lang must be one of {languages}, got "{value}"',
    notComputed: 'not computed: an earlier layer is invalid',
    notComputedCell: 'not computed',
    noBackpropCase: 'this project has no backprop case saved (tools.backprop)',
  },
  fa: {
    error: 'خطا: {message}',
    unknownCommand: 'فرمان ناشناختهٔ "{name}"؛ فرمان‌های شناخته: {known}',
    noCommand: 'فرمانی داده نشد؛ فرمان‌های شناخته: {known}',
    notAnOption: '--{flag} گزینهٔ {command} نیست',
    oneFile: '{command} دقیقاً یک مسیر پرونده می‌گیرد، یا - برای ورودی استاندارد',
    cannotRead: '{source} خوانده نشد: {detail}',
    notJson: '{source} JSON معتبری نیست: {detail}',
    standardInput: 'ورودی استاندارد',
    badLang: '--lang باید یکی از {languages} باشد، اما "{value}" است',
    notComputed: 'محاسبه نشد: لایه‌ای پیش از آن نامعتبر است',
    notComputedCell: 'محاسبه نشد',
    noBackpropCase: 'این پروژه مسئلهٔ پس‌انتشار ذخیره‌شده‌ای ندارد (tools.backprop)',
  },
} satisfies Record<EngineLocale, Record<string, string>>;

export type CliTextKey = keyof (typeof CLI_TEXTS)['en'];

/** How a command phrases what it reports, in the language `--lang` chose. */
export interface CliLanguage {
  locale: EngineLocale;
  text(key: CliTextKey, values?: Readonly<Record<string, string | number>>): string;
  layerIssue(issue: Pick<LayerIssue, 'code' | 'values' | 'field' | 'message'>): string;
  /** Why a project file did not open; a file refused for its content has each refused value phrased (its paths as typed). */
  projectError(error: Pick<ProjectError, 'code' | 'values' | 'message' | 'issues'>): string;
  /** A backprop case issue after its path (`input[0][2]: …`), the path as typed. */
  backpropIssue(issue: BackpropIssueMessage): string;
  /** A line of a command's human-readable output: number values in the language's digits, text values as they are. */
  say(key: CliOutputKey, values?: Readonly<Record<string, string | number>>): string;
  /** Number text ("3", "-1.5", "[1, 28, 28]", "1,234") in the language's digits; names keep theirs (conv2d). */
  num(text: string | number): string;
  answerReason(mark: Pick<AnswerMark, 'code' | 'values' | 'reason'>): string;
  answerExpected(mark: Pick<AnswerMark, 'expected' | 'expectedMessage'>): string;
  trainStop(stop: Pick<TrainStop, 'values' | 'message'>): string;
  /** A dense-engine issue after its field (`widths[0]: …`), as formatDenseIssue writes it in English. */
  denseIssue(issue: DenseIssue): string;
  /** An optimizer check after its field (`params.e: …`). */
  optimizeError(error: FieldError): string;
  /** A refusal of a document's schema as its message has it (a network spec's `layer 2: unknown type …`, a dense case's `widths[0]: …`). */
  schemaIssue(issue: Pick<SchemaIssue, 'message' | 'coded'>): string;
  /** A refusal as a "field: message" line (optimize-schema.ts's describeSchemaErrors: `model.degrees[1]: …`, unknown keys as `unknown field "x"`). */
  schemaLine(issue: SchemaIssue): string;
}

export function cliLanguage(locale: EngineLocale = 'en'): CliLanguage {
  const write: ValueWriter = plainWriter(locale);
  const texts: Record<CliTextKey, string> = CLI_TEXTS[locale];
  return {
    locale,
    // The CLI's own values (file names, command names) are written as they are.
    text: (key, values = {}) => texts[key].replace(/\{(\w+)\}/g, (match, name: string) => (values[name] === undefined ? match : String(values[name]))),
    layerIssue: (issue) => phraseLayerIssue(locale, issue, write),
    projectError: (error) => phraseProjectError(locale, error, write),
    backpropIssue: (issue) => phraseBackpropIssue(locale, issue, write),
    say: (key, values = {}) =>
      CLI_OUTPUT[locale][key].replace(/\{(\w+)\}/g, (match, name: string) => {
        const value = values[name];
        return value === undefined ? match : typeof value === 'number' ? write(value, name) : value;
      }),
    num: (text) => write(text, 'number'),
    answerReason: (mark) => phraseAnswerReason(locale, mark, write),
    answerExpected: (mark) => phraseAnswerExpected(locale, mark, write),
    trainStop: (stop) => phraseTrainStop(locale, { code: 'diverged', values: stop.values }, write, stop.message),
    denseIssue: (issue) => {
      const sentence = phraseDenseIssue(locale, issue, write);
      return issue.field ? `${issue.field}: ${sentence}` : sentence;
    },
    optimizeError: (error) => {
      const sentence = phraseOptimizeError(locale, error, write);
      return error.field ? `${error.field}: ${sentence}` : sentence;
    },
    schemaIssue: (issue) => phraseSchemaIssue(locale, issue, write),
    schemaLine: (issue) => {
      const described = describedIssue(issue);
      const sentence = phraseSchemaIssue(locale, described.issue, write);
      return described.path ? `${described.path}: ${sentence}` : sentence;
    },
  };
}

export const CLI_TEXT_TABLES = CLI_TEXTS;
