import { describe, expect, it } from 'vitest';
import { DEFAULT_OVERFITTING_TOOL, overfittingToolSchema } from '../protocol/overfitting-schema';
import { createDefaultProject, parseProjectText, serializeProject } from './index';

describe('the overfitting lab in a project file', () => {
  it('round-trips through save and open, remedy values kept while switched off', () => {
    const tool = overfittingToolSchema.parse({ ...DEFAULT_OVERFITTING_TOOL, dataset: 'spiral', remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, dropout: { on: true, rate: 0.5 } } });
    const opened = parseProjectText(serializeProject({ ...createDefaultProject(), tools: { overfitting: tool } }));
    expect(opened.ok && opened.project.tools.overfitting).toEqual(tool);
  });

  it('is strict: an unknown field or a value out of range is refused, naming the field', () => {
    const file = (overfitting: unknown) => {
      const document = JSON.parse(serializeProject(createDefaultProject()));
      document.tools = { overfitting };
      return parseProjectText(JSON.stringify(document));
    };
    const unknown = file({ ...DEFAULT_OVERFITTING_TOOL, colour: 'red' });
    expect(unknown.ok).toBe(false);
    expect(JSON.stringify(unknown)).toContain('colour');
    const dropout = file({ ...DEFAULT_OVERFITTING_TOOL, remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, dropout: { on: true, rate: 1 } } });
    expect(dropout.ok).toBe(false);
    expect(JSON.stringify(dropout)).toContain('rate');
  });
});
