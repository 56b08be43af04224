/**
 * Selectors count what the W3C Web Annotation model counts: TextPositionSelector `start`/`end` are
 * code points of the cleaned text, and no selector string is cut inside a character. The cleaned
 * text itself is published (`data/sources/<id>.txt`), rebuilt from the source file as the site does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimSchema, type Appearance } from '../../src/schema.ts';
import { cleanedText } from '../../src/lib/source-text.ts';
import { reanchor } from '../../scripts/pipeline/identify.ts';
import { selectorAt } from '../../scripts/pipeline/compare.ts';
import { article, splitFile } from '../helpers/pipeline.ts';
import { addArticle, build, cleanRoots, makeRoot } from '../maintainer/helpers.ts';

afterAll(cleanRoots);

/** Text outside the Basic Multilingual Plane before the claims: a flag (two astral code points), a CJK Extension B ideograph, an emoji. */
const ARTICLE = [
  'Flags over the harbour 🇺🇦🇫🇷',
  '',
  'Residents of 𠀋 district (𠀋𠀋) waved 🇺🇦 flags and 😀 signs as 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine.',
  '',
  'The United States will lead a ceasefire monitoring mechanism using drones and satellites, officials said 🇺🇦.',
  '',
  'French President Emmanuel Macron said France could send "several thousand" troops after a ceasefire.',
].join('\n');

const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const points = (s: string): string[] => [...s];

/** Checks one selector against the code points of its text. */
function expectPointsInto(text: string, s: Appearance['selector']): void {
  const cps = points(text);
  expect(cps.slice(s.start, s.end).join('')).toBe(s.exact);
  expect(cps.slice(s.start - points(s.prefix).length, s.start).join('')).toBe(s.prefix);
  expect(cps.slice(s.end, s.end + points(s.suffix).length).join('')).toBe(s.suffix);
  for (const part of [s.exact, s.prefix, s.suffix]) expect(part).not.toMatch(lone);
  expect(points(s.prefix).length === 32 || s.start - points(s.prefix).length === 0).toBe(true);
  expect(points(s.suffix).length === 32 || s.end + points(s.suffix).length === cps.length).toBe(true);
}

describe('selectors count code points', () => {
  it('selectorAt takes string offsets and gives code points, never cutting a surrogate pair', () => {
    const text = '🇺🇦 𠀋 A quick claim here. 😀 tail';
    const start = text.indexOf('A quick');
    const end = start + 'A quick claim here.'.length;
    const s = selectorAt(text, start, end);
    expect(s.exact).toBe('A quick claim here.');
    expect(s.start).toBe(points(text.slice(0, start)).length);
    expect(s.start).toBe(5);
    expectPointsInto(text, s);
    // Context that would begin or end in the middle of a pair stops before that character instead.
    const long = `${'😀'.repeat(40)}X${'😀'.repeat(40)}`;
    const x = long.indexOf('X');
    const t = selectorAt(long, x, x + 1);
    expect(t.prefix).not.toMatch(lone);
    expect(t.suffix).not.toMatch(lone);
    expectPointsInto(long, t);
  });

  it('every appearance the pipeline writes points into its source by code points', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    await addArticle(root, 'flags.txt', ARTICLE);
    const result = await build(root);
    expect(result.ok).toBe(true);
    const text = article('flags.txt', ARTICLE).text;
    let checked = 0;
    for (const c of result.claims) {
      const stored = claimSchema.parse(splitFile(await readFile(path.join(root, 'claims', `${c.id}.md`), 'utf8')).data);
      for (const a of stored.appearances.filter((x) => x.source === 'flags')) {
        expectPointsInto(text, a.selector);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    // The published text (rebuilt from sources/flags.md) is exactly the text the selectors count in.
    const source = splitFile(await readFile(path.join(root, 'sources', 'flags.md'), 'utf8'));
    expect(cleanedText(source.body)).toBe(text);
  }, 60_000);

  it('re-anchoring compares positions in code points', () => {
    const sentence = 'The council approved forty new buses for the harbour on Monday.';
    const text = `${'🇺🇦'.repeat(20)} ${sentence} ${sentence} ${sentence}`;
    const segmented = article('buses.txt', text);
    const cleaned = segmented.text;
    const second = cleaned.indexOf(sentence, cleaned.indexOf(sentence) + 1);
    const old: Appearance = { source: 'buses', sentence, speaker: null, index: 0, selector: { ...selectorAt(cleaned, second, second + sentence.length), prefix: '', suffix: '' } };
    const found = reanchor(old, segmented);
    expect(found?.selector.start).toBe(points(cleaned.slice(0, second)).length);
  });
});

describe('published cleaned text', () => {
  it('is rebuilt exactly from a source body, markup-like characters and all', async () => {
    const tricky = ['# Not a heading *really*', '', '1. Not a list: [x](y) <b>&amp;</b> `code` _under_ \\ back', '', 'Costs rose 35% to €4.2 million, 𠀋 said on Tuesday.'].join('\n');
    const root = await makeRoot(['a-reuters.txt']);
    await addArticle(root, 'tricky.txt', tricky);
    expect((await build(root)).ok).toBe(true);
    const source = splitFile(await readFile(path.join(root, 'sources', 'tricky.md'), 'utf8'));
    expect(cleanedText(source.body)).toBe(article('tricky.txt', tricky).text);
  }, 60_000);
});
