import type { BackpropCaseInput } from '../../../shared/core/backprop/types';
import { SEED_BACKPROP_CASE } from '../../../shared/core/backprop/examples';
import { SEED_NETWORK } from '../../../shared/core/network/presets';
import { SEED_OPTIMIZE_PROBLEM } from '../../../shared/core/optim/presets';
import { SEED_FACTS } from '../../../shared/core/seed-facts';
import { formatDecimal, formatInteger, formatPlain, ltr, t } from '../../lib/i18n';
import { seedOptimizerTool, type ProjectState } from '../../lib/state';

/** An exercise of the assignment as a state of the project: whether it holds it, and loading it (one undoable edit). */
export interface Exercise {
  isLoaded(project: ProjectState): boolean;
  load(project: ProjectState): void;
}

/**
 * One card of the start page: a question of the assignment restated in our own words (from the
 * seed's notes), the tool that works it out, and, where the seed gives one, the exercise to load.
 * A card whose tool is not in this version is not shown (the Q2 labs appear as they arrive).
 */
export interface QuestionCard {
  id: string;
  tool: string;
  /** Texts in the current language (read while rendering, so a language switch re-renders them). */
  label: () => string;
  title: () => string;
  body: () => string;
  /** What the student will find, with the seed's numbers (SEED_FACTS, checked against the core by questions.test.ts). */
  facts?: () => string;
  exercise?: Exercise;
}

/** Data equal regardless of object key order (the project may store keys in another order). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** "62×62×64" with the current language's digits, kept left to right inside Persian sentences. */
function box(...sides: number[]): string {
  return ltr(sides.map(formatInteger).join('×'));
}

function list(values: readonly number[]): string {
  return ltr(values.map((value) => formatDecimal(value, 4)).join(t('list.separator')));
}

const seedNetwork: Exercise = {
  isLoaded: (project) => sameData(project.network, SEED_NETWORK),
  load: (project) => project.editNetwork(structuredClone(SEED_NETWORK)),
};


export const QUESTION_CARDS: readonly QuestionCard[] = [
  {
    id: 'q1',
    tool: 'network',
    label: () => t('start.q1.label'),
    title: () => t('start.q1.title'),
    body: () => t('start.q1.body', { size: box(SEED_NETWORK.input[1] ?? 0, SEED_NETWORK.input[2] ?? 0) }),
    facts: () =>
      t('start.q1.facts', {
        shape: box(...SEED_FACTS.q1.output),
        params: formatInteger(SEED_FACTS.q1.params),
        field: box(SEED_FACTS.q1.field, SEED_FACTS.q1.field),
        wrong: box(SEED_FACTS.q1.wrongField, SEED_FACTS.q1.wrongField),
      }),
    exercise: seedNetwork,
  },
  {
    id: 'q1-rf',
    tool: 'receptive-field',
    label: () => t('start.q1rf.label'),
    title: () => t('start.q1rf.title'),
    body: () => t('start.q1rf.body'),
    facts: () => t('start.q1rf.facts', { field: box(SEED_FACTS.q1rf.field, SEED_FACTS.q1rf.field) }),
    exercise: seedNetwork,
  },
  { id: 'q2a', tool: 'bias-variance', label: () => t('start.q2a.label'), title: () => t('start.q2a.title'), body: () => t('start.q2a.body') },
  { id: 'q2b', tool: 'overfitting', label: () => t('start.q2b.label'), title: () => t('start.q2b.title'), body: () => t('start.q2b.body') },
  { id: 'q2c', tool: 'gradient-flow', label: () => t('start.q2c.label'), title: () => t('start.q2c.title'), body: () => t('start.q2c.body') },
  { id: 'q2d', tool: 'depth', label: () => t('start.q2d.label'), title: () => t('start.q2d.title'), body: () => t('start.q2d.body') },
  { id: 'q2-double-descent', tool: 'double-descent', label: () => t('start.q2e.label'), title: () => t('start.q2e.title'), body: () => t('start.q2e.body') },
  {
    id: 'q3',
    tool: 'backprop',
    label: () => t('start.q3.label'),
    title: () => t('start.q3.title'),
    body: () => t('start.q3.body', { kernel: box(...SEED_FACTS.q3.kernel) }),
    facts: () => t('start.q3.facts', { upstream: formatPlain(SEED_FACTS.q3.upstream), weights: list(SEED_FACTS.q3.weights), bias: formatPlain(SEED_FACTS.q3.bias) }),
    exercise: {
      // The tool opens on the seed's case while the project holds none.
      isLoaded: (project) => project.tools.backprop === undefined || sameData(project.tools.backprop, SEED_BACKPROP_CASE),
      load: (project) => project.editTool('backprop', structuredClone(SEED_BACKPROP_CASE) as BackpropCaseInput),
    },
  },
  {
    id: 'q4',
    tool: 'optimizer',
    label: () => t('start.q4.label'),
    title: () => t('start.q4.title'),
    body: () => {
      const optimizer = SEED_OPTIMIZE_PROBLEM.optimizer;
      return t('start.q4.body', { beta: formatPlain('beta' in optimizer ? optimizer.beta : 0), mu: formatPlain(optimizer.lr) });
    },
    facts: () => t('start.q4.facts', { first: list(SEED_FACTS.q4.first), second: list(SEED_FACTS.q4.second) }),
    exercise: {
      isLoaded: (project) => sameData(project.tools.optimizer?.problem, SEED_OPTIMIZE_PROBLEM),
      load: (project) => project.editTool('optimizer', seedOptimizerTool()),
    },
  },
];
