/**
 * A sentence that states two claims backs the second one too (attachSecondary): each mention it
 * borrows must be like every mention of the claim from another source, those it borrowed included.
 */
import { describe, expect, it } from 'vitest';
import { attachSecondary } from '../../scripts/pipeline/match/index.ts';
import type { Similarity } from '../../scripts/pipeline/match/similarity.ts';
import type { Cluster, Mention } from '../../scripts/pipeline/types.ts';
import { analyse } from '../helpers/pipeline.ts';

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

describe('clauses of a sentence that joins statements', () => {
  const lead = (n: number): string => ['Port Amsel’s harbour board and city council met on Tuesday to settle the future of the old port.', 'Port Amsel’s council and harbour board decided the future of the old port at a meeting on Tuesday.', 'The future of the old port of Port Amsel was settled on Tuesday by its harbour board and council.'][n] ?? '';
  const files = {
    'a.txt': `Port Amsel decides\n${lead(0)}\nThe harbour board approved two new cranes for the north quay on the first vote, while the city council voted to close the old ferry terminal next spring.\nThe quay reopens in June.`,
    'b.txt': `Ferry terminal to close\n${lead(1)}\nThe city council voted to close the old ferry terminal next spring, ending a century of crossings.\nThe ferries will move to the south pier.`,
    'c.txt': `New cranes for Port Amsel\n${lead(2)}\nThe harbour board approved two new cranes for the north quay on the first vote.\nThe cranes arrive in May.`,
  };
  const { clusters } = analyse(files);
  const holding = (phrase: string) => clusters.filter((c) => c.mentions.some((m) => m.sentence.text.includes(phrase)));
  const sources = (c: { mentions: Mention[] }) => c.mentions.map((m) => m.source).sort();

  it('back each claim the sentence states, beside the outlet that states it alone', () => {
    expect(holding('ending a century').map(sources)).toEqual([['a', 'b']]);
    expect(holding('cranes for the north quay on the first vote.').map(sources)).toEqual([['a', 'c']]);
  });

  it('never stand for quoted words, nor in a claim of their own sentence alone, nor twice over', () => {
    const quoted = analyse({
      ...files,
      'c.txt': `New cranes for Port Amsel\n${lead(2)}\n“The harbour board approved two new cranes for the north quay on the first vote, and I am proud of it,” said Teodor Lind.\nThe cranes arrive in May.`,
    }).clusters;
    for (const c of quoted) if (c.mentions.some((m) => m.kind === 'quote')) expect(c.mentions.filter((m) => m.kind === 'statement' && m.partOf !== undefined)).toEqual([]);
    for (const c of clusters) expect(new Set(c.mentions.map((m) => m.source)).size > 1 || c.mentions.some((m) => m.partOf === undefined)).toBe(true);
    const read = clusters.map((c) => [...new Set(c.mentions.map((m) => `${m.source} ${m.sentence.index}`))].sort().join(', '));
    expect(new Set(read).size).toBe(read.length);
  });
});
