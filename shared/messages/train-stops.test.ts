import { describe, expect, it } from 'vitest';
import { trainNetwork } from '../core/dense/train';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';
import { phraseTrainStop, trainStopBooks } from './train-stops';
import type { TrainStopCode } from './en-train-stops';

/** A run that diverges (the dense engine's own test case): the loss becomes non-finite. */
async function divergedStop() {
  const result = await trainNetwork({ run: { input_dim: 1, widths: [], weights: [[[1]]], biases: [[0]], data: { x: [[100]], y: [[0]] }, optimizer: { type: 'sgd', lr: 10 }, epochs: 1000 } });
  if (!result.ok || !result.stopped) throw new Error('the run did not stop');
  return result.stopped;
}

describe('why a training run stopped, phrased from code and values', () => {
  it('English is word for word the trainer message; Persian is a Persian sentence with Persian digits', async () => {
    const stop = await divergedStop();
    const message = { code: 'diverged' as const, values: stop.values };
    expect(phraseTrainStop('en', message, plainWriter('en'), stop.message)).toBe(stop.message);
    const persian = phraseTrainStop('fa', message, plainWriter('fa'), stop.message);
    expect(persian).toMatch(/^در گام [۰-۹]+ \(دورهٔ [۰-۹]+\) متوقف شد: اتلاف (NaN|-?Infinity|[۰-۹٫e+]+) شد؛ آموزش واگرا شد\. نرخ یادگیری را کمتر از ۱۰ بگذارید\.$/);
  });

  it('without a message as data the English fallback stays', () => {
    expect(phraseTrainStop('fa', null, plainWriter('fa'), 'the English')).toBe('the English');
  });

  it('every code has both languages', () => {
    expectTranslated(trainStopBooks.en, trainStopBooks.fa, Object.keys(trainStopBooks.en.codes) as TrainStopCode[]);
  });
});
