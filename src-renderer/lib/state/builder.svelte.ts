import type { LayerAnswerMarks } from '../../../shared/core/network/answers';
import type { CodeImportResult, CodeProblemCode, ExportFormat, ExportResult } from '../../../shared/core/network/codegen/types';
import type { SolveResult } from '../../../shared/core/network/solve';
import { PRESETS } from '../../../shared/core/network/presets';
import type { LayerSpec, LayerType, NetworkSpec } from '../../../shared/core/network/spec';
import { parseNetworkSpec, specErrorIssue } from '../../../shared/protocol/network-schema';
import { schemaIssueText } from '../i18n/engine-messages';
import type { Answers, LayerAnswer } from '../../../shared/project/tools';
import { LatestCall, type CoreClient } from '../core-client';
import { coreErrorText } from '../i18n/engine-messages';
import { en, t, type MessageKey } from '../i18n';
import type { ProjectState } from './project.svelte';

export type AnswerQuantity = keyof LayerAnswer;
export type ImportLanguage = 'pytorch' | 'keras' | 'json';

/** One problem with imported code, located by line (code) or JSON path (spec). */
export interface ImportProblem {
  line?: number;
  path?: string;
  message: string;
  /** A code importer's problem as a code with values (the dialog phrases it in the current language); `message` is the English. */
  code?: CodeProblemCode;
  values?: Readonly<Record<string, string | number>>;
}

/** `readAs`: the language the text was read as (Keras pasted with PyTorch chosen is read as Keras). */
export type BuilderImportResult = { ok: true; spec: NetworkSpec; readAs: ImportLanguage } | { ok: false; problems: ImportProblem[]; readAs: ImportLanguage };

function fromCode(result: CodeImportResult): BuilderImportResult {
  if (result.ok) return { ok: true, spec: result.spec, readAs: result.readAs };
  return { ok: false, problems: result.errors.map(({ line, message, code, values }) => ({ line, message, ...(code ? { code, values: values ?? {} } : {}) })), readAs: result.readAs };
}

/** A preset's name in the UI language (the core's English name when the catalog has none). */
export function presetName(id: string): string {
  const key = `builder.presetName.${id}`;
  if (Object.hasOwn(en, key)) return t(key as MessageKey & `builder.presetName.${string}`);
  return PRESETS[id]?.name ?? id;
}

const layerName = (type: LayerType) => t(`layer.${type}` as MessageKey & `layer.${string}`);

/**
 * The drag-and-drop builder's actions on the project (insert, move, duplicate, remove, load,
 * import) with a screen-reader announcement for each, plus its calls to the core (answer
 * marks, settings solver, code import / export). Every edit goes through ProjectState, so
 * undo / redo and the dirty flag see it.
 */
export class BuilderState {
  /** Text for the aria-live region: what the last drag or key press did. */
  announcement: string = $state('');
  /** Marks of the typed answers for `marksFor` (null until the core answers). */
  marks: LayerAnswerMarks[] | null = $state.raw(null);
  marksFor: { spec: NetworkSpec; answers: Answers } | null = $state.raw(null);

  readonly #client: CoreClient;
  readonly #project: ProjectState;
  readonly #marks = new LatestCall();

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  get layers(): readonly LayerSpec[] {
    return this.#project.network.layers;
  }

  /** The same text twice in a row is still announced (a trailing no-break space alternates). */
  announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Inserts `layer` at 0-based `at`; returns the new 1-based index. */
  insert(layer: LayerSpec, at: number): number {
    const position = Math.max(0, Math.min(at, this.layers.length));
    this.#project.insertLayer(position, layer);
    this.announce(t('builder.announce.inserted', { type: layerName(layer.type), index: position + 1, count: this.layers.length }));
    return position + 1;
  }

  /** Moves the layer at 0-based `from` so that it ends at 0-based `to`; returns the new 1-based index. */
  move(from: number, to: number): number {
    const layer = this.layers[from];
    if (!layer) return from + 1;
    const target = Math.max(0, Math.min(to, this.layers.length - 1));
    if (target === from) {
      this.announce(t('builder.announce.edge', { type: layerName(layer.type), index: from + 1 }));
      return from + 1;
    }
    this.#project.moveLayer(from, target);
    this.announce(t('builder.announce.moved', { type: layerName(layer.type), index: target + 1, count: this.layers.length }));
    return target + 1;
  }

