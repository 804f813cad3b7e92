import { describe, expect, it } from 'vitest';
import { SEED_BACKPROP_CASE } from '../core/backprop/examples';
import { createDefaultProject, parseProjectText, serializeProject } from './index';

describe('saved state: tools.backprop in a project file', () => {
  it('round-trips the case, and a file with a broken case is refused with the cell named', () => {
    const project = { ...createDefaultProject(), tools: { backprop: SEED_BACKPROP_CASE } };
    const reopened = parseProjectText(serializeProject(project));
    expect(reopened.ok && reopened.project.tools.backprop).toEqual(SEED_BACKPROP_CASE);
    const broken = serializeProject({ ...project, tools: { backprop: { ...SEED_BACKPROP_CASE, input: [[1, 2], [3]] } } });
    const refused = parseProjectText(broken);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toContain('input[1]: row has 1 cell, expected 2');
  });
});
