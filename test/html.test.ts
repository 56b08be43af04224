import { performance } from 'node:perf_hooks';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle, isoDate, normalizeText, type ExtractedArticle } from '../scripts/pipeline/html.ts';

/** Set UPDATE_FIXTURES=1 to rewrite `expected.json` files; review the diff before committing. */
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';
const FIXTURES = join(import.meta.dirname, 'fixtures', 'html');

function fixture(name: string): ExtractedArticle {
  return extractArticle(readFileSync(join(FIXTURES, name, 'input.html'), 'utf8'));
}

const allText = (article: ExtractedArticle): string => article.blocks.join('\n');

describe('extractArticle fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`${name} matches expected.json`, () => {
      const actual = fixture(name);
      const file = join(FIXTURES, name, 'expected.json');
      if (UPDATE || !existsSync(file)) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});

describe('extractArticle metadata', () => {
  it('reads a NewsArticle inside @graph, resolving @id references for author and publisher', () => {
    const article = fixture('news-article-graph');
    expect(article.title).toBe('Harbour bridge to close for six weeks of repairs');
    expect(article.outlet).toBe('The Coastal Ledger');
    expect(article.author).toBe('Maria Okafor, Tom’s Desk');
    expect(article.published).toBe('2024-03-05');
    expect(article.url).toBe('https://ledger.example/news/harbour-bridge-repairs');
    expect(article.isArticle).toBe(true);
  });

  it('falls back to OpenGraph and meta tags, resolving a relative canonical link against the page URL', () => {
    const article = extractArticle(readFileSync(join(FIXTURES, 'opengraph-only', 'input.html'), 'utf8'), {
      url: 'https://gazette.example/some/path?ref=home',
    });
    expect(article).toMatchObject({
      title: 'Library extends opening hours after survey',
      outlet: 'Valley Gazette',
      author: 'Priya Raman',
      published: '2023-11-20',
      url: 'https://gazette.example/local/library-hours',
      isArticle: true,
    });
  });

  it('finds the article type in a top-level JSON-LD array', () => {
    const article = fixture('clutter');
    expect(article).toMatchObject({ title: 'River levels fall as rain eases', author: 'Jonas Weber', outlet: 'Northern Post', published: '2024-01-12' });
  });

  it('strips the site name from a page title and ignores an empty byline', () => {
    const page = (title: string, extra = '') =>
      extractArticle(`<html><head><title>${title}</title>${extra}</head><body><h1>Tram line opens</h1><p>x</p></body></html>`);
    expect(page('Tram line opens | City Times', '<meta property="og:site_name" content="CityTimes.com">').title).toBe('Tram line opens');
    expect(page('Tram line opens - Some Other Name').title).toBe('Tram line opens');
    expect(page('Review – a tram line opens').title).toBe('Review – a tram line opens');
    expect(page('Tram line opens', '<meta name="author" content="By ">').author).toBeNull();
    expect(page('Tram line opens', '<meta name="author" content="By Ana Lima">').author).toBe('Ana Lima');
    expect(page('Tram line opens', '<meta name="author" content="https://social.example/ana">').author).toBeNull();
  });

  it('keeps a date it cannot parse as the page gives it and trims ISO timestamps', () => {
    expect(isoDate('2019-11-18T23:04:00-05:00')).toBe('2019-11-18');
    expect(isoDate('  November 5, 2019 ')).toBe('2019-11-05');
    expect(isoDate('last Tuesday')).toBe('last Tuesday');
    expect(isoDate('')).toBeNull();
  });
});

describe('extractArticle cleaning', () => {
  it('keeps paragraphs, headings, list items and quoted paragraphs as separate blocks, without the repeated headline', () => {
    const { blocks } = fixture('news-article-graph');
    expect(blocks[0]).toMatch(/^The harbour bridge will close/);
    expect(blocks).toContain('Diversions');
    expect(blocks).toContain('Route 4 will run every 10 minutes instead of every 15.');
    expect(blocks).toContain('It is the biggest repair on the bridge since it opened in 1962.');
    expect(blocks).not.toContain('Harbour bridge to close for six weeks of repairs');
    expect(allText(fixture('news-article-graph'))).not.toMatch(/Home|Sport|© 2024/);
  });

  it('drops captions, credits, bylines, share widgets, promos, read-more links, related and tag lists and alt text', () => {
    const article = fixture('clutter');
    const text = allText(article);
    for (const marker of ['ITEMPROP', 'FIGCAPTION', 'CAPTION', 'CREDIT', 'ALT TEXT', 'NEWSLETTER', 'RELATED', 'TAGLIST', 'TAGS', 'Read more', 'Facebook', 'By Jonas', 'Subscribe', 'Related stories']) {
      expect(text).not.toContain(marker);
    }
    expect(article.blocks).toHaveLength(3);
    expect(article.blocks[2]).toMatch(/^Residents of the lower town/);
  });

  it('decodes entities and normalises spaces, soft hyphens, zero-width characters and Unicode form', () => {
    const { blocks, title } = fixture('entities');
    expect(title).toBe('Café prices rise & queues grow');
    expect(blocks[0]).toBe('Prices at the station café rose by 20 % on Monday, and the owner says the increase was unavoidable because of higher rents… “We had no choice,” she said.');
    expect(blocks[1]).toMatch(/^The councillor responsible for the station/);
    expect(blocks[1]).toContain('rail company');
    expect(blocks[2]).toBe('A coffee now costs 3.60 euros, up from 3.00 euros, and a sandwich 5.40 euros. Regulars said they would keep coming anyway.');
    expect(blocks[3]).toMatch(/^Zéro décor changes/);
    expect(blocks[3]!.normalize('NFC')).toBe(blocks[3]);
    expect(allText(fixture('entities'))).not.toMatch(/[\u00a0\u00ad\u200b\u2060\ufeff]/);
  });

  it('normalizeText collapses whitespace and removes invisible characters', () => {
    expect(normalizeText('  a\u00a0b\u00adc\u200bd\t\ne\u0301  ')).toBe('a bcd é');
  });
});