  duplicate(index: number): number {
    const layer = this.layers[index];
    if (!layer) return index + 1;
    this.#project.insertLayer(index + 1, structuredClone(layer));
    this.announce(t('builder.announce.duplicated', { from: index + 1, index: index + 2 }));
    return index + 2;
  }

  remove(index: number): void {
    const layer = this.layers[index];
    if (!layer) return;
    this.#project.removeLayer(index);
    this.announce(t('builder.announce.removed', { index: index + 1, type: layerName(layer.type), count: this.layers.length }));
  }

  loadPreset(id: string): void {
    const preset = Object.hasOwn(PRESETS, id) ? PRESETS[id] : undefined;
    if (!preset) return;
    this.#project.editNetwork(structuredClone(preset.spec) as NetworkSpec);
    this.announce(t('builder.announce.preset', { name: presetName(preset.id), count: preset.spec.layers.length }));
  }

  /** Replaces the network with an imported one (one undoable step). */
  replaceNetwork(spec: NetworkSpec): void {
    this.#project.editNetwork(spec);
    this.announce(t('builder.announce.imported', { count: spec.layers.length }));
  }

  // ---- answers (saved in the project as tools.answers) ----

  get answers(): Answers {
    return this.#project.tools.answers ?? { layers: [] };
  }

  /** Sets one typed answer; typing in one field coalesces into one undo step. */
  setAnswer(index: number, quantity: AnswerQuantity, text: string): void {
    const layers = [...this.answers.layers];
    while (layers.length < index) layers.push(null);
    const current: LayerAnswer = { ...(layers[index - 1] ?? {}) };
    if (text === '') delete current[quantity];
    else current[quantity] = text.slice(0, 200);
    layers[index - 1] = Object.keys(current).length > 0 ? current : null;
    while (layers.length > 0 && layers[layers.length - 1] === null) layers.pop();
    this.#project.editTool('answers', { layers }, `answer:${index}:${quantity}`);
  }

  clearAnswers(): void {
    this.#project.editTool('answers', { layers: [] });
  }

  /** Asks the core to mark the answers against `spec`; a newer request cancels the older one. */
  requestMarks(spec: NetworkSpec, answers: Answers): void {
    this.#marks.run(
      (signal) => this.#client.checkAnswers({ spec, answers }, { signal }),
      (marks) => {
        this.marks = marks;
        this.marksFor = { spec, answers };
      },
      (error) => this.announce(coreErrorText(error)),
    );
  }

  // ---- solver, import, export ----

  solve(input: number, output: number, signal?: AbortSignal): Promise<SolveResult> {
    return this.#client.solveSettings({ input, output }, signal ? { signal } : undefined);
  }

  /**
   * PyTorch and Keras code are read by the core (it infers shapes to check in_channels);
   * a JSON spec is validated here with the same structural schema as project files.
   */
  async importSource(language: ImportLanguage, source: string): Promise<BuilderImportResult> {
    const defaultInput = [...this.#project.network.input];
    if (language === 'json') {
      const json = importJson(source);
      if (json.ok || /^\s*[[{]/.test(source)) return { ...json, readAs: 'json' };
      // Not JSON at all: model code is read as the language it is; anything else keeps the JSON error.
      const code = await this.#client.importCode({ language: 'pytorch', source, defaultInput });
      return code.looksLike === 'pytorch' || code.looksLike === 'keras' ? fromCode(code) : { ...json, readAs: 'json' };
    }
    return fromCode(await this.#client.importCode({ language, source, defaultInput }));
  }

  exportNetwork(format: ExportFormat): Promise<ExportResult> {
    return this.#client.exportNetwork({ spec: this.#project.network, format });
  }

  dispose(): void {
    this.#marks.cancel();
  }
}

/** Line of a character offset, for JSON.parse's "at position N". */
function lineOf(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** A JSON network spec ({ input, layers }) or a whole project file; structural errors name the layer and field. */
export function importJson(source: string): { ok: true; spec: NetworkSpec } | { ok: false; problems: ImportProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const problem: ImportProblem = { message: t('builder.code.notJson', { message }) };
    if (position?.[1]) problem.line = lineOf(source, Number(position[1]));
    return { ok: false, problems: [problem] };
  }
  const candidate = typeof value === 'object' && value !== null && 'network' in value ? (value as { network: unknown }).network : value;
  const parsed = parseNetworkSpec(candidate);
  if (parsed.ok) return { ok: true, spec: parsed.spec };
  return { ok: false, problems: parsed.errors.map((error) => ({ path: error.path, message: schemaIssueText(specErrorIssue(error)) })) };
}
