import { progressPacer, type Cooperation } from '../cooperation';
import { namesOf } from '../expr/ast';
import { compileModel } from '../expr/compile';
import { tryParseExpression } from '../expr/parse';
import { toLatex, toText } from '../expr/print';
import type { OptimizerConfig } from '../optim/optimizers';
import { ACTIVATIONS, type Activation } from './activation';
import { isCancellation, parameterCount } from './gradient-flow';
import { describeValue, formulaSyntaxValues, internalFailure, IssueCollector, type DenseFailure } from './issues';
import { evaluateOutputs } from './mlp';
import { readOptimizer } from './optimizer';
import { MAX_SAWTOOTH_DEPTH, sawtoothValue } from './presets';
import { RegionLimitExceeded, regions1d } from './regions';
import { DENSE_LIMITS, readInit, type DataSet, type NetworkConfig } from './spec';
import { Trainer, TRAIN_LIMITS, type EpochRecord } from './train';

/**
 * Same budget, two shapes (the depth lab, Q2d): a deep-narrow network (`depth` hidden layers
 * of one width) and a shallow-wide one (one hidden layer) with parameter counts as close to
 * the same budget as whole widths allow, trained side by side on the same 1-D target (the
 * sawtooth of depth k, or a formula in x typed in the optimizer's expression language), full
 * batch, mean squared error. Both counts are stated; both fits (on a grid) and both loss
 * curves come back.
 */
export interface BudgetComparison {
  target: { kind: 'sawtooth'; k: number } | { kind: 'formula'; text: string; latex: string; evaluate(x: number): number };
  domain: [number, number];
  depth: number;
  /** the deep net's width, given or solved from the budget */
  deepWidth: number;
  budget: number;
  shallowWidth: number;
  activation: Activation;
  network: Pick<NetworkConfig, 'init' | 'seed'>;
  optimizer: OptimizerConfig;
  epochs: number;
  samples: number;
  grid: number;
}

export const BUDGET_FIELDS = ['target', 'domain', 'depth', 'width', 'budget', 'activation', 'init', 'gain', 'seed', 'optimizer', 'epochs', 'samples', 'grid'] as const;
/** The shallow network may be wider than the engine's usual width limit (one input, one hidden layer). */
export const MAX_SHALLOW_WIDTH = 4096;

/** Parameters of a 1-input, 1-output network with `depth` hidden layers of `width` units. */
export function shapeParameters(depth: number, width: number): number {
  return parameterCount([1, ...Array.from({ length: depth }, () => width), 1]);
}

/** The width (1..maxWidth) whose count is nearest the budget (the narrower on a tie). */
export function widthForBudget(depth: number, budget: number, maxWidth: number): number {
  let best = 1;
  for (let width = 1; width <= maxWidth; width++) {
    if (Math.abs(shapeParameters(depth, width) - budget) < Math.abs(shapeParameters(depth, best) - budget)) best = width;
    if (shapeParameters(depth, width) > budget) break;
  }
  return best;
}

