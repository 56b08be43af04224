/**
 * Sentence vectors (SIF over GloVe, common component removed): a paraphrase in other words is
 * nearer than another claim about the same event, and they only ever add to the word overlap.
 */
import { describe, expect, it } from 'vitest';
import { sentenceNearness } from '../../scripts/pipeline/match/meaning.ts';
import { contentStems } from '../../scripts/pipeline/text.ts';
import type { Mention } from '../../scripts/pipeline/types.ts';

function mention(source: string, index: number, text: string): Mention {
  return {
    key: `${source}#${index}`, source, kind: 'statement', text, quote: null, speaker: null, actors: [], named: [], clauses: [], who: [], did: [], values: [],
    sentence: { index, text, start: 0, end: text.length, kind: 'body' }, terms: contentStems(text),
  };
}

describe('sentenceNearness', () => {
  const a = [
    'The council approved the harbour budget after a long debate on Tuesday.',
    'Dock workers walked out over pay and hours at the container terminal.',
    'The mayor said the new ferry route would open in the spring.',
  ].map((t, i) => mention('a', i, t));
  const b = [
    'Councillors passed the spending plan for the port following hours of argument.',
    'Staff at the cargo quay went on strike about wages and shifts.',
    'A ferry line to the islands starts next year, the city leader announced.',
  ].map((t, i) => mention('b', i, t));
  const near = sentenceNearness([...a, ...b]);

  it('puts each sentence nearest the one that says it in other words', () => {
    for (const [i, x] of a.entries()) {
      const scores = b.map((y) => near(x, y));
      expect(scores.indexOf(Math.max(...scores)), x.text).toBe(i);
    }
  });

  it('is symmetric, 1 for the same words and 0 for a sentence with no known word', () => {
    expect(near(a[0] as Mention, b[0] as Mention)).toBe(near(b[0] as Mention, a[0] as Mention));
    expect(near(a[1] as Mention, a[1] as Mention)).toBeCloseTo(1, 5);
    const unknown = mention('c', 0, 'Zqxw vbnm qwpl.');
    expect(sentenceNearness([...a, unknown])(a[0] as Mention, unknown)).toBe(0);
  });
});
