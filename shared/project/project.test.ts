import { describe, expect, it } from 'vitest';
import { applyMigrations } from './migrate';
import {
  CURRENT_PROJECT_VERSION,
  createDefaultProject,
  networkFromDocument,
  parseProjectText,
  serializeProject,
} from './project';

describe('project files', () => {
  it('the default project is "Assignment 1" with the seed network and survives a save/open round trip', () => {
    const project = createDefaultProject();
    expect(project.name).toBe('Assignment 1');
    expect(project.network.input).toEqual([3, 128, 128]);
    const text = serializeProject(project);
    expect(JSON.parse(text)).toMatchObject({ format: 'layerwise-project', version: CURRENT_PROJECT_VERSION });
    expect(parseProjectText(text)).toEqual({ ok: true, project });
  });

  it.each([
    ['{"format": "layerwise-project", "version": 1, "name": "x", "network": ', 'not_json', 'the file is not valid JSON'],
    ['{"name": "my-app", "version": "1.0.0", "dependencies": {}}', 'not_a_project', 'the file is not a Layerwise project'],
    ['[1, 2, 3]', 'not_a_project', 'the file is not a Layerwise project'],
    ['{"format": "layerwise-project", "version": 99, "name": "x", "network": {}}', 'newer_version', 'written by a newer Layerwise (project version 99'],
    ['{"format": "layerwise-project", "version": 0, "name": "x", "network": {}}', 'invalid', '"version" must be a whole number from 1 up'],
    [
      '{"format": "layerwise-project", "version": 1, "name": "x", "network": {"input": [3, 8, 8], "layers": [{"type": "conv2d", "out_channels": 2}]}}',
      'invalid',
      'layer 1 (conv2d): kernel: is required',
    ],
    ['{"format": "layerwise-project", "version": 1, "name": "", "network": {"input": [3, 8, 8], "layers": []}}', 'invalid', 'name: name must not be empty'],
  ])('%s -> %s', (text, code, message) => {
    const result = parseProjectText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
    }
  });

  it('networkFromDocument takes a project file\'s network or a bare spec', () => {
    const project = createDefaultProject();
    expect(networkFromDocument(JSON.parse(serializeProject(project)))).toEqual({ ok: true, spec: project.network });
    const bare = { input: [10], layers: [{ type: 'linear', out_features: 2 }] };
    expect(networkFromDocument(bare)).toEqual({ ok: true, spec: bare });
    expect(networkFromDocument({ input: [10], layers: [{ type: 'dense' }] })).toMatchObject({ ok: false, errors: [expect.stringContaining('layer 1: unknown type "dense"')] });
  });
});

describe('applyMigrations', () => {
  const addField = (doc: Record<string, unknown>) => ({ ...doc, added: true });
  const renameField = (doc: Record<string, unknown>) => {
    const { added, ...rest } = doc;
    return { ...rest, renamed: added };
  };

  it('runs each step from the file version to the current one, in order, and stamps the version', () => {
    expect(applyMigrations({ version: 1, name: 'x' }, 1, 3, [addField, renameField])).toEqual({
      ok: true,
      data: { version: 3, name: 'x', renamed: true },
    });
    expect(applyMigrations({ version: 2, added: 'kept' }, 2, 3, [addField, renameField])).toEqual({ ok: true, data: { version: 3, renamed: 'kept' } });
  });

  it('reports a missing or failing step instead of throwing', () => {
    expect(applyMigrations({ version: 1 }, 1, 3, [addField])).toEqual({ ok: false, message: 'no migration from project version 2 to 3' });
    const failing = () => {
      throw new Error('network missing');
    };
    expect(applyMigrations({ version: 1 }, 1, 2, [failing])).toEqual({ ok: false, message: 'could not upgrade the file from version 1: network missing' });
  });
});
