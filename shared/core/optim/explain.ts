import { nameToLatex, numberToLatex, toLatex, toText } from '../expr/index';
import { describeValue } from '../network/format';
import { cleanNumber, formatNumber } from './format';
import type { OptimizerConfig } from './optimizers';
import { lossLatex, type OptimizeProblem } from './problem';
import { prepareProblem, problemError, runPrepared, stepSchedule, type FieldError, type RawStep } from './run';

/** One number of the step table as its formula, the formula with the numbers filled in, and the result. */
export interface StepDerivation {
  /** LaTeX, symbolic. */
  formula: string;
  /** LaTeX, with the numbers. */
  substituted: string;
  /** LaTeX of the result. */
  result: string;
  /** Plain text of the whole line. */
  text: string;
}

/**
 * Cell keys: `y:j`, `loss`, `dloss_dy:j`, `dy:param:j`, `grad:param`, `state:buffer:param`,
 * `params:param`, and with weight decay `decayed:param` (g~ = g + lambda*w, which the optimizer's
 * rules then read) (j is the sample's position within the step, from 0).
 */
export type StepExplanation = Record<string, StepDerivation>;

const n = (value: number) => numberToLatex(cleanNumber(value));
/** A number as an operand: negative values in parentheses. */
const operand = (value: number) => (cleanNumber(value) < 0 ? `\\left(${n(value)}\\right)` : n(value));
const plain = (value: number) => (cleanNumber(value) < 0 ? `(${formatNumber(value)})` : formatNumber(value));

function derivation(formula: string, substituted: string, value: number, text: string): StepDerivation {
  return { formula, substituted, result: n(value), text: `${text} = ${formatNumber(value)}` };
}

