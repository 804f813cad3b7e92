import type { LayerIssue } from '../core/network/info';
import type { LayerIssueCode } from '../core/network/issues';
import { enLayerIssues } from './en-layer-issues';
import { faLayerIssues } from './fa-layer-issues';
import { fill, phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** A translation of the English layer-issue phrasebook `T`: the same prefixes, codes and table entries (typecheck enforces). */
export type LayerIssuePhrasebook<T extends typeof enLayerIssues> = {
  prefixes: Record<keyof T['prefixes'], string>;
  codes: Record<keyof T['codes'], string>;
  tables: { [Table in keyof T['tables']]: Record<keyof T['tables'][Table], string> };
  describeValue: (text: string) => string;
};

/** The values that hold the core's describeValue text. */
const DESCRIBED = ['value', 'stride', 'padding'];

export const layerIssueBooks: Record<EngineLocale, Phrasebook<LayerIssueCode> & { prefixes: { layer: string; input: string } }> = {
  en: { ...enLayerIssues, described: DESCRIBED },
  fa: { ...faLayerIssues, described: DESCRIBED },
};

/**
 * A layer issue in `locale`, with the core's prefix ("layer 4 (conv2d): ", "input: ");
 * `prefix: false` for a place that already names the layer. An unknown code keeps the English.
 */
export function phraseLayerIssue(locale: EngineLocale, issue: Pick<LayerIssue, 'code' | 'values' | 'field' | 'message'>, write: ValueWriter, prefix = true): string {
  const book = layerIssueBooks[locale];
  const body = phrase(book, issue, write, issue.message);
  if (!prefix || body === issue.message) return body;
  if (issue.values['layer'] !== undefined) return fill(book, book.prefixes.layer, issue.values, write) + body;
  return issue.field === 'input' ? book.prefixes.input + body : body;
}
