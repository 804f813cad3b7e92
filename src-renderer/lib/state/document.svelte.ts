import { createEmptyProject, parseProjectText, type ProjectErrorCode } from '../../../shared/project/index';
import type { DocumentHost, MenuCommand, OpenResult, SaveResult } from '../core-client';
import { t } from '../i18n';
import { projectFileErrorText } from '../i18n/engine-messages';
import type { ProjectState } from './project.svelte';

/** A message above the workspace about the last file action. */
export interface FileNotice {
  tone: 'error' | 'info';
  heading: string;
  detail: string;
  /** The action failed and the open project was left as it was. */
  keptProject?: boolean;
}

const OPEN_ERROR_HEADINGS: { [C in ProjectErrorCode]: `file.openError.${C}` } = {
  not_json: 'file.openError.not_json',
  not_a_project: 'file.openError.not_a_project',
  newer_version: 'file.openError.newer_version',
  invalid: 'file.openError.invalid',
  too_large: 'file.openError.too_large',
};

/**
 * File commands (New, Open, Save, Save As, save-then-close) on top of a `DocumentHost`.
 * A file that does not parse is reported and the open project is left exactly as it was.
 */
export class DocumentState {
  notice: FileNotice | null = $state.raw(null);
  busy: boolean = $state(false);

  readonly #project: ProjectState;
  readonly #host: DocumentHost;
  readonly #confirmDiscard: (name: string) => boolean;

  constructor(project: ProjectState, host: DocumentHost, confirmDiscard: (name: string) => boolean) {
    this.#project = project;
    this.#host = host;
    this.#confirmDiscard = confirmDiscard;
  }

  get hostKind(): DocumentHost['kind'] {
    return this.#host.kind;
  }

  dismissNotice(): void {
    this.notice = null;
  }

  #mayDiscard(): boolean {
    return !this.#project.dirty || this.#confirmDiscard(this.#project.displayName);
  }

  newProject(): void {
    if (!this.#mayDiscard()) return;
    this.#project.replace(createEmptyProject());
    this.notice = null;
  }

  async open(): Promise<void> {
    if (!this.#mayDiscard()) return;
    this.busy = true;
    try {
      this.openResult(await this.#host.open());
    } finally {
      this.busy = false;
    }
  }

  /** A file main opened (Open Recent menu, a double-click in the OS, a second instance): same checks as Open. */
  openFromMain(result: OpenResult): void {
    if (result.status === 'opened' && !this.#mayDiscard()) return;
    this.openResult(result);
  }

  /** Applies what a picker, the menu's recent list or a drop produced. */
  openResult(result: OpenResult): void {
    if (result.status === 'cancelled') return;
    if (result.status === 'error') {
      this.notice = { tone: 'error', heading: t('file.openError.read'), detail: result.message, keptProject: true };
      return;
    }
    const { file } = result;
    const parsed = parseProjectText(file.text);
    if (!parsed.ok) {
      this.notice = {
        tone: 'error',
        heading: t(OPEN_ERROR_HEADINGS[parsed.error.code]),
        detail: t('file.openErrorDetail', { file: file.name, message: projectFileErrorText(parsed.error) }),
        keptProject: true,
      };
      return;
    }
    const migrated = parsed.migratedFrom !== undefined;
    this.#project.replace(parsed.project, { path: file.path, fileName: file.name }, { dirty: migrated });
    this.notice = migrated
      ? { tone: 'info', heading: t('file.migrated', { file: file.name, version: parsed.migratedFrom ?? '' }), detail: '' }
      : null;
  }

  /** Saves to the current location (asking for one the first time); true when written. */
  async save(): Promise<boolean> {
    const project = this.#project;
    return this.#finishSave(
      await this.#host.save({ path: project.location.path, text: project.text, suggestedName: project.suggestedFileName }),
      project.text,
    );
  }

  async saveAs(): Promise<boolean> {
    const project = this.#project;
    return this.#finishSave(await this.#host.saveAs({ text: project.text, suggestedName: project.suggestedFileName }), project.text);
  }

  async #finishSave(result: SaveResult, text: string): Promise<boolean> {
    if (result.status === 'cancelled') return false;
    if (result.status === 'error') {
      this.notice = { tone: 'error', heading: t('file.saveError', { message: result.message }), detail: '' };
      return false;
    }
    this.#project.markSaved({ path: result.path, fileName: result.name }, text);
    if (this.notice?.tone === 'error') this.notice = null;
    return true;
  }

  /** Save at the close prompt: close once saved; otherwise (cancelled, failed) the window stays and stays usable. */
  async #saveThenClose(): Promise<void> {
    let saved = false;
    try {
      saved = await this.save();
    } catch (error) {
      this.notice = { tone: 'error', heading: t('file.saveError', { message: error instanceof Error ? error.message : String(error) }), detail: '' };
    }
    if (saved) this.#host.confirmClose();
    else this.#host.cancelClose();
  }

  async handleMenuCommand(command: MenuCommand): Promise<void> {
    switch (command) {
      case 'file.new':
        this.newProject();
        return;
      case 'file.open':
        await this.open();
        return;
      case 'file.save':
        await this.save();
        return;
      case 'file.saveAs':
        await this.saveAs();
        return;
      case 'file.saveThenClose':
        await this.#saveThenClose();
        return;
      case 'edit.undo':
        this.#project.undo();
        return;
      case 'edit.redo':
        this.#project.redo();
        return;
    }
  }
}