/** Derivations of every number of one step (1-based). Never throws. */
export function explainStep(problem: OptimizeProblem, stepNumber: number): { ok: true; explanation: StepExplanation } | { ok: false; errors: FieldError[] } {
  const prepared = prepareProblem(problem);
  if (!prepared.ok) return prepared;
  if (typeof stepNumber !== 'number' || !Number.isSafeInteger(stepNumber) || stepNumber < 1) {
    return { ok: false, errors: [problemError('step', 'step_not_whole', { got: describeValue(stepNumber) }, `expected a step number, a whole number ≥ 1, got ${describeValue(stepNumber)}`)] };
  }
  const raw: RawStep[] = [];
  const run = runPrepared(prepared.prepared, { maxSteps: stepNumber, raw });
  const step = run.steps[stepNumber - 1];
  const rawStep = raw[stepNumber - 1];
  if (!step || !rawStep) {
    return { ok: false, errors: [problemError('step', 'no_such_step', { step: stepNumber, count: run.steps.length }, `there is no step ${stepNumber}; the run has ${run.steps.length}`)] };
  }
  const { model, paramNames, inputRows, targets } = prepared.prepared;
  const samples = stepSchedule(problem)[stepNumber - 1]!.samples;
  const out: StepExplanation = {};
  const count = samples.length;
  const mean = problem.reduction === 'mean';
  const scaleLatex = mean ? `\\frac{1}{${count}}` : '';
  const before = new Map(paramNames.map((id, k) => [id, rawStep.paramsBefore[k]!]));

  samples.forEach((row, j) => {
    const values = new Map(before);
    model.inputs.forEach((input, k) => values.set(input, inputRows[row]![k]!));
    const y = step.y[j]!;
    out[`y:${j}`] = derivation(`y = ${model.latex}`, toLatex(model.expr, { values, formatNumber }), y, `y = ${toText(model.expr, { values, formatNumber })}`);
    const t = targets[row]!;
    const dlFormula = problem.loss === 'squared_error' ? '-2\\,(t - y)' : problem.loss === 'half_squared_error' ? '-(t - y)' : '\\operatorname{sign}(y - t)';
    const dlSub = problem.loss === 'squared_error' ? `-2\\,(${n(t)} - ${operand(y)})` : problem.loss === 'half_squared_error' ? `-(${n(t)} - ${operand(y)})` : `\\operatorname{sign}(${n(y)} - ${operand(t)})`;
    const scaled = mean && count > 1;
    out[`dloss_dy:${j}`] = derivation(
      `\\frac{\\partial L}{\\partial y_{${j + 1}}} = ${scaled ? `${scaleLatex}\\left(${dlFormula}\\right)` : dlFormula}`,
      scaled ? `${scaleLatex}\\left(${dlSub}\\right)` : dlSub,
      step.dloss_dy[j]!,
      `dL/dy${j + 1} = ${scaled ? `(1/${count})*` : ''}${problem.loss === 'absolute_error' ? `sign(${plain(y)} - ${plain(t)})` : `${problem.loss === 'squared_error' ? '-2*' : '-'}(${plain(t)} - ${plain(y)})`}`,
    );
    for (const partial of model.partials) {
      const value = step.dy_dparams[partial.param]![j]!;
      out[`dy:${partial.param}:${j}`] = derivation(
        `\\frac{\\partial y}{\\partial ${nameToLatex(partial.param)}} = ${partial.latex}`,
        toLatex(partial.expr, { values, formatNumber }),
        value,
        `dy/d${partial.param} = ${toText(partial.expr, { values, formatNumber })}`,
      );
    }
  });

  const lossTerms = samples.map((row, j) => lossLatex(problem.loss).replace('t', n(targets[row]!)).replace('y', operand(step.y[j]!)));
  out.loss = derivation(
    `L = ${mean ? `\\frac{1}{n}` : ''}\\sum_{j} ${lossLatex(problem.loss).replace('t', 't_j').replace('y', 'y_j')}`,
    `${mean && count > 1 ? `\\frac{1}{${count}}\\left(` : ''}${lossTerms.join(' + ')}${mean && count > 1 ? '\\right)' : ''}`,
    step.loss,
    `L = ${mean && count > 1 ? `(1/${count})*(` : ''}${samples.map((row, j) => `loss(${plain(targets[row]!)}, ${plain(step.y[j]!)})`).join(' + ')}${mean && count > 1 ? ')' : ''}`,
  );

  paramNames.forEach((param, k) => {
    const p = nameToLatex(param);
    const terms = samples.map((_, j) => `${operand(step.dloss_dy[j]!)} \\cdot ${operand(step.dy_dparams[param]![j]!)}`);
    out[`grad:${param}`] = derivation(
      `g_{${p}} = \\frac{\\partial L}{\\partial ${p}} = \\sum_j \\frac{\\partial L}{\\partial y_j}\\,\\frac{\\partial y_j}{\\partial ${p}}`,
      terms.join(' + '),
      step.grad[param]!,
      `dL/d${param} = ${samples.map((_, j) => `${plain(step.dloss_dy[j]!)}*${plain(step.dy_dparams[param]![j]!)}`).join(' + ')}`,
    );
    Object.assign(out, optimizerDerivations(problem.optimizer, param, k, rawStep, step.step));
  });
  return { ok: true, explanation: out };
}

/** The state and new-parameter derivations of one parameter. */
function optimizerDerivations(config: OptimizerConfig, param: string, k: number, raw: RawStep, t: number): StepExplanation {
  const p = nameToLatex(param);
  const w0 = raw.paramsBefore[k]!;
  // With weight decay every rule reads the decayed gradient g~ = g + lambda*w (torch.optim's coupled L2).
  const wd = config.weight_decay ?? 0;
  const g = wd === 0 ? raw.grad[k]! : raw.grad[k]! + wd * w0;
  const gSym = wd === 0 ? `g_{${p}}` : `\\tilde g_{${p}}`;
  const w1 = raw.paramsAfter[k]!;
  const prev = (buffer: string) => raw.stateBefore.buffers[buffer]![k]!;
  const next = (buffer: string) => raw.stateAfter.buffers[buffer]![k]!;
  const out: StepExplanation = {};
  if (wd !== 0) {
    out[`decayed:${param}`] = derivation(`${gSym} = g_{${p}} + \\lambda\\, ${p}`, `${operand(raw.grad[k]!)} + ${n(wd)} \\cdot ${operand(w0)}`, g, `g~_${param} = ${plain(raw.grad[k]!)} + ${plain(wd)}*${plain(w0)}`);
  }
  const newParam = (formula: string, substituted: string, text: string) => {
    out[`params:${param}`] = derivation(`${p} \\leftarrow ${formula}`, substituted, w1, `${param} = ${text}`);
  };
  switch (config.type) {
    case 'sgd':
      newParam(`${p} - \\eta\\, ${gSym}`, `${n(w0)} - ${n(config.lr)} \\cdot ${operand(g)}`, `${formatNumber(w0)} - ${plain(config.lr)}*${plain(g)}`);
      break;
    case 'momentum': {
      const { lr, beta } = config;
      if (config.form === 'delta') {
        out[`state:delta:${param}`] = derivation(
          `\\Delta_{${p}} \\leftarrow \\beta\\,\\Delta_{${p}} + \\mu\\, ${gSym}`,
          `${n(beta)} \\cdot ${operand(prev('delta'))} + ${n(lr)} \\cdot ${operand(g)}`,
          next('delta'),
          `delta_${param} = ${plain(beta)}*${plain(prev('delta'))} + ${plain(lr)}*${plain(g)}`,
        );
        newParam(`${p} - \\Delta_{${p}}`, `${n(w0)} - ${operand(next('delta'))}`, `${formatNumber(w0)} - ${plain(next('delta'))}`);
      } else {
        out[`state:v:${param}`] = derivation(
          `v_{${p}} \\leftarrow ${t === 1 ? `${gSym}\\ \\text{(first step)}` : `\\beta\\, v_{${p}} + ${gSym}`}`,
          t === 1 ? operand(g) : `${n(beta)} \\cdot ${operand(prev('v'))} + ${operand(g)}`,
          next('v'),
          `v_${param} = ${t === 1 ? plain(g) : `${plain(beta)}*${plain(prev('v'))} + ${plain(g)}`}`,
        );
        if (config.nesterov) {
          newParam(`${p} - \\eta\\,(${gSym} + \\beta\\, v_{${p}})`, `${n(w0)} - ${n(lr)} \\cdot (${operand(g)} + ${n(beta)} \\cdot ${operand(next('v'))})`, `${formatNumber(w0)} - ${plain(lr)}*(${plain(g)} + ${plain(beta)}*${plain(next('v'))})`);
        } else newParam(`${p} - \\eta\\, v_{${p}}`, `${n(w0)} - ${n(lr)} \\cdot ${operand(next('v'))}`, `${formatNumber(w0)} - ${plain(lr)}*${plain(next('v'))}`);
      }
      break;
    }
    case 'adagrad':
      out[`state:sum:${param}`] = derivation(`s_{${p}} \\leftarrow s_{${p}} + ${gSym}^{2}`, `${n(prev('sum'))} + ${operand(g)}^{2}`, next('sum'), `sum_${param} = ${plain(prev('sum'))} + ${plain(g)}^2`);
      newParam(`${p} - \\frac{\\eta\\, ${gSym}}{\\sqrt{s_{${p}}} + \\epsilon}`, `${n(w0)} - \\frac{${n(config.lr)} \\cdot ${operand(g)}}{\\sqrt{${n(next('sum'))}} + ${n(config.eps)}}`, `${formatNumber(w0)} - ${plain(config.lr)}*${plain(g)}/(sqrt(${plain(next('sum'))}) + ${plain(config.eps)})`);
      break;
    case 'rmsprop':
      out[`state:v:${param}`] = derivation(
        `v_{${p}} \\leftarrow \\alpha\\, v_{${p}} + (1 - \\alpha)\\, ${gSym}^{2}`,
        `${n(config.alpha)} \\cdot ${n(prev('v'))} + (1 - ${n(config.alpha)}) \\cdot ${operand(g)}^{2}`,
        next('v'),
        `v_${param} = ${plain(config.alpha)}*${plain(prev('v'))} + (1 - ${plain(config.alpha)})*${plain(g)}^2`,
      );
      newParam(`${p} - \\frac{\\eta\\, ${gSym}}{\\sqrt{v_{${p}}} + \\epsilon}`, `${n(w0)} - \\frac{${n(config.lr)} \\cdot ${operand(g)}}{\\sqrt{${n(next('v'))}} + ${n(config.eps)}}`, `${formatNumber(w0)} - ${plain(config.lr)}*${plain(g)}/(sqrt(${plain(next('v'))}) + ${plain(config.eps)})`);
      break;
    case 'adam': {
      const { beta1, beta2, lr, eps } = config;
      out[`state:m:${param}`] = derivation(`m_{${p}} \\leftarrow \\beta_1 m_{${p}} + (1 - \\beta_1)\\, ${gSym}`, `${n(beta1)} \\cdot ${operand(prev('m'))} + (1 - ${n(beta1)}) \\cdot ${operand(g)}`, next('m'), `m_${param} = ${plain(beta1)}*${plain(prev('m'))} + (1 - ${plain(beta1)})*${plain(g)}`);
      out[`state:v:${param}`] = derivation(`v_{${p}} \\leftarrow \\beta_2 v_{${p}} + (1 - \\beta_2)\\, ${gSym}^{2}`, `${n(beta2)} \\cdot ${n(prev('v'))} + (1 - ${n(beta2)}) \\cdot ${operand(g)}^{2}`, next('v'), `v_${param} = ${plain(beta2)}*${plain(prev('v'))} + (1 - ${plain(beta2)})*${plain(g)}^2`);
      newParam(
        `${p} - \\frac{\\eta\\, m_{${p}} / (1 - \\beta_1^{t})}{\\sqrt{v_{${p}} / (1 - \\beta_2^{t})} + \\epsilon}`,
        `${n(w0)} - \\frac{${n(lr)} \\cdot ${operand(next('m'))} / (1 - ${n(beta1)}^{${t}})}{\\sqrt{${n(next('v'))} / (1 - ${n(beta2)}^{${t}})} + ${n(eps)}}`,
        `${formatNumber(w0)} - ${plain(lr)}*${plain(next('m'))}/(1 - ${plain(beta1)}^${t}) / (sqrt(${plain(next('v'))}/(1 - ${plain(beta2)}^${t})) + ${plain(eps)})`,
      );
      break;
    }
  }
  return out;
}
