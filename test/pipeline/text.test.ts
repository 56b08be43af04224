/**
 * Text normalisation keeps what gives text its meaning and removes what can disguise it: zero-width
 * joiners (ZWJ, ZWNJ) stay, since Persian words and emoji sequences need them; bidi overrides,
 * embeddings and isolates go, since they can display a quote reversed.
 */
import { describe, expect, test } from 'vitest';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { normalizeText, oneLine } from '../../scripts/pipeline/text.ts';

const PERSIAN = 'می\u200Cخواهم'; // "I want": the ZWNJ keeps the prefix apart without a space
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('normalizeText', () => {
  test('keeps ZWNJ and ZWJ', () => {
    expect(normalizeText(`He said ${PERSIAN} and sent ${FAMILY}.`)).toBe(`He said ${PERSIAN} and sent ${FAMILY}.`);
    expect(oneLine(` ${PERSIAN} `)).toBe(PERSIAN);
  });

  test('removes every bidi override, embedding and isolate', () => {
    for (const ch of BIDI) expect(normalizeText(`"We ${ch}will not yield${ch}," he said.`), ch.codePointAt(0)!.toString(16)).toBe('"We will not yield," he said.');
  });

  test('still removes zero-width spaces, soft hyphens and byte-order marks', () => {
    expect(normalizeText('a\u200Bb\u00ADc\uFEFFd\u2060e')).toBe('abcde');
  });

  test('an article keeps its joiners and loses its overrides', () => {
    const text = `Summit in Paris\nThe minister said: "${PERSIAN}" and \u202Eyreve dleh seitrap\u202C the talks, with ${FAMILY} in the hall.\n`;
    const article = readArticle('x', 'articles/x.txt', new TextEncoder().encode(text));
    const body = article.blocks.join('\n');
    expect(body).toContain(PERSIAN);
    expect(body).toContain(FAMILY);
    expect(body).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
