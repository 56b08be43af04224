/**
 * Clean: page clutter is removed with the rule that names it, and the article's prose and headings
 * are kept. Each case is `test/fixtures/clean/<case>/input.txt` with the cleaned result in
 * `expected.json` (UPDATE_FIXTURES=1 rewrites it), plus explicit asserts on the rules.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { isCaption } from '../../scripts/pipeline/blocks.ts';
import { clean } from '../../scripts/pipeline/clean.ts';
import type { CleanArticle, RawArticle } from '../../scripts/pipeline/types.ts';
import { UPDATE } from '../helpers/pipeline.ts';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/clean');

async function cleanCase(name: string): Promise<CleanArticle> {
  const bytes = await readFile(path.join(FIXTURES, name, 'input.txt'));
  return clean(readArticle(name, `articles/${name}.txt`, bytes));
}

const summary = (a: CleanArticle) => ({
  title: a.title,
  blocks: a.blocks.map((b) => ({ kind: b.kind, text: b.text })),
  removed: a.removed,
});

/** The rule that removed the block containing `fragment`, or null when it was kept. */
const ruleFor = (a: CleanArticle, fragment: string): string | null => a.removed.find((r) => r.text.includes(fragment))?.rule ?? null;
const kept = (a: CleanArticle, fragment: string): boolean => a.blocks.some((b) => b.text.includes(fragment)) && a.text.includes(fragment);

describe('clean fixtures', async () => {
  const cases = (await readdir(FIXTURES)).sort();
  it('has the five cases', () => expect(cases).toHaveLength(5));
  for (const name of cases) {
    it(`${name}: matches expected.json`, async () => {
      const actual = summary(await cleanCase(name));
      const file = path.join(FIXTURES, name, 'expected.json');
      if (UPDATE) await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(await readFile(file, 'utf8')));
    });
  }
});

describe('clean rules', () => {
  it('removes share and follow widgets, and a related list with everything after it', async () => {
    const a = await cleanCase('share-related');
    expect(ruleFor(a, 'Share this story')).toBe('share-widget');
    expect(ruleFor(a, 'Follow us on Mastodon')).toBe('share-widget');
    expect(ruleFor(a, 'Print')).toBe('share-widget');
    expect(ruleFor(a, 'Copy link')).toBe('share-widget');
    expect(ruleFor(a, 'You might also like')).toBe('related-list');
    for (const headline of ['Ferry timetable', 'Lifeboat crew rescues', 'new parking charges']) {
      expect(ruleFor(a, headline)).toBe('related-list');
      expect(a.text).not.toContain(headline);
    }
    expect(kept(a, 'reopened the north quay on Thursday')).toBe(true);
    expect(kept(a, 'Lusk said the repairs cost 2.3 million euros')).toBe(true);
  });

  it('removes promos and tag lines, keeps the report between them', async () => {
    const a = await cleanCase('promos-tags');
    expect(ruleFor(a, "Don't miss our weekly culture briefing")).toBe('promo');
    expect(ruleFor(a, 'Subscribe to the Morning Ledger')).toBe('promo');
    expect(ruleFor(a, 'Sign up for breaking news alerts')).toBe('promo');
    expect(ruleFor(a, 'Tags: libraries')).toBe('tag-line');
    expect(kept(a, 'keep three district libraries open')).toBe(true);
    expect(kept(a, 'Eastmoor, Fell Park and Quarry Lane')).toBe(true);
    expect(a.text).not.toMatch(/Subscribe|Don't miss|Tags:|Sign up/);
  });

  it('removes photo captions with credits, and the alt text before a caption', async () => {
    const a = await cleanCase('captions-alt-text');
    expect(ruleFor(a, 'Volunteers with spades on the riverbank')).toBe('alt-text');
    expect(ruleFor(a, '(Dana Whitfield/Riverside Courier)')).toBe('caption');
    expect(ruleFor(a, 'Photo: A heron')).toBe('caption');
    expect(ruleFor(a, '(Photo by Owen Marsh via Valley Images)')).toBe('caption');
    expect(kept(a, 'More than 300 volunteers planted 5,000 native trees')).toBe(true);
    expect(kept(a, 'a second planting of 7,000 trees')).toBe(true);
    expect(kept(a, 'national biodiversity grant')).toBe(true);
    expect(a.title).toBe('Volunteers plant 5,000 trees along the river Ashby');
  });

  it('removes a byline, a dateline and a repeated section label', async () => {
    const a = await cleanCase('labels-bylines');
    expect(ruleFor(a, 'By Hannah Oduya')).toBe('byline');
    expect(ruleFor(a, 'Updated 14 March 2025')).toBe('byline');
    expect(a.removed.filter((r) => r.text === 'Live updates').map((r) => r.rule)).toEqual(['repeated-label', 'repeated-label', 'repeated-label']);
    expect(kept(a, 'called off a strike planned for Friday')).toBe(true);
    expect(kept(a, 'drivers, guards and station staff')).toBe(true);
  });

  it('keeps paragraphs that merely start like clutter, and headings, as headings', async () => {
    const a = await cleanCase('keeps-prose');
    expect(a.removed).toEqual([]);
    expect(kept(a, 'Share prices of Tarn Energy fell 11%')).toBe(true);
    expect(kept(a, 'Follow-up inspections will begin next week')).toBe(true);
    expect(kept(a, "Subscribers to the company's bond issue")).toBe(true);
    expect(kept(a, '(its largest interruption since 2019)')).toBe(true);
    expect(a.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['What the regulator found', 'What happens next']);
  });

  it('joins kept blocks with blank lines, offsets pointing into the text', async () => {
    for (const name of (await readdir(FIXTURES)).sort()) {
      const a = await cleanCase(name);
      expect(a.text).toBe(a.blocks.map((b) => b.text).join('\n\n'));
      for (const b of a.blocks) expect(a.text.slice(b.start, b.end)).toBe(b.text);
    }
  });

  it('tells captions from sentences that end in a parenthesis', () => {
    expect(isCaption('Rescuers at the scene on Sunday. (Lee Park/Coastal Wire)')).toBe(true);
    expect(isCaption('Photo: the old lighthouse at dusk')).toBe(true);
    expect(isCaption('The strike ended after nine days (the longest since 1984)')).toBe(false);
    expect(isCaption('The mayor thanked the volunteers (and the weather).')).toBe(false);
  });

  it('survives hostile blocks', () => {
    const raw = (blocks: string[]): RawArticle => ({ id: 'x', file: 'articles/x.txt', meta: { title: null, outlet: null, author: null, url: null, published: null }, hasHeadline: false, blocks, problems: [] });
    expect(clean(raw([])).text).toBe('');
    expect(clean(raw([])).title).toBe('Untitled article');
    expect(() => clean(raw(['', ' ', '\u0000\u0001']))).not.toThrow();
    expect(() => clean(raw(['(' + 'a/'.repeat(100_000) + ')']))).not.toThrow();
    const long = 'Word '.repeat(200_000).trim() + '.';
    const a = clean(raw([long]));
    expect(a.text).toBe(long);
    expect(a.title.length).toBeLessThanOrEqual(141);
  });
});
