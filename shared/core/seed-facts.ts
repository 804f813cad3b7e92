/**
 * The seed's headline figures (../shared/seed/SEED-NOTES.md), as the start page states them on
 * its question cards. Plain data; seed-facts.test.ts checks every figure against the core, so a
 * card never claims a number the tools do not show.
 */
export const SEED_FACTS = {
  /** Q1, layer 2: output H x W x C (channels last, as the assignment writes it), parameters, receptive field, and the student's wrong field (7 * 5). */
  q1: { layer: 2, output: [62, 62, 64], params: 51_264, field: 11, wrongField: 35 },
  /** Q1, after the third max-pool (layer 8). */
  q1rf: { layer: 8, field: 65 },
  /** Q3: the filter's size, dL/da, dL/dw1..w4 and dL/db. */
  q3: { kernel: [2, 2], upstream: 1, weights: [-1, 5, 3, 0], bias: 1 },
  /** Q4: a, b, c, d after each of the two steps. */
  q4: { first: [2.6, 0.6, -2.6, 2.6], second: [4.04, 2.04, -4.04, 4.04] },
} as const;
