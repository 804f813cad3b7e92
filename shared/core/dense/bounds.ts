/**
 * Counting bounds on the linear regions of ReLU networks with n_0 inputs and hidden widths
 * n_1..n_L (exact integers, computed with BigInt and returned as numbers).
 */

function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let result = 1n;
  const m = Math.min(k, n - k);
  for (let i = 1; i <= m; i++) result = (result * BigInt(n - m + i)) / BigInt(i);
  return result;
}

/** sum_{j=0}^{d} C(n, j): the most regions n hyperplanes cut R^d into (Zaslavsky). */
function hyperplaneRegions(n: number, d: number): bigint {
  let total = 0n;
  for (let j = 0; j <= d; j++) total += binomial(n, j);
  return total;
}

export interface RegionBounds {
  /** One hidden layer with all N = sum n_l units: sum_{j <= n_0} C(N, j). */
  one_layer_max: number;
  /**
   * Montufar, Pascanu, Cho & Bengio (2014), Theorem 4: some network of these widths (each
   * n_l >= n_0) has at least (prod_{l<L} floor(n_l/n_0)^{n_0}) sum_{j <= n_0} C(n_L, j) regions.
   */
  montufar_lower: number;
  /**
   * Serra, Tjandraatmadja & Ramalingam (2018), Theorem 1: at most
   * sum over (j_1..j_L) in J of prod_l C(n_l, j_l), with
   * J = {0 <= j_l <= min(n_0, n_1 - j_1, ..., n_{l-1} - j_{l-1}, n_l)}.
   */
  serra_upper: number;
}

export function regionBounds(inputDim: number, widths: readonly number[]): RegionBounds {
  if (widths.length === 0) return { one_layer_max: 1, montufar_lower: 1, serra_upper: 1 };
  const total = widths.reduce((sum, n) => sum + n, 0);
  let montufar = hyperplaneRegions(widths.at(-1)!, inputDim);
  for (let l = 0; l + 1 < widths.length; l++) montufar *= BigInt(Math.floor(widths[l]! / inputDim)) ** BigInt(inputDim);
  // Serra's sum as a dynamic programme over d_l = min(n_0, n_1 - j_1, ..., n_{l-1} - j_{l-1}).
  let ways = new Map<number, bigint>([[inputDim, 1n]]);
  for (const n of widths) {
    const next = new Map<number, bigint>();
    for (const [d, count] of ways) {
      for (let j = 0; j <= Math.min(d, n); j++) {
        const key = Math.min(d, n - j);
        next.set(key, (next.get(key) ?? 0n) + count * binomial(n, j));
      }
    }
    ways = next;
  }
  let serra = 0n;
  for (const count of ways.values()) serra += count;
  return { one_layer_max: Number(hyperplaneRegions(total, inputDim)), montufar_lower: Number(montufar), serra_upper: Number(serra) };
}
