import { describe, expect, it } from 'vitest';
import type { LayerwiseApi, MenuCommand } from '../../../shared/protocol/preload-api';
import { createElectronDocumentHost, editTargetOf, isTextEditing, menuCommandForKey, type FocusLike } from './document-host';

const textInput: FocusLike = { tagName: 'INPUT', type: 'text' };
const numberInput: FocusLike = { tagName: 'INPUT', type: 'number' };
const textarea: FocusLike = { tagName: 'TEXTAREA' };
const editable: FocusLike = { tagName: 'DIV', isContentEditable: true };
const checkbox: FocusLike = { tagName: 'INPUT', type: 'checkbox' };
const button: FocusLike = { tagName: 'BUTTON' };
const readonlyText: FocusLike = { tagName: 'TEXTAREA', readOnly: true };
const listItem: FocusLike = { tagName: 'LI' };

function key(init: Partial<KeyboardEvent> & { key: string }, target: FocusLike | null = listItem): KeyboardEvent {
  return { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target, ...init } as unknown as KeyboardEvent;
}

describe('isTextEditing', () => {
  it('is true where the browser has its own text undo: text-like inputs, textareas, contenteditable', () => {
    for (const target of [textInput, numberInput, textarea, editable, { tagName: 'INPUT', type: 'search' }, { tagName: 'INPUT' }]) {
      expect(isTextEditing(target), JSON.stringify(target)).toBe(true);
    }
  });

  it('is false for buttons, checkboxes, read-only or disabled fields and everything else', () => {
    for (const target of [checkbox, button, readonlyText, listItem, { tagName: 'INPUT', type: 'text', disabled: true }, { tagName: 'INPUT', type: 'range' }, { tagName: 'SELECT' }, null]) {
      expect(isTextEditing(target), JSON.stringify(target)).toBe(false);
    }
  });
});

describe('menuCommandForKey', () => {
  it('maps Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y to project undo and redo outside text fields', () => {
    expect(menuCommandForKey(key({ key: 'z', ctrlKey: true }))).toBe('edit.undo');
    expect(menuCommandForKey(key({ key: 'z', metaKey: true }))).toBe('edit.undo');
    expect(menuCommandForKey(key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe('edit.redo');
    expect(menuCommandForKey(key({ key: 'y', ctrlKey: true }))).toBe('edit.redo');
  });

  it('leaves Ctrl/Cmd+Z in a text field to the field (its own text undo)', () => {
    for (const target of [textInput, numberInput, textarea, editable]) {
      expect(menuCommandForKey(key({ key: 'z', ctrlKey: true }, target))).toBeNull();
      expect(menuCommandForKey(key({ key: 'z', metaKey: true, shiftKey: true }, target))).toBeNull();
    }
  });

  it('can be limited to the edit commands (the Electron menu owns the file shortcuts)', () => {
    expect(menuCommandForKey(key({ key: 's', ctrlKey: true }), { editOnly: true })).toBeNull();
    expect(menuCommandForKey(key({ key: 'z', ctrlKey: true }), { editOnly: true })).toBe('edit.undo');
    expect(menuCommandForKey(key({ key: 's', ctrlKey: true }))).toBe('file.save');
  });
});

describe('editTargetOf', () => {
  it('sends Undo/Redo from the menu to the focused text field, else to the project', () => {
    expect(editTargetOf(textInput)).toBe('text');
    expect(editTargetOf(textarea)).toBe('text');
    expect(editTargetOf(button)).toBe('project');
    expect(editTargetOf(null)).toBe('project');
  });
});

/** The window parts the Electron host reads: the focused element and keydown listeners. */
function fakeWindow(focused: FocusLike | null) {
  const listeners: ((event: KeyboardEvent) => void)[] = [];
  const win = {
    document: { activeElement: focused },
    addEventListener: (type: string, listener: (event: KeyboardEvent) => void) => {
      if (type === 'keydown') listeners.push(listener);
    },
    removeEventListener: (_type: string, listener: (event: KeyboardEvent) => void) => {
      listeners.splice(listeners.indexOf(listener), 1);
    },
  };
  return { win: win as unknown as Window, listeners, focus: (element: FocusLike | null) => (win.document.activeElement = element) };
}

function fakeApi() {
  const log: string[] = [];
  let menuListener: ((command: MenuCommand) => void) | null = null;
  const app = {
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      menuListener = listener;
      return () => (menuListener = null);
    },
    editText: (action: 'undo' | 'redo') => void log.push(`native ${action}`),
  };
  return { api: { app } as unknown as LayerwiseApi, log, menu: (command: MenuCommand) => menuListener?.(command) };
}

describe('Electron document host: the title bar', () => {
  it("hands main the document's name, not a finished title (main formats it; twice would read \"x • — Layerwise • — Layerwise\")", () => {
    const states: unknown[] = [];
    const api = { app: { setDocumentState: (state: unknown) => void states.push(state) } } as unknown as LayerwiseApi;
    createElectronDocumentHost(api, fakeWindow(null).win).setDocumentState({ name: 'Assignment 1', title: 'Assignment 1 • — Layerwise', dirty: true });
    expect(states).toEqual([{ title: 'Assignment 1', dirty: true }]);
  });
});

describe('Electron document host: the guarded undo/redo', () => {
  it('a menu Undo while a text field has focus undoes the text natively, not a project edit', () => {
    const { api, log, menu } = fakeApi();
    const { win, focus } = fakeWindow(textInput);
    const host = createElectronDocumentHost(api, win);
    const commands: MenuCommand[] = [];
    host.onMenuCommand((command) => commands.push(command));
    menu('edit.undo');
    menu('edit.redo');
    expect(log).toEqual(['native undo', 'native redo']);
    expect(commands).toEqual([]);
    focus(button);
    menu('edit.undo');
    menu('file.save');
    expect(commands).toEqual(['edit.undo', 'file.save']);
    expect(log).toEqual(['native undo', 'native redo']);
  });

  it('handles Ctrl/Cmd+Z in the page itself (the menu accelerator is not registered): project undo outside text fields only', () => {
    const { api } = fakeApi();
    const { win, listeners } = fakeWindow(null);
    const host = createElectronDocumentHost(api, win);
    const commands: MenuCommand[] = [];
    const unsubscribe = host.onMenuCommand((command) => commands.push(command));
    let prevented = 0;
    const press = (init: Partial<KeyboardEvent> & { key: string }, target: FocusLike) =>
      listeners.forEach((listener) => listener({ ...key(init, target), preventDefault: () => prevented++ } as unknown as KeyboardEvent));
    press({ key: 'z', ctrlKey: true }, listItem);
    press({ key: 'z', ctrlKey: true, shiftKey: true }, listItem);
    press({ key: 'z', ctrlKey: true }, textInput); // the field's own undo
    press({ key: 's', ctrlKey: true }, listItem); // the menu's accelerator, not the page's
    expect(commands).toEqual(['edit.undo', 'edit.redo']);
    expect(prevented).toBe(2);
    unsubscribe();
    expect(listeners).toHaveLength(0);
  });
});
