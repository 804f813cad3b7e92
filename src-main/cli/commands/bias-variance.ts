import type { BiasVarianceResult } from '../../../shared/core/regression/index';
import { phraseRegressionIssueLine, plainWriter } from '../../../shared/messages/index';
import { schemaIssuesOf } from '../../../shared/protocol/schema-issues';
import { biasVarianceCaseSchema } from '../../../shared/protocol/regression-schema';
import { tableNumber } from '../format';
import { cliLanguage, type CliLanguage } from '../language';
import type { CliCommand } from './types';

/** Machine form, the issue's format: `results` per degree (or k); with --datasets the training sets and the fresh test targets. */
export function biasVarianceToJson(result: BiasVarianceResult, withDatasets: boolean) {
  return {
    results: result.results.map((entry) => ({
      complexity: entry.complexity,
      bias2: entry.bias2,
      variance: entry.variance,
      noise: entry.noise,
      expected_error: entry.expected_error,
      test_error: entry.test_error,
      train_error: entry.train_error,
      mean_fit: entry.mean_fit,
    })),
    ...(withDatasets ? { datasets: result.datasets, test_targets: result.test_targets } : {}),
  };
}


/** A table: one line per complexity, the expected error beside the measured test error. */
export function biasVarianceToTable(result: BiasVarianceResult, family: 'polynomial' | 'knn', withDatasets: boolean, language: CliLanguage = cliLanguage('en')): string {
  const { say, num } = language;
  const which = say(family === 'polynomial' ? 'bv.degree' : 'bv.k');
  const header = [which, say('bv.bias2'), say('bv.variance'), say('bv.noise'), say('bv.expected'), say('bv.testError'), say('bv.trainError')];
  const rows = result.results.map((entry) => [num(entry.complexity), ...[entry.bias2, entry.variance, entry.noise, entry.expected_error, entry.test_error, entry.train_error].map((value) => num(tableNumber(value)))]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padStart(widths[column]!)).join('  ');
  const sets = result.datasets;
  const lines = [
    say('bv.truth', { truth: result.truth.text, sets: sets.length, points: sets[0]?.x.length ?? 0, tests: result.grid.length }),
    '',
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
    '',
    say('bv.explain1'),
    say('bv.explain2'),
    say('bv.best', { which, best: result.best }),
  ];
  if (withDatasets) {
    sets.forEach((set, r) => lines.push('', say('bv.setX', { index: r + 1, x: num(`[${set.x.join(', ')}]`) }), say('bv.setY', { y: num(`[${set.y.join(', ')}]`) })));
    lines.push('', say('bv.testTargets', { targets: num(`[${result.test_targets.join(', ')}]`) }));
  }
  return `${lines.join('\n')}\n`;
}

/** `bias-variance`: the decomposition of a case (truth, noise, n, R resamples, model family and complexities). */
export const biasVarianceCommand: CliCommand = {
  name: 'bias-variance',
  description: 'bias^2, variance, noise, expected and test error per polynomial degree or k-NN k over resampled training sets',
  descriptionFa: 'بایاس^۲، واریانس، نویز، خطای مورد انتظار و خطای آزمون برای هر درجهٔ چندجمله‌ای یا هر k در k-NN، روی مجموعه‌های آموزشی بازنمونه‌گیری‌شده',
  flags: [{ name: 'datasets', description: 'also print the training sets and the fresh test targets (the input format of "datasets")', descriptionFa: 'مجموعه‌های آموزشی و هدف‌های آزمون تازه را هم چاپ می‌کند (در قالب ورودی "datasets")' }],
  run(document, core, flags, language) {
    const parsed = biasVarianceCaseSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaIssuesOf(parsed.error).map(language.schemaLine) };
    const result = core.biasVariance({ case: parsed.data });
    if (!result.ok) return { text: '', json: undefined, errors: result.issues.map((issue) => phraseRegressionIssueLine(language.locale, issue, plainWriter(language.locale))) };
    const withDatasets = flags.has('datasets');
    return { text: biasVarianceToTable(result, parsed.data.model.family, withDatasets, language), json: biasVarianceToJson(result, withDatasets), errors: [] };
  },
};
