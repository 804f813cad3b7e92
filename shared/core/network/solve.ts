import { formatPlain } from './format';

/**
 * "Which settings give this output?": every kernel k, stride s, padding p and dilation d
 * (within limits) with floor((i + 2p - d(k - 1) - 1)/s) + 1 = o, the output size of
 * nn.Conv2d (and of pooling without ceil_mode; pooling also needs p <= k/2 and d = 1 for
 * average pooling).
 */

export interface SolveRequest {
  /** Input size on one axis. */
  input: number;
  /** Wanted output size on the same axis. */
  output: number;
  /** Largest kernel tried (default 11). */
  maxKernel?: number;
  /** Largest stride tried (default 4). */
  maxStride?: number;
  /** Largest padding tried (default 5). */
  maxPadding?: number;
  /** Largest dilation tried (default 4). */
  maxDilation?: number;
}

export interface SolveSetting {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  /** True when max pooling could use it too (padding at most half the kernel). */
  poolable: boolean;
  /** "floor((31 + 2*0 - 2*(3 - 1) - 1)/1) + 1 = 27" */
  text: string;
}

export interface SolveResult {
  settings: SolveSetting[];
  /** Settings left out after `limit` (simplest first are kept). */
  omitted: number;
  /** Why nothing was searched, when the request is out of range. */
  problem?: string;
  /** `problem` as a code with values (shared/messages/solve-problems phrases it; English word for word `problem`). */
  problemMessage?: { code: SolveProblemCode; values: { got: string } };
}

export type SolveProblemCode = 'input_size' | 'output_size';

const LIMIT = 200;
const CAP = 64;

function limitOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? Math.min(value, CAP) : fallback;
}

/** Output size of a conv on one axis, or 0 when the dilated kernel does not fit. */
export function convOutput(input: number, kernel: number, stride: number, padding: number, dilation: number): number {
  const span = input + 2 * padding - dilation * (kernel - 1) - 1;
  return span < 0 ? 0 : Math.floor(span / stride) + 1;
}

/**
 * All settings within the limits, simplest first: fewest settings away from the defaults
 * (k = 1..., s = 1, p = 0, d = 1), then the smaller kernel. Never throws.
 */
export function solveSettings(request: SolveRequest): SolveResult {
  const input = request?.input;
  const output = request?.output;
  if (!(typeof input === 'number' && Number.isSafeInteger(input) && input >= 1 && input <= 1_000_000)) {
    return {
      settings: [],
      omitted: 0,
      problem: `the input size must be a whole number from 1 to 1,000,000, got ${String(input)}`,
      problemMessage: { code: 'input_size', values: { got: String(input) } },
    };
  }
  if (!(typeof output === 'number' && Number.isSafeInteger(output) && output >= 1 && output <= 1_000_000)) {
    return {
      settings: [],
      omitted: 0,
      problem: `the output size must be a whole number from 1 to 1,000,000, got ${String(output)}`,
      problemMessage: { code: 'output_size', values: { got: String(output) } },
    };
  }
  const maxKernel = Math.max(1, limitOf(request.maxKernel, 11));
  const maxStride = Math.max(1, limitOf(request.maxStride, 4));
  const maxPadding = limitOf(request.maxPadding, 5);
  const maxDilation = Math.max(1, limitOf(request.maxDilation, 4));
  const found: (SolveSetting & { rank: number })[] = [];
  for (let kernel = 1; kernel <= maxKernel; kernel++) {
    for (let stride = 1; stride <= maxStride; stride++) {
      for (let padding = 0; padding <= maxPadding; padding++) {
        for (let dilation = 1; dilation <= (kernel === 1 ? 1 : maxDilation); dilation++) {
          if (convOutput(input, kernel, stride, padding, dilation) !== output) continue;
          const text = `floor((${formatPlain(input)} + 2*${padding} - ${dilation}*(${kernel} - 1) - 1)/${stride}) + 1 = ${formatPlain(output)}`;
          const rank = Number(stride !== 1) + Number(padding !== 0) + Number(dilation !== 1);
          found.push({ kernel, stride, padding, dilation, poolable: padding <= Math.floor(kernel / 2), text, rank });
        }
      }
    }
  }
  found.sort((a, b) => a.rank - b.rank || a.kernel - b.kernel || a.stride - b.stride || a.padding - b.padding || a.dilation - b.dilation);
  return {
    settings: found.slice(0, LIMIT).map(({ rank: _rank, ...setting }) => setting),
    omitted: Math.max(0, found.length - LIMIT),
  };
}
