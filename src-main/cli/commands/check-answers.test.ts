import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';
import { SEED_NETWORK } from '../../../shared/core/network/presets';
import { createDefaultProject, serializeProject } from '../../../shared/project/index';

const run = runCli;

/** Part of the seed student's answers (SEED-NOTES.md Q1): layer 2's output and receptive field are wrong. */
const answers = { layers: [{ output: '128x128x32', params: '4,736', rf: '7' }, { output: '62x62x62', params: '51,264', rf: '1225 px' }] };

describe('layerwise check-answers', () => {
  it("marks a project file's saved answers with the reasons", async () => {
    const project = { ...createDefaultProject(), tools: { answers } };
    const { code, out, err } = await run(['check-answers', '-'], serializeProject(project));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('layer 2 rf: 1225 px - wrong; expected 11 (11x11 = 121 px)\n  receptive fields do not multiply (35 is the product of the kernel sizes): r = 7 + (5 - 1)*1 = 11');
    expect(out).toContain('layer 1 params: 4,736 - right\n  params = (3*7*7/1 + 1)*32 = 4,736');
    expect(out).toContain('4 of 6 answers right');
  });

  it('--json with { network, answers }', async () => {
    const { code, out } = await run(['check-answers', '-', '--json'], JSON.stringify({ network: SEED_NETWORK, answers }));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ right: 4, total: 6 });
    expect(json.marks[1].output.status).toBe('wrong');
  });

  it('exits 2 naming the field: no answers saved, an answer too long, a document of the wrong shape', async () => {
    const none = await run(['check-answers', '-'], serializeProject(createDefaultProject()));
    expect(none.code).toBe(2);
    expect(none.err).toContain('tools.answers: this project has no saved answers');
    const long = await run(['check-answers', '-'], JSON.stringify({ network: SEED_NETWORK, answers: { layers: [{ output: 'x'.repeat(201) }] } }));
    expect(long.code).toBe(2);
    expect(long.err).toContain('answers.layers.0.output: an answer is at most 200 characters');
    const wrong = await run(['check-answers', '-'], JSON.stringify({ network: SEED_NETWORK }));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('answers:');
  });
});
