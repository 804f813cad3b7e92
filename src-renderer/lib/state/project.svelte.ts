import type { LayerSpec, NetworkSpec } from '../../../shared/core/network/spec';
import { createDefaultProject, createEmptyProject, PROJECT_FILE_EXTENSION, serializeProject, type Project, type ToolStates } from '../../../shared/project/index';
import { t } from '../i18n';
import { EditHistory } from './history.svelte';

/** The names the app gives a project, stored as they are (files are language-neutral) and shown in the current language. */
const DEFAULT_NAME = createDefaultProject().name;
const UNTITLED_NAME = createEmptyProject().name;

/** A project's name as shown: the app's own default names ("Assignment 1", "Untitled") in the current language, a user's name as typed. */
export function displayProjectName(name: string): string {
  if (name === DEFAULT_NAME) return t('app.defaultProjectName');
  if (name === UNTITLED_NAME) return t('file.untitled');
  return name;
}

/** Where the open document lives: a path in Electron, a file name in the browser. */
export interface DocumentLocation {
  path: string | null;
  fileName: string | null;
}

/** What undo and redo step through: the network and every tool's saved state. */
interface ProjectContent {
  network: NetworkSpec;
  tools: ToolStates;
}

/**
 * The open project: its name, network spec, tools' state, where it was saved, and whether
 * it changed since. Every edit goes through `editNetwork` or `editTool` so undo / redo and
 * the dirty flag see it; the form editor and the drag-and-drop builder call the same methods.
 */
export class ProjectState {
  name: string = $state('');
  network: NetworkSpec = $state.raw({ input: [], layers: [] });
  tools: ToolStates = $state.raw({});
  location: DocumentLocation = $state.raw({ path: null, fileName: null });
  readonly history = new EditHistory<ProjectContent>();
  #savedText: string = $state('');

  /** The document as it would be written now. */
  text = $derived(serializeProject({ name: this.name, network: this.network, tools: this.tools }));
  /** Differs from the last save or open (undoing back to it makes the project clean again). */
  dirty = $derived(this.text !== this.#savedText);
  /** The name as shown (the file keeps `name`). */
  displayName = $derived(displayProjectName(this.name));
  title = $derived(t('app.documentTitle', { name: this.displayName, dirtyMarker: this.dirty ? t('app.dirtyMarker') : '' }));
  /** `Assignment 1.layerwise` unless the file already has a name. */
  suggestedFileName = $derived(this.location.fileName ?? `${this.name}${PROJECT_FILE_EXTENSION}`);

  constructor(project: Project = createDefaultProject()) {
    this.replace(project);
  }

  /** New or opened document: replaces everything and starts a fresh history. */
  replace(project: Project, location: DocumentLocation = { path: null, fileName: null }, options: { dirty?: boolean } = {}): void {
    this.name = project.name;
    this.network = project.network;
    this.tools = project.tools;
    this.location = location;
    this.history.clear();
    this.#savedText = options.dirty ? '' : serializeProject(project);
  }

  markSaved(location: DocumentLocation, savedText: string): void {
    this.location = location;
    this.#savedText = savedText;
  }

  toProject(): Project {
    return { name: this.name, network: this.network, tools: this.tools };
  }

  editNetwork(next: NetworkSpec, coalesceKey: string | null = null): void {
    if (next === this.network) return;
    this.history.record(this.#content(), coalesceKey);
    this.network = next;
  }

  /** Replaces one tool's saved state as an undoable edit. */
  editTool<K extends keyof ToolStates>(tool: K, next: ToolStates[K], coalesceKey: string | null = null): void {
    if (next === this.tools[tool]) return;
    this.history.record(this.#content(), coalesceKey);
    this.tools = { ...this.tools, [tool]: next };
  }

  #content(): ProjectContent {
    return { network: this.network, tools: this.tools };
  }

  #restore(content: ProjectContent): void {
    this.network = content.network;
    this.tools = content.tools;
  }

  setInput(input: readonly number[], coalesceKey: string | null = 'input'): void {
    this.editNetwork({ ...this.network, input }, coalesceKey);
  }

  /** `index` is 0-based here (the table's "#" is 1-based). */
  updateLayer(index: number, layer: LayerSpec, coalesceKey: string | null = null): void {
    const layers = this.network.layers.map((existing, i) => (i === index ? layer : existing));
    this.editNetwork({ ...this.network, layers }, coalesceKey);
  }

  insertLayer(index: number, layer: LayerSpec): void {
    const layers = [...this.network.layers];
    layers.splice(index, 0, layer);
    this.editNetwork({ ...this.network, layers });
  }

  removeLayer(index: number): void {
    this.editNetwork({ ...this.network, layers: this.network.layers.filter((_, i) => i !== index) });
  }

  moveLayer(from: number, to: number): void {
    if (to < 0 || to >= this.network.layers.length || from === to) return;
    const layers = [...this.network.layers];
    const [moved] = layers.splice(from, 1);
    if (!moved) return;
    layers.splice(to, 0, moved);
    this.editNetwork({ ...this.network, layers });
  }

  undo(): void {
    const previous = this.history.undo(this.#content());
    if (previous) this.#restore(previous);
  }

  redo(): void {
    const next = this.history.redo(this.#content());
    if (next) this.#restore(next);
  }
}
