import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from '../core/optim/presets';
import { optimizerToolSchema } from '../protocol/optimize-schema';
import { createDefaultProject, parseProjectText, serializeProject } from './index';

describe('the optimizer tool in a project file', () => {
  it('round-trips through save and open', () => {
    const tool = optimizerToolSchema.parse({ problem: SEED_OPTIMIZE_PROBLEM, compare: { type: 'adam', lr: 0.5 }, axes: ['a', 'c'] });
    const project = { ...createDefaultProject(), tools: { optimizer: tool } };
    const opened = parseProjectText(serializeProject(project));
    expect(opened.ok && opened.project.tools.optimizer).toEqual(tool);
  });

  it('a file without it still opens; a broken one names the field', () => {
    expect(parseProjectText(serializeProject(createDefaultProject())).ok).toBe(true);
    const broken = JSON.parse(serializeProject(createDefaultProject()));
    broken.tools = { optimizer: { problem: { ...SEED_OPTIMIZE_PROBLEM, epochs: 0 } } };
    const opened = parseProjectText(JSON.stringify(broken));
    expect(opened.ok).toBe(false);
    expect(JSON.stringify(opened)).toContain('epochs');
  });
});