export function checkBudgetComparison(value: unknown): { ok: true; value: BudgetComparison } | DenseFailure {
  try {
    const c = new IssueCollector();
    const doc = c.object(value, '');
    if (!doc) return c.failure();
    c.onlyFields(doc, '', BUDGET_FIELDS);
    let target: BudgetComparison['target'] | null = null;
    const targetDoc = c.object(doc.target, 'target');
    if (targetDoc) {
      c.onlyFields(targetDoc, 'target', ['sawtooth', 'formula']);
      if (targetDoc.sawtooth !== undefined && targetDoc.formula !== undefined) c.add('target.formula', 'exclusive_fields', { other: 'target.sawtooth' });
      else if (targetDoc.sawtooth !== undefined) target = { kind: 'sawtooth', k: c.integer(targetDoc.sawtooth, 'target.sawtooth', { min: 1, max: MAX_SAWTOOTH_DEPTH }, 1) };
      else if (typeof targetDoc.formula === 'string') target = readFormula(c, targetDoc.formula);
      else c.add('target.formula', targetDoc.formula === undefined ? 'required' : 'wrong_type', targetDoc.formula === undefined ? { alternative: 'target.sawtooth' } : { expected: 'text', got: describeValue(targetDoc.formula) });
    }
    const sawtoothK = target?.kind === 'sawtooth' ? target.k : null;
    const domain = readDomain(c, doc.domain);
    const depth = c.optionalInteger(doc.depth, 'depth', sawtoothK ?? 4, { min: 1, max: DENSE_LIMITS.maxDepth });
    let deepWidth = c.optionalInteger(doc.width, 'width', sawtoothK !== null ? 2 : 8, { min: 1, max: DENSE_LIMITS.maxWidth });
    let budget = shapeParameters(depth, deepWidth);
    if (doc.budget !== undefined) {
      if (doc.width !== undefined) c.add('budget', 'exclusive_fields', { other: 'width' });
      budget = c.integer(doc.budget, 'budget', { min: shapeParameters(depth, 1), max: shapeParameters(1, MAX_SHALLOW_WIDTH) }, budget);
      deepWidth = widthForBudget(depth, budget, DENSE_LIMITS.maxWidth);
    }
    const shallowWidth = widthForBudget(1, budget, MAX_SHALLOW_WIDTH);
    const activation = c.oneOf(doc.activation, 'activation', ACTIVATIONS, 'relu');
    const init = readInit(c, doc.init, doc.gain);
    const seed = c.optionalInteger(doc.seed, 'seed', 0, { min: 0, max: 4294967295 });
    const optimizer = doc.optimizer === undefined ? ({ type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const) : readOptimizer(c, doc.optimizer);
    const epochs = c.optionalInteger(doc.epochs, 'epochs', 1000, { min: 1, max: TRAIN_LIMITS.maxEpochs });
    const samples = c.optionalInteger(doc.samples, 'samples', 256, { min: 2, max: DENSE_LIMITS.maxSamples });
    const grid = c.optionalInteger(doc.grid, 'grid', 512, { min: 2, max: 4096 });
    if (!target || !domain || c.failed) return c.failure();
    const work = epochs * samples * (shapeParameters(depth, deepWidth) + shapeParameters(1, shallowWidth));
    if (work > TRAIN_LIMITS.maxWork) c.add('epochs', 'too_much_work', { value: work, max: TRAIN_LIMITS.maxWork, measure: 'epochs_x_samples_x_parameters' });
    if (c.failed) return c.failure();
    return { ok: true, value: { target, domain, depth, deepWidth, budget, shallowWidth, activation, network: { init, seed }, optimizer, epochs, samples, grid } };
  } catch (error) {
    return internalFailure('sameBudget (check)', error);
  }
}

function readDomain(c: IssueCollector, value: unknown): [number, number] | null {
  if (value === undefined) return [0, 1];
  const list = c.list(value, 'domain');
  if (!list) return null;
  if (list.length !== 2) {
    c.add('domain', 'wrong_length', { expected: 2, actual: list.length, of: 'interval' });
    return null;
  }
  const lo = c.number(list[0], 'domain[0]');
  const hi = c.number(list[1], 'domain[1]');
  if (!(hi > lo)) {
    c.add('domain[1]', 'too_small', { min: lo, exclusive: 1, got: hi });
    return null;
  }
  return [lo, hi];
}

/** A formula in x (the optimizer's expression language); every other name is refused. */
function readFormula(c: IssueCollector, text: string): BudgetComparison['target'] | null {
  const parsed = tryParseExpression(text);
  if (!parsed.ok) {
    c.add('target.formula', 'bad_formula', formulaSyntaxValues(parsed.error, parsed.error.message));
    return null;
  }
  const others = namesOf(parsed.expr).filter((name) => name !== 'x');
  if (others.length > 0) {
    c.add('target.formula', 'bad_formula', { reason: 'names', names: others.map((name) => `"${name}"`).join(', ') });
    return null;
  }
  const compiled = compileModel(parsed.expr, [], ['x']);
  const none = new Float64Array(0);
  const input = new Float64Array(1);
  return {
    kind: 'formula',
    text: toText(parsed.expr),
    latex: toLatex(parsed.expr),
    evaluate: (x) => {
      input[0] = x;
      return compiled.evaluate(none, input);
    },
  };
}

export interface BudgetShape {
  depth: number;
  width: number;
  widths: number[];
  parameters: number;
  /** the network on the grid after training */
  fit: number[];
  /** whole-set loss per epoch, entry 0 before training */
  losses: number[];
  final_loss: number;
  /** ReLU: the exact number of linear pieces of the trained network on the domain */
  linear_pieces: number | null;
  stopped: string | null;
}

export interface BudgetResult {
  ok: true;
  budget: number;
  domain: [number, number];
  target: { kind: 'sawtooth'; k: number; linear_pieces: number } | { kind: 'formula'; text: string; latex: string };
  /** x of the fits */
  grid: number[];
  /** the target on the grid */
  values: number[];
  deep: BudgetShape;
  shallow: BudgetShape;
}

export interface BudgetProgress {
  kind: 'budget';
  /** epochs since the previous report */
  deep: EpochRecord[];
  shallow: EpochRecord[];
  /** both fits on the grid now */
  fits: { deep: number[]; shallow: number[] };
  done: number;
  total: number;
}

/** Trains both shapes side by side (an epoch of each in turn). Asynchronous, cooperative, with progress. */
export async function sameBudget(request: { comparison: unknown }, cooperation?: Cooperation): Promise<BudgetResult | DenseFailure> {
  const checked = checkBudgetComparison((request as { comparison?: unknown } | undefined)?.comparison);
  if (!checked.ok) return checked;
  const spec = checked.value;
  try {
    const [lo, hi] = spec.domain;
    const at = (count: number) => Float64Array.from({ length: count }, (_, i) => lo + ((hi - lo) * i) / (count - 1));
    const targetAt = (x: number) => (spec.target.kind === 'sawtooth' ? sawtoothValue(spec.target.k, (x - lo) / (hi - lo)) : spec.target.evaluate(x));
    const xs = at(spec.samples);
    const ys = xs.map(targetAt);
    const bad = ys.findIndex((y) => !Number.isFinite(y));
    if (bad >= 0) {
      const c = new IssueCollector();
      c.add('target.formula', 'bad_formula', { reason: 'not_finite', value: ys[bad]!, x: xs[bad]! });
      return c.failure();
    }
    const data: DataSet = { rows: spec.samples, x: xs, targets: { loss: 'mse', values: ys, outputs: 1 }, drawn: false };
    const trainer = (depth: number, width: number) =>
      new Trainer({
        network: { sizes: [1, ...Array.from({ length: depth }, () => width), 1], activation: spec.activation, init: spec.network.init, seed: spec.network.seed, weights: null, biases: null },
        data,
        validation: null,
        loss: 'mse',
        optimizer: spec.optimizer,
        epochs: spec.epochs,
        batchSize: null,
        shuffle: false,
        dropout: 0,
        earlyStopping: null,
        perStep: false,
      });
    const deep = trainer(spec.depth, spec.deepWidth);
    const shallow = trainer(1, spec.shallowWidth);
    const grid = at(spec.grid);
    const fit = (t: Trainer) => Array.from(evaluateOutputs(t.layout, spec.activation, t.params, grid, spec.grid));
    const pacer = progressPacer(cooperation);
    const sent = { deep: 0, shallow: 0 };
    while (!deep.finished || !shallow.finished) {
      await deep.runEpoch(cooperation);
      await shallow.runEpoch(cooperation);
      if (pacer.due()) {
        pacer.send({ kind: 'budget', deep: deep.epochs.slice(sent.deep), shallow: shallow.epochs.slice(sent.shallow), fits: { deep: fit(deep), shallow: fit(shallow) }, done: Math.max(deep.epochsDone, shallow.epochsDone), total: spec.epochs } satisfies BudgetProgress);
        sent.deep = deep.epochs.length;
        sent.shallow = shallow.epochs.length;
      }
    }
    const shape = async (t: Trainer, depth: number, width: number): Promise<BudgetShape> => {
      let pieces: number | null = null;
      if (spec.activation === 'relu') {
        try {
          pieces = (await regions1d(t.layout, t.params, spec.domain, cooperation)).linear_pieces;
        } catch (error) {
          if (!(error instanceof RegionLimitExceeded)) throw error; // a cancellation, or a bug for the net below
          pieces = null; // more pieces than the engine counts
        }
      }
      return {
        depth,
        width,
        widths: Array.from({ length: depth }, () => width),
        parameters: t.layout.parameterCount,
        fit: fit(t),
        losses: t.epochs.map((entry) => entry.train_loss),
        final_loss: t.epochs.at(-1)!.train_loss,
        linear_pieces: pieces,
        stopped: t.stopped?.message ?? null,
      };
    };
    return {
      ok: true,
      budget: spec.budget,
      domain: spec.domain,
      target: spec.target.kind === 'sawtooth' ? { kind: 'sawtooth', k: spec.target.k, linear_pieces: 2 ** spec.target.k } : { kind: 'formula', text: spec.target.text, latex: spec.target.latex },
      grid: Array.from(grid),
      values: Array.from(grid, targetAt),
      deep: await shape(deep, spec.depth, spec.deepWidth),
      shallow: await shape(shallow, 1, spec.shallowWidth),
    };
  } catch (error) {
    if (isCancellation(error)) throw error;
    return internalFailure('sameBudget', error);
  }
}
