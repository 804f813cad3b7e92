import type { DoubleDescentResult } from '../../../shared/core/regression/index';
import { phraseRegressionIssueLine, plainWriter } from '../../../shared/messages/index';
import { schemaIssuesOf } from '../../../shared/protocol/schema-issues';
import { doubleDescentCaseSchema } from '../../../shared/protocol/regression-schema';
import { tableNumber } from '../format';
import { cliLanguage, type CliLanguage } from '../language';
import type { CliCommand } from './types';

/** Machine form: per p the train error and the test error (against the noiseless truth); with --features the draw and the training data. */
export function doubleDescentToJson(result: DoubleDescentResult, withFeatures: boolean) {
  return {
    results: result.results.map((entry) => ({ features: entry.features, train_error: entry.train_error, test_error: entry.test_error })),
    interpolation_threshold: result.threshold,
    peak: result.peak,
    ...(withFeatures ? { w: result.w, b: result.b, train: result.train } : {}),
  };
}


export function doubleDescentToTable(result: DoubleDescentResult, withFeatures: boolean, language: CliLanguage = cliLanguage('en')): string {
  const { say, num } = language;
  const header = ['p', say('dd.trainError'), say('dd.testError'), '||c||'];
  const rows = result.results.map((entry) => [num(entry.features), num(tableNumber(entry.train_error)), num(tableNumber(entry.test_error)), num(tableNumber(entry.coefficient_norm))]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  const marks = (p: number) => [p === result.threshold ? say('dd.threshold') : '', p === result.peak ? say('dd.peak') : ''].filter(Boolean).join(say('list.separator'));
  const lines = [
    say('dd.truth', { truth: result.truth.text, n: result.train.x.length }),
    '',
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map((row, i) => {
      const mark = marks(result.results[i]!.features);
      return mark ? `${line(row)}  <- ${mark}` : line(row);
    }),
  ];
  if (withFeatures) {
    lines.push('', `w = ${num(`[${result.w.join(', ')}]`)}`, `b = ${num(`[${result.b.join(', ')}]`)}`, say('dd.trainX', { values: num(`[${result.train.x.join(', ')}]`) }), say('dd.trainY', { values: num(`[${result.train.y.join(', ')}]`) }));
  }
  return `${lines.join('\n')}\n`;
}

/** `double-descent`: test error against the number of random ReLU features, with its peak at p = n. */
export const doubleDescentCommand: CliCommand = {
  name: 'double-descent',
  description: 'train and test error of random ReLU features for p = 1..P (minimum-norm or ridge): the peak at p = n',
  descriptionFa: 'خطای آموزش و آزمون ویژگی‌های تصادفی ReLU برای p = ۱..P (کمترین نرم یا ridge): قله در p = n',
  flags: [{ name: 'features', description: 'also print the drawn w, b and the training data', descriptionFa: 'w و b کشیده‌شده و دادهٔ آموزشی را هم چاپ می‌کند' }],
  run(document, core, flags, language) {
    const parsed = doubleDescentCaseSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaIssuesOf(parsed.error).map(language.schemaLine) };
    const result = core.doubleDescent({ case: parsed.data });
    if (!result.ok) return { text: '', json: undefined, errors: result.issues.map((issue) => phraseRegressionIssueLine(language.locale, issue, plainWriter(language.locale))) };
    const withFeatures = flags.has('features');
    return { text: doubleDescentToTable(result, withFeatures, language), json: doubleDescentToJson(result, withFeatures), errors: [] };
  },
};
