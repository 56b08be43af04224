/** The tagger's tokens carry their offsets in the text it was given, whatever blanks lie between them. */
import { describe, expect, it } from 'vitest';
import { tag } from '../../scripts/pipeline/lang/en/grammar.ts';

describe('tag', () => {
  it('places each token at its offset in the text', () => {
    const text = 'Teodor Lind remembers the storm.';
    for (const t of tag(text)) expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });

  it('places tokens after a long run of blanks, as masked quoted words leave', () => {
    const text = `${' '.repeat(80)}, Teodor Lind remembers with a laugh.`;
    const tokens = tag(text);
    expect(tokens.map((t) => t.text)).toContain('remembers');
    for (const t of tokens) expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });
});
