import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { readTruth } from '../regression/truth';
import { BLOB_RADIUS, classificationPoints, concatSets, drawLabData, INNER_RADIUS, splitCounts, SPIRAL_TURNS, type ClassificationKind, type DatasetSpec } from './datasets';

const KINDS: ClassificationKind[] = ['moons', 'circles', 'xor', 'spiral', 'blobs'];

function spec(overrides: Partial<DatasetSpec>): DatasetSpec {
  return { kind: 'moons', noise: 0.2, samples: 50, validation: 0.3, classes: 2, seed: 7, truth: null, domain: [0, 1], ...overrides };
}

/** Points of one set as [x, y, class] rows. */
function rows(points: { x: Float64Array; labels: Float64Array }): [number, number, number][] {
  return Array.from(points.labels, (label, i) => [points.x[2 * i]!, points.x[2 * i + 1]!, label]);
}

describe('classification sets', () => {
  it.each(KINDS)('%s: the same seed gives the same points; another seed gives others', (kind) => {
    const classes = kind === 'blobs' ? 3 : 2;
    const a = classificationPoints(kind, 40, 0.1, classes, createRandom(5));
    const b = classificationPoints(kind, 40, 0.1, classes, createRandom(5));
    const c = classificationPoints(kind, 40, 0.1, classes, createRandom(6));
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    expect(a.x.length).toBe(80);
    expect(a.labels.length).toBe(40);
  });

  it.each([
    ['moons', 2, 41],
    ['spiral', 2, 40],
    ['blobs', 3, 40],
    ['blobs', 5, 23],
  ] as const)('%s with %i classes: %i points split evenly (sizes differ by at most one)', (kind, classes, count) => {
    const { labels } = classificationPoints(kind, count, 0.3, classes, createRandom(1));
    const sizes = Array.from({ length: classes }, (_, k) => labels.filter((label) => label === k).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(count);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.every((size) => size >= Math.floor(count / classes))).toBe(true);
  });

  it('noise 0: moons lie on their half circles (class 0: the upper unit half circle; class 1: centred at (1, 0.5), the lower half)', () => {
    for (const [x, y, label] of rows(classificationPoints('moons', 60, 0, 2, createRandom(3)))) {
      const [cx, cy] = label === 0 ? [0, 0] : [1, 0.5];
      expect(Math.hypot(x - cx, y - cy)).toBeCloseTo(1, 12);
      if (label === 0) expect(y).toBeGreaterThanOrEqual(0);
      else expect(y).toBeLessThanOrEqual(0.5 + 1e-12);
    }
  });

  it('noise 0: circles of radius 1 (class 0) and INNER_RADIUS (class 1)', () => {
    for (const [x, y, label] of rows(classificationPoints('circles', 60, 0, 2, createRandom(3)))) {
      expect(Math.hypot(x, y)).toBeCloseTo(label === 0 ? 1 : INNER_RADIUS, 12);
    }
  });

  it('noise 0: xor class 0 in quadrants 1 and 3 (x y > 0), class 1 in 2 and 4, inside the unit square', () => {
    const points = rows(classificationPoints('xor', 80, 0, 2, createRandom(3)));
    for (const [x, y, label] of points) {
      expect(Math.sign(x * y)).toBe(label === 0 ? 1 : -1);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
    }
    // Both quadrants of each class occur.
    expect(new Set(points.map(([x, , label]) => `${label}${Math.sign(x)}`)).size).toBe(4);
  });

  it('noise 0: spiral arm k at radius r has angle 2 pi SPIRAL_TURNS r + pi k', () => {
    for (const [x, y, label] of rows(classificationPoints('spiral', 60, 0, 2, createRandom(3)))) {
      const r = Math.hypot(x, y);
      const angle = 2 * Math.PI * SPIRAL_TURNS * r + Math.PI * label;
      expect(x).toBeCloseTo(r * Math.cos(angle), 12);
      expect(y).toBeCloseTo(r * Math.sin(angle), 12);
    }
  });

  it('noise 0: every blob point sits at its centre, the centres spread evenly on the circle from the top', () => {
    for (const [x, y, label] of rows(classificationPoints('blobs', 30, 0, 3, createRandom(3)))) {
      const angle = (2 * Math.PI * label) / 3 + Math.PI / 2;
      expect(x).toBeCloseTo(BLOB_RADIUS * Math.cos(angle), 14);
      expect(y).toBeCloseTo(BLOB_RADIUS * Math.sin(angle), 14);
    }
  });

  it('noise sigma moves the points off the curve by N(0, sigma^2) per coordinate: blobs spread with the std asked for', () => {
    const { x, labels } = classificationPoints('blobs', 6000, 0.4, 2, createRandom(11));
    const offsets: number[] = [];
    labels.forEach((label, i) => offsets.push(x[2 * i]! - BLOB_RADIUS * Math.cos(Math.PI * label + Math.PI / 2)));
    const mean = offsets.reduce((sum, value) => sum + value, 0) / offsets.length;
    const std = Math.sqrt(offsets.reduce((sum, value) => sum + (value - mean) ** 2, 0) / offsets.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(std).toBeGreaterThan(0.38);
    expect(std).toBeLessThan(0.42);
  });
});

describe('the lab split', () => {
  it('validation share rounded, at least one point on each side', () => {
    expect(splitCounts(100, 0.3)).toEqual({ train: 70, validation: 30 });
    expect(splitCounts(10, 0.25)).toEqual({ train: 7, validation: 3 });
    expect(splitCounts(10, 0.01)).toEqual({ train: 9, validation: 1 });
    expect(splitCounts(4, 0.99)).toEqual({ train: 1, validation: 3 });
  });

  it('shapes: 2-D inputs and class targets with K outputs; training and validation differ', () => {
    const data = drawLabData(spec({ kind: 'blobs', classes: 4, samples: 40, validation: 0.25 }));
    expect(data.train.rows).toBe(30);
    expect(data.train.x.length).toBe(60);
    expect(data.train.targets).toMatchObject({ loss: 'cross_entropy', outputs: 4 });
    expect(data.validation.rows).toBe(10);
    expect(data.extra).toBeNull();
    expect(Array.from(data.validation.x.subarray(0, 4))).not.toEqual(Array.from(data.train.x.subarray(0, 4)));
  });

  it('one thing moves at a time: a new split keeps each set\'s first points, more data keeps both sets', () => {
    const base = drawLabData(spec({ samples: 50, validation: 0.2 }));
    const wider = drawLabData(spec({ samples: 60, validation: 0.5 }));
    const more = drawLabData(spec({ samples: 50, validation: 0.2 }), 25);
    expect(Array.from(wider.train.x.subarray(0, 2 * 30))).toEqual(Array.from(base.train.x.subarray(0, 2 * 30)));
    expect(Array.from(wider.validation.x.subarray(0, 2 * 10))).toEqual(Array.from(base.validation.x));
    expect(Array.from(more.train.x)).toEqual(Array.from(base.train.x));
    expect(Array.from(more.validation.x)).toEqual(Array.from(base.validation.x));
    expect(more.extra!.rows).toBe(25);
    const joined = concatSets(more.train, more.extra!);
    expect(joined.rows).toBe(65);
    expect(Array.from(joined.x.subarray(80))).toEqual(Array.from(more.extra!.x));
    expect(Array.from(joined.targets.values.subarray(40))).toEqual(Array.from(more.extra!.targets.values));
  });

  it('regression: x uniform on the domain, y = f(x) exactly with noise 0, one input and one output', () => {
    const truth = readTruth('sin', [0, 1]);
    if (!truth.ok) throw new Error('truth');
    const data = drawLabData(spec({ kind: 'regression', noise: 0, truth: truth.truth.at, domain: [-1, 2], classes: 1, samples: 30 }));
    expect(data.train.rows).toBe(21);
    expect(data.train.targets).toMatchObject({ loss: 'mse', outputs: 1 });
    for (let i = 0; i < data.train.rows; i++) {
      const x = data.train.x[i]!;
      expect(x).toBeGreaterThanOrEqual(-1);
      expect(x).toBeLessThan(2);
      expect(data.train.targets.values[i]).toBe(Math.sin(2 * Math.PI * x));
    }
  });
});
