/**
 * k-nearest-neighbour regression: f(q) = the mean of y over the k training points nearest q.
 * A training point is its own neighbour (at distance 0), so k = 1 reproduces the training
 * targets (where no two points share an x). Neighbours are ordered by distance |x_i - q|, ties by the lower index i (the point
 * listed first), so the prediction is a function of q alone: with two points at the same x,
 * the earlier one is nearer.
 */
export class KnnRegressor {
  readonly size: number;
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  /** Indices by (x ascending, index ascending): the neighbours right of a query, nearest first. */
  private readonly ascending: Int32Array;
  /** Indices by (x descending, index ascending): the neighbours left of (or at) a query, nearest first. */
  private readonly descending: Int32Array;
  /** Scratch for `nearest` (reused: predictions allocate nothing). */
  private readonly order: Int32Array;

  constructor(x: Float64Array, y: Float64Array) {
    this.size = x.length;
    this.x = x;
    this.y = y;
    const order = Array.from({ length: x.length }, (_, i) => i);
    this.ascending = Int32Array.from([...order].sort((a, b) => x[a]! - x[b]! || a - b));
    this.descending = Int32Array.from([...order].sort((a, b) => x[b]! - x[a]! || a - b));
    this.order = new Int32Array(x.length);
  }

  /**
   * Predictions at q for every k of `ks` (ascending, each 1..size): out[offset + j * stride]
   * is the mean of the ks[j] nearest targets. One walk over the neighbours, nearest first,
   * so all ks cost as much as the largest.
   */
  predictAll(q: number, ks: readonly number[], out: Float64Array, offset = 0, stride = 1): void {
    const largest = ks[ks.length - 1] ?? 0;
    const order = this.nearest(q, largest);
    const y = this.y;
    let sum = 0;
    let next = 0;
    for (let count = 1; count <= largest; count++) {
      sum += y[order[count - 1]!]!;
      while (next < ks.length && ks[next] === count) {
        out[offset + next * stride] = sum / count;
        next++;
      }
    }
  }

  /** The prediction for one k at q. */
  predict(q: number, k: number): number {
    const out = new Float64Array(1);
    this.predictAll(q, [k], out);
    return out[0]!;
  }

  /** The indices of the k nearest training points of q, nearest first (for derivations). */
  neighbours(q: number, k: number): number[] {
    return Array.from(this.nearest(q, Math.min(k, this.size)));
  }

  /**
   * The k nearest indices (a view on scratch): a merge of the points left of q (nearest
   * first) and right of q (nearest first), by distance, then index.
   */
  private nearest(q: number, k: number): Int32Array {
    const { x, ascending, descending, size, order } = this;
    // Descending positions from `left` on hold x <= q; ascending positions from `right` on hold x > q.
    let left = firstAtOrBelow(x, descending, q);
    let right = firstAbove(x, ascending, q);
    for (let count = 0; count < k; count++) {
      if (left < size && right < size) {
        const l = descending[left]!;
        const r = ascending[right]!;
        const dl = q - x[l]!;
        const dr = x[r]! - q;
        if (dl < dr || (dl === dr && l < r)) {
          order[count] = l;
          left++;
        } else {
          order[count] = r;
          right++;
        }
      } else if (left < size) order[count] = descending[left++]!;
      else order[count] = ascending[right++]!;
    }
    return order.subarray(0, k);
  }
}

/** First position of `order` (x descending) whose x is <= q. */
function firstAtOrBelow(x: Float64Array, order: Int32Array, q: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[order[mid]!]! <= q) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First position of `order` (x ascending) whose x is > q. */
function firstAbove(x: Float64Array, order: Int32Array, q: number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[order[mid]!]! > q) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