describe('extractArticle on hostile input', () => {
  it('never runs page scripts and keeps no script, style or noscript text', () => {
    const article = fixture('scripts');
    expect((globalThis as { __pageScriptRan?: boolean }).__pageScriptRan).toBeUndefined();
    expect('document' in globalThis).toBe(false);
    expect(article.title).toBe('Ferry timetable changes');
    expect(allText(article)).not.toMatch(/SCRIPT|NOSCRIPT|STYLE TEXT|ALT TEXT|__pageScriptRan/);
    expect(article.blocks).toHaveLength(3);
    expect(article.blocks[0]).toMatch(/^The island ferry will run/);
  });

  it('says a section front of headline links is not an article', () => {
    const article = fixture('not-article');
    expect(article.isArticle).toBe(false);
  });

  it('says a section front of teaser cards (linked headline and summary) is not an article', () => {
    const article = fixture('section-front-teasers');
    expect(article.blocks).toHaveLength(6);
    expect(article.isArticle).toBe(false);
  });

  it('returns an empty non-article for an empty file, whitespace and a lone fragment', () => {
    for (const input of ['', '   \n', '<p>Hi</p>', 'plain words']) {
      const article = extractArticle(input);
      expect(article.isArticle).toBe(false);
      expect(article.title).toBeNull();
    }
  });

  it('treats binary garbage as no article and does not throw', () => {
    const article = fixture('binary');
    expect(article).toEqual({ title: null, outlet: null, author: null, published: null, url: null, blocks: [], isArticle: false });
  });

  it('survives broken JSON-LD, deep nesting and a huge page', () => {
    const paragraph = '<p>The committee met again on Thursday and agreed a timetable for the consultation on the new budget.</p>';
    const deep = `${'<div>'.repeat(2000)}${paragraph.repeat(3)}${'</div>'.repeat(2000)}`;
    const broken = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", headline: }</script><meta property="og:title" content="Fallback"></head><body>${deep}</body></html>`;
    const started = performance.now();
    const article = extractArticle(broken);
    expect(article.title).toBe('Fallback');
    expect(article.blocks).toHaveLength(3);
    const huge = extractArticle(`<html><body><article>${paragraph.repeat(5000)}</article></body></html>`);
    expect(huge.isArticle).toBe(true);
    expect(huge.blocks).toHaveLength(5000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('keeps the page\'s own story when the page scrolls on to the next one, and every paragraph of a body marked paragraph by paragraph', () => {
    const story = (title: string, sentence: string, times: number): string =>
      `<section><header><h1>${title}</h1></header><div itemprop="articleBody">${`<p>${sentence}</p>`.repeat(times)}</div></section>`;
    const own = 'The harbour board agreed on Tuesday to close the old bridge for six weeks of repairs.';
    const next = 'The city orchestra will tour four countries next spring with a programme of new works.';
    const page = `<html><head><title>Harbour bridge to close</title><meta property="og:title" content="Harbour bridge to close"></head><body>${story('Harbour bridge to close', own, 3)}${story('Orchestra to tour abroad', next, 8)}</body></html>`;
    const article = extractArticle(page);
    expect(article.isArticle).toBe(true);
    expect(allText(article)).toContain(own);
    expect(allText(article)).not.toContain(next);
    const paragraphs = `<html><head><title>Harbour bridge to close</title></head><body><article><h1>Harbour bridge to close</h1>${`<p itemprop="articleBody">${own}</p>`.repeat(4)}</article></body></html>`;
    expect(extractArticle(paragraphs).blocks).toHaveLength(4);
  });
});
