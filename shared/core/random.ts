/**
 * mulberry32: a small seeded PRNG, so shuffled runs, drawn weights and filled grids are the
 * same on every machine. Returns numbers in [0, 1). The one generator of the project.
 */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, in place. */
export function shuffleInPlace(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

/**
 * One standard normal sample N(0, 1) from two uniforms of `random` (Box–Muller, cosine
 * branch): sqrt(-2 ln u1) * cos(2 pi u2), with u1 kept above 1e-12 so the log is finite.
 * The sine partner is not kept, so each sample is a function of the next two uniforms only
 * and a stream reads the same whichever calls came before. The one normal sampler of the
 * project (drawn weights, Gaussian noise).
 */
export function normalSample(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
