import { describe, expect, it } from 'vitest';
import { createCore } from '../../../shared/core/index';
import type { OverfittingProgress, OverfittingResult } from '../../../shared/core/overfitting/index';
import { DEFAULT_OVERFITTING_TOOL } from '../../../shared/protocol/overfitting-schema';
import type { CoreClient } from './index';
import { labDocument, OverfittingState } from '../state/overfitting.svelte';
import { ProjectState } from '../state/project.svelte';

const EARLY = {
  ...DEFAULT_OVERFITTING_TOOL,
  remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, earlyStopping: { ...DEFAULT_OVERFITTING_TOOL.remedies.earlyStopping, on: true } },
};

/** The core's real run of the settings, with the progress reports it sent on the way. */
async function recorded() {
  const reports: OverfittingProgress[] = [];
  const result = (await createCore().overfittingLab({ lab: labDocument(EARLY) }, { checkpoint: async () => {}, progress: (p) => reports.push(p as OverfittingProgress) })) as OverfittingResult;
  return { reports, result };
}

/** A client whose one call the test plays out by hand: progress reports, then the result. */
function scriptedClient() {
  let onProgress: ((p: OverfittingProgress) => void) | undefined;
  let finish: ((r: unknown) => void) | undefined;
  const client = {
    overfittingLab: (_payload: unknown, options?: { onProgress?: (p: OverfittingProgress) => void }) => {
      onProgress = options?.onProgress;
      return new Promise((resolve) => { finish = resolve; });
    },
  } as unknown as CoreClient;
  return { client, report: (p: OverfittingProgress) => onProgress!(p), finish: (r: unknown) => finish!(r) };
}

/** The overfitting lab's playback state driven by the core's real progress reports (beside the clients, the one renderer folder that may run the core). */
describe('overfitting lab playback', () => {
  it('End pressed while the runs train follows the newest epoch, so an early stop is reached, not left behind', async () => {
    const { reports, result } = await recorded();
    expect(reports.length).toBeGreaterThan(2);
    const stop = result.remedied!.epochs.length - 1;
    expect(stop).toBeLessThan(EARLY.epochs);

    const { client, report, finish } = scriptedClient();
    const project = new ProjectState();
    project.tools = { ...project.tools, overfitting: EARLY };
    const lab = new OverfittingState(client, project);
    lab.request(labDocument(EARLY));
    report(reports[0]!);
    lab.toEnd();
    const early = lab.position;
    expect(early).toBeLessThan(stop);
    for (const partial of reports.slice(1)) {
      report(partial);
      expect(lab.position).toBe(lab.available);
    }
    finish(result);
    await Promise.resolve();
    await Promise.resolve();
    expect(lab.done).toBe(true);
    expect(lab.cursor).toBe(lab.available);
    expect(lab.cursor).toBeGreaterThanOrEqual(stop);
    expect(lab.following).toBe(false);
  });

  it('a step after End stops the following: playback stays where the student put it', async () => {
    const { reports } = await recorded();
    const { client, report } = scriptedClient();
    const lab = new OverfittingState(client, new ProjectState());
    lab.request(labDocument(EARLY));
    report(reports[0]!);
    report(reports[1]!);
    lab.toEnd();
    lab.stepBack();
    const held = lab.position;
    report(reports[2]!);
    expect(lab.position).toBe(held);
    expect(lab.position).toBeLessThan(lab.available);
  });
});

describe('overfitting lab derivations', () => {
  /** The real core behind a client that counts the explain calls it passes on. */
  function countingClient() {
    const core = createCore();
    const calls: number[] = [];
    const client = {
      overfittingLab: () => new Promise(() => {}),
      overfittingExplain: (payload: { lab: unknown; epoch: number }) => {
        calls.push(payload.epoch);
        return Promise.resolve(core.overfittingExplain(payload as never));
      },
    } as unknown as CoreClient;
    return { client, calls };
  }

  it('a second number at the same epoch is answered from the first answer, with the same numbers; new settings ask again', async () => {
    const { client, calls } = countingClient();
    const lab = new OverfittingState(client, new ProjectState());
    const small = { ...DEFAULT_OVERFITTING_TOOL, epochs: 40 };
    lab.request(labDocument(small));
    const signal = new AbortController().signal;
    const first = await lab.explain(12, signal);
    const again = await lab.explain(12, signal);
    expect(first?.ok).toBe(true);
    expect(again).toEqual(first);
    expect(calls).toEqual([12]);
    await lab.explain(13, signal);
    expect(calls).toEqual([12, 13]);
    // Other settings are other runs: nothing is reused.
    lab.request(labDocument({ ...small, seed: small.seed + 1 }));
    const other = await lab.explain(12, signal);
    expect(calls).toEqual([12, 13, 12]);
    expect(other).not.toEqual(first);
  });
});
