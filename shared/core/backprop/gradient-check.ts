import { forwardLoss, runBackprop } from './run';
import { CASE_LIMITS, type BackpropCase, type CaseIssue, type CaseLimits, type GradientCheck } from './types';

/** Forward passes times MACs allowed for one check (about a second of work); past it, cells are sampled evenly. */
const WORK_BUDGET = 1.5e8;

/**
 * Compares every analytic gradient with the central difference (L(v + h) - L(v - h)) / 2h,
 * where L is the scalar the gradients are of (Σ g·y for a given upstream g, or the mean
 * squared error). Cases too large for the budget check an evenly spread sample and say so.
 */
export function gradientCheck(raw: unknown, options: { limits?: CaseLimits; step?: number } = {}): { ok: true; check: GradientCheck } | { ok: false; issues: CaseIssue[] } {
  const result = runBackprop(raw, { limits: options.limits ?? CASE_LIMITS, trace: { maxSteps: 0, maxTerms: 0 } });
  if (!result.ok) return result;
  const h = options.step ?? 1e-5;
  const base = result.case;
  const { tensors } = result;
  const [F = 0, C = 0, kh = 0, kw = 0] = base.filters.shape;
  const [, OH = 0, OW = 0] = tensors.conv.shape;
  const macsPerForward = Math.max(1, F * OH * OW * C * kh * kw);
  const parameters: { tensor: 'grad_bias' | 'grad_filters' | 'grad_input'; at: number }[] = [
    ...base.bias.map((_, at) => ({ tensor: 'grad_bias' as const, at })),
    ...base.filters.data.map((_, at) => ({ tensor: 'grad_filters' as const, at })),
    ...base.input.data.map((_, at) => ({ tensor: 'grad_input' as const, at })),
  ];
  const affordable = Math.max(1, Math.floor(WORK_BUDGET / (2 * macsPerForward)));
  const every = Math.max(1, Math.ceil(parameters.length / affordable));
  const chosen = parameters.filter((_, k) => k % every === 0);

  const perturbed = (tensor: 'grad_bias' | 'grad_filters' | 'grad_input', at: number, delta: number): BackpropCase => {
    if (tensor === 'grad_bias') return { ...base, bias: base.bias.map((b, k) => (k === at ? b + delta : b)) };
    if (tensor === 'grad_filters') return { ...base, filters: { ...base.filters, data: base.filters.data.map((w, k) => (k === at ? w + delta : w)) } };
    return { ...base, input: { ...base.input, data: base.input.data.map((x, k) => (k === at ? x + delta : x)) } };
  };

  let maxError = 0;
  let worst: GradientCheck['worst'] = null;
  for (const { tensor, at } of chosen) {
    const numeric = (forwardLoss(perturbed(tensor, at, h)) - forwardLoss(perturbed(tensor, at, -h))) / (2 * h);
    const analytic = tensors[tensor].data[at]!;
    const error = Math.abs(analytic - numeric);
    if (worst === null || error > maxError) {
      maxError = error;
      worst = { tensor, at, analytic, numeric };
    }
  }
  const reluKinks = base.activation === 'relu' ? tensors.conv.data.filter((z) => Math.abs(z) <= h).length : 0;
  const tiedWindows = countTies(base);
  return { ok: true, check: { maxError, worst, checked: chosen.length, total: parameters.length, step: h, kinks: reluKinks + tiedWindows } };
}

function countTies(c: BackpropCase): number {
  if (c.pool.type !== 'max' && c.pool.type !== 'globalmax') return 0;
  // A tie means the loss has a corner there; re-run with split ties and compare the routing.
  const first = runBackprop(caseInput(c, 'first'), { limits: { maxChannels: Infinity, maxFilters: Infinity, maxSize: Infinity }, trace: { maxSteps: 0, maxTerms: 0 } });
  const split = runBackprop(caseInput(c, 'split'), { limits: { maxChannels: Infinity, maxFilters: Infinity, maxSize: Infinity }, trace: { maxSteps: 0, maxTerms: 0 } });
  if (!first.ok || !split.ok) return 0;
  return first.tensors.grad_activated.data.filter((g, k) => g !== split.tensors.grad_activated.data[k]).length;
}

/** A checked case written back in the CLI format (flat tensors nested again). */
export function caseInput(c: BackpropCase, ties = c.ties): Record<string, unknown> {
  return {
    input: nest(c.input.data, c.input.shape),
    filters: nest(c.filters.data, c.filters.shape),
    bias: c.bias,
    stride: [...c.stride],
    padding: [...c.padding],
    dilation: [...c.dilation],
    activation: c.activation,
    pool: c.pool.type === 'max' || c.pool.type === 'avg' ? { type: c.pool.type, kernel: [...c.pool.kernel], stride: [...c.pool.stride], padding: [...c.pool.padding] } : { type: c.pool.type },
    upstream:
      c.upstream.kind === 'constant' ? c.upstream.value : c.upstream.kind === 'grid' ? nest(c.upstream.grad.data, c.upstream.grad.shape) : { loss: 'mse', target: nest(c.upstream.target.data, c.upstream.target.shape) },
    ties,
  };
}

/** Flat row-major data back to nested arrays of the given shape. */
export function nest(data: readonly number[], shape: readonly number[]): unknown {
  if (shape.length === 0) return data[0];
  if (shape.length === 1) return [...data];
  const [first = 0, ...rest] = shape;
  const size = rest.reduce((product, n) => product * n, 1);
  return Array.from({ length: first }, (_, i) => nest(data.slice(i * size, (i + 1) * size), rest));
}
