import { describe, expect, it } from 'vitest';
import { toursOff, type TourStore } from '../core-client/tour-host';
import { TourState } from './tour.svelte';

function memoryStore(initial: string[] = []): TourStore & { saved: string[][] } {
  const saved: string[][] = [];
  let current = initial;
  return {
    saved,
    load: () => current,
    save(seen) {
      current = [...seen];
      saved.push(current);
    },
  };
}

describe('guided tours', () => {
  it('offers a tool\'s tour until it is finished, then remembers it', () => {
    const store = memoryStore();
    const tours = new TourState(store);
    expect(tours.offers('network')).toBe(true);
    tours.start('network');
    expect(tours.offers('network')).toBe(false);
    tours.next(3);
    tours.next(3);
    expect(tours.step).toBe(2);
    tours.next(3);
    expect(tours.running).toBeNull();
    expect(store.saved.at(-1)).toEqual(['network']);
    expect(new TourState(store).offers('network')).toBe(false);
    expect(new TourState(store).offers('optimizer')).toBe(true);
  });

  it('back never goes before the first step; a skip or a decline is remembered like a finish', () => {
    const store = memoryStore(['backprop']);
    const tours = new TourState(store);
    tours.start('optimizer');
    tours.back();
    expect(tours.step).toBe(0);
    tours.finish();
    expect(store.saved.at(-1)).toEqual(['backprop', 'optimizer']);
    tours.finish('receptive-field');
    expect(store.saved.at(-1)).toEqual(['backprop', 'optimizer', 'receptive-field']);
  });

  it('?tour=off offers none but the Tour button still starts one', () => {
    const tours = new TourState(memoryStore(), { off: toursOff('?lang=fa&tour=off') });
    expect(tours.offers('network')).toBe(false);
    tours.start('network');
    expect(tours.running).toBe('network');
    expect(toursOff('?tour=on')).toBe(false);
    expect(toursOff('')).toBe(false);
  });
});
