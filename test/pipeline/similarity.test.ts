/**
 * The agreement bonus: two mentions that agree on a counted figure are more alike; a figure with
 * no floor ("up to 80 kg") agrees with too much to count, and a measurement that says where ("at
 * 60 metres") names a place, not what happened.
 */
import { describe, expect, it } from 'vitest';
import { similarity } from '../../scripts/pipeline/match/similarity.ts';
import { findValues } from '../../scripts/pipeline/values.ts';
import { contentStems } from '../../scripts/pipeline/text.ts';
import { structure } from '../../scripts/pipeline/extract/structure.ts';
import type { Mention } from '../../scripts/pipeline/types.ts';

function mention(source: string, text: string): Mention {
  return {
    key: `${source}#0`, source, kind: 'statement', text, quote: null, speaker: null, actors: [], named: [], clauses: [], who: [], did: [],
    sentence: { index: 0, text, start: 0, end: text.length, kind: 'body' }, values: findValues(text), terms: contentStems(text),
  };
}

describe('similarity and agreeing figures', () => {
  const texts = {
    floorA: 'Harbour officials said more than 30 nations sent delegates to the shipping summit.',
    floorB: 'Delegates from 35 nations gathered for the port conference.',
    openA: 'Each crate can hold up to 80 kilograms of grain, dock officials said.',
    openB: 'Workers filled each crate with 5 kilograms of rice at the quay.',
    heightA: 'The cranes on the north quay at 60 metres above the sea were shut after the storm.',
    heightB: 'Dock workers repainted the signal mast at 60 metres above the north quay.',
    shareA: 'Of the 9,000 dock workers in the port, only 12% live in the harbour town itself.',
    shareB: 'About 300 ships call at the port each month, 12% of them tankers bound for the harbour refinery.',
    sameA: 'Storm damage closed 12% of the cranes on the north quay, the port said.',
    sameB: 'Officials said 12% of the cranes were out of service after the storm hit the quay.',
  };
  const bare = (t: string): string => t.replace(/(more than |up to )?\d+%? /g, '');
  const all = Object.values(texts).flatMap((t, i) => [mention(`s${i}`, t), mention(`t${i}`, bare(t))]);
  const sim = similarity(all);
  const delta = (a: string, b: string): number => sim(mention('x', a), mention('y', b)) - sim(mention('x', bare(a)), mention('y', bare(b)));

  it('counts a floor and a figure above it ("more than 30 nations", "35 nations") as agreement', () => {
    expect(delta(texts.floorA, texts.floorB)).toBeGreaterThan(0.1);
  });

  it('does not count "up to 80" and "5" as agreeing', () => {
    expect(delta(texts.openA, texts.openB)).toBeLessThan(1e-9);
  });

  it('does not count a measurement that says where ("at 60 metres") as agreement: many claims name the place', () => {
    expect(findValues(texts.heightA)[0]).toMatchObject({ measured: true });
    expect(delta(texts.heightA, texts.heightB)).toBeLessThan(1e-9);
  });

  it('counts equal percentages as agreement only when they are shares of one thing', () => {
    expect(delta(texts.shareA, texts.shareB)).toBeLessThan(1e-9);
    expect(delta(texts.sameA, texts.sameB)).toBeGreaterThan(0.1);
  });
});

describe('similarity and the scene', () => {
  const read = (source: string, text: string): Mention => ({ ...mention(source, text), ...structure(text) });
  const texts = [
    'Lind and his wife were at a dinner at the Grand Hotel in Port Amsel.',
    'While in Port Amsel, Lind once opened the door of his hotel room in his boxers.',
    'The framework is anchored in law and follows the principles of the Velmar Charter.',
    'The guarantees are tied to any peace agreement and to principles of the Velmar Charter.',
    'The harbour board approved the new ferry terminal on Monday.',
    'A new bridge for the islands was approved by the council.',
  ];
  const all = texts.map((t, i) => read(`s${i}`, t));
  const sim = similarity(all);
  const unnamed = (m: Mention): Mention => ({ ...m, who: [] });

  it('does not count a place both only set the scene in as something both state', () => {
    const [a, b] = [all[0] as Mention, all[1] as Mention];
    expect(sim(a, b)).toBeLessThan(sim(unnamed(a), unnamed(b)) - 0.05);
  });

  it('still counts a name both qualify the claim with ("the principles of the Velmar Charter")', () => {
    const [a, b] = [all[2] as Mention, all[3] as Mention];
    expect(sim(a, b)).toBeCloseTo(sim(unnamed(a), unnamed(b)), 9);
  });
});
