/**
 * A sentence that states two claims backs the second one too (attachSecondary): each mention it
 * borrows must be like every mention of the claim from another source, those it borrowed included.
 */
import { describe, expect, it } from 'vitest';
import { attachSecondary } from '../../scripts/pipeline/match/index.ts';
import type { Similarity } from '../../scripts/pipeline/match/similarity.ts';
import type { Cluster, Mention } from '../../scripts/pipeline/types.ts';

function mention(key: string, source: string): Mention {
  const text = `Sentence ${key}.`;
  return {
    key, source, kind: 'statement', text, quote: null, speaker: null, actors: [], named: [], who: [], did: [], values: [], terms: [], clauses: [],
    sentence: { index: 0, text, start: 0, end: text.length, kind: 'body' },
  };
}

describe('attachSecondary', () => {
  const [k1, k2, m1, m2, h1, h2] = [mention('k1', 'a'), mention('k2', 'b'), mention('m1', 'c'), mention('m2', 'd'), mention('h1', 'e'), mention('h2', 'f')];
  const all = [k1, k2, m1, m2, h1, h2];
  const table = new Map<string, number>([
    ['k1 m1', 0.5], ['k2 m1', 0.5], ['k1 m2', 0.4], ['k2 m2', 0.4], ['m1 m2', 0.02], ['m1 h1', 0.6], ['m2 h2', 0.6],
  ]);
  const sim = Object.assign((a: Mention, b: Mention) => table.get(`${a.key} ${b.key}`) ?? table.get(`${b.key} ${a.key}`) ?? 0, { weight: () => 1 }) as Similarity;
  const at = (m: Mention): number => all.indexOf(m);
  const edges = [[k1, m1], [k1, m2], [m1, h1], [m2, h2]].map(([x, y]) => ({ i: at(x as Mention), j: at(y as Mention), s: sim(x as Mention, y as Mention) }));
  const clusters = (): Cluster[] => [
    { mentions: [k1, k2], borrowed: [], representative: k1 },
    { mentions: [m1, h1], borrowed: [], representative: m1 },
    { mentions: [m2, h2], borrowed: [], representative: m2 },
  ];

  it('borrows the likest mention first, and not one unlike it', () => {
    const out = clusters();
    attachSecondary(out, edges, all, sim, () => false);
    expect(out[0]?.borrowed).toEqual(['m1']);
    expect(out[0]?.mentions.map((m) => m.key)).toEqual(['k1', 'k2', 'm1']);
  });

  it('borrows both when they are alike', () => {
    table.set('m1 m2', 0.3);
    const out = clusters();
    attachSecondary(out, edges, all, sim, () => false);
    expect(out[0]?.borrowed.sort()).toEqual(['m1', 'm2']);
    table.set('m1 m2', 0.02);
  });
});
