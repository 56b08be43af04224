/**
 * Builds the fixture content root with buildSite and checks the HTML a reader and a crawler get:
 * pages, links to exact sentences, ClaimReview JSON-LD, open data, no scripts, weight, base path.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/site.ts';
import { brokenLinks, pageWeight, readAllPages, readPage, type Page } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const ORIGIN = 'https://facts.example';
const BUILD_TIMEOUT = 180_000;

let out: string;
let pages: Page[];
let built: { pages: number };
const page = (file: string) => {
  const found = pages.find((p) => p.file === file);
  if (!found) throw new Error(`Expected page ${file}, built: ${pages.map((p) => p.file).join(', ')}`);
  return found;
};

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'triangulate-site-'));
  built = await buildSite({ contentDir: FIXTURE, outDir: out, site: ORIGIN });
  pages = await readAllPages(out);
}, BUILD_TIMEOUT);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

describe('pages', () => {
  test('every page type is built, and only for published claims', () => {
    expect(pages.map((p) => p.file)).toEqual([
      '404.html',
      'claims/declaration-signed/index.html',
      'claims/force-after-ceasefire/index.html',
      'claims/macron-historic-day/index.html',
      'claims/monitoring-by-drones/index.html',
      'claims/pact-signed-tuesday/index.html',
      'disputes/index.html',
      'index.html',
      'methodology/index.html',
      'pillars/ceasefire-monitoring/index.html',
      'pillars/security-guarantees/index.html',
      'search/index.html',
      'sources/alpha-news/index.html',
      'sources/beta-wire/index.html',
      'sources/index.html',
    ]);
    expect(built.pages).toBe(15);
  });

  test('a hidden claim has no page and is listed nowhere', () => {
    for (const p of pages) expect(p.html, p.file).not.toContain('/claims/us-backstop/');
  });

  test('a merged claim keeps its URL and points to the claim it became', () => {
    const merged = page('claims/declaration-signed/index.html').document;
    expect(merged.querySelector('main a[href="/claims/pact-signed-tuesday/"]')).not.toBeNull();
    expect(merged.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(merged.querySelector('script[type="application/ld+json"]')).toBeNull();
  });

  test('home shows pillars with counts by status and the coverage matrix', () => {
    const home = page('index.html').document;
    const pillarLinks = [...home.querySelectorAll('.pillars h3 a')].map((a) => a.getAttribute('href'));
    expect(pillarLinks).toEqual(['/pillars/security-guarantees/', '/pillars/ceasefire-monitoring/']);
    const firstCounts = home.querySelector('.pillars li .counts')!.textContent!.replace(/\s+/g, ' ');
    expect(firstCounts).toContain('1 Corroborated');
    expect(firstCounts).toContain('1 Disputed');
    const row = [...home.querySelectorAll('.matrix tbody tr')].find((tr) => tr.textContent!.includes('signed the declaration on Tuesday'))!;
    const cells = [...row.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['≠Reports a different detail: TuesdayTuesday', '≠Reports a different detail: MondayMonday']);
    expect(row.querySelector('td a')!.getAttribute('href')).toBe('/sources/alpha-news/#s1');
    expect(home.querySelector('.matrix-note'), 'a matrix under its caps says nothing was left out').toBeNull();
  });

  test('the maintainer pillar override wins over the classifier', () => {
    const monitoring = page('pillars/ceasefire-monitoring/index.html').html;
    expect(monitoring).toContain('/claims/force-after-ceasefire/');
    expect(page('pillars/security-guarantees/index.html').html).not.toContain('/claims/force-after-ceasefire/');
  });

  test('pillar pages group claims by status', () => {
    const doc = page('pillars/security-guarantees/index.html').document;
    expect([...doc.querySelectorAll('main h2')].map((h) => h.textContent!.trim())).toEqual(['≡ Corroborated (1)', '≠ Disputed (1)', 'Who reports what']);
  });
});

describe('claim pages', () => {
  test('status reads "k of n sources" and each appearance links to its exact sentence', () => {
    const doc = page('claims/pact-signed-tuesday/index.html').document;
    expect(doc.querySelector('.sources-say')!.textContent).toContain('2 of 2 sources');
    const links = [...doc.querySelectorAll('.appearances a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/sources/alpha-news/#s1', '/sources/beta-wire/#s0']);
    expect(page('sources/alpha-news/index.html').document.getElementById('s1')!.tagName).toBe('MARK');
  });

  test('conflicts are side by side, with each value linked to its sentence', () => {
    const box = page('claims/pact-signed-tuesday/index.html').document.querySelector('.conflict')!;
    const pairs = [...box.querySelectorAll('dl > div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
    expect(pairs).toEqual([['Alpha News', 'Tuesday'], ['Leaders met in Paris on Monday to sign a declaration on…', 'Monday']]);
    expect(box.textContent).toContain('Alpha News: Tuesday · Leaders met in Paris on Monday to sign a declaration on…: Monday');
    expect(page('disputes/index.html').html).toContain('/claims/pact-signed-tuesday/');
  });

  test('a differently worded quote shows a word-level diff and the speaker', () => {
    const doc = page('claims/macron-historic-day/index.html').document;
    const diff = doc.querySelector('#wordings ~ ul .diff')!;
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['[added: Today]', '[added: all of ]']);
    expect([...diff.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['[removed: This]']);
    expect(doc.querySelector('#wordings ~ ul')!.textContent).toContain('speaker: Macron');
  });

  test('silent sources, verdict and note are shown', () => {
    const doc = page('claims/force-after-ceasefire/index.html').document;
    expect(doc.getElementById('silent')!.textContent).toBe('Sources that do not mention it (1)');
    expect(doc.querySelector('#silent ~ ul')!.textContent).toContain('Leaders met in Paris');
    expect(doc.querySelector('#silent')!.closest('[data-pagefind-ignore]'), 'the silent list is not indexed').not.toBeNull();
    expect(doc.querySelector('.verdict-label')!.textContent).toBe('Verdict: Mostly accurate');
    expect(doc.querySelector('.verdict-box')!.textContent).toContain('Only one report mentions the force');
  });

  test('a reviewed claim leads with its verdict, review date, reviewer, updates and a changed-since-review notice; what the sources say comes after', () => {
    const doc = page('claims/force-after-ceasefire/index.html').document;
    const article = doc.querySelector('article')!;
    const box = article.querySelector('.verdict-box')!;
    const say = article.querySelector('.sources-say')!;
    expect(box.compareDocumentPosition(say) & 4, 'the verdict comes before what the sources say').toBe(4);
    const text = box.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('Reviewed 8 January 2026 by Ana Editor for Triangulate Fixture Desk.');
    expect(text).toContain('Updated 10 January 2026: Verdict changed from Mixed to Mostly accurate.');
    expect(text).toContain('The sources changed after this review.');
    expect(box.querySelector('time')!.getAttribute('datetime')).toBe('2026-01-08');
  });

  test('an unreviewed claim says so first, and corroboration is no tick', () => {
    const doc = page('claims/macron-historic-day/index.html').document;
    expect(doc.querySelector('.verdict-box h2')!.textContent).toBe('Not yet reviewed');
    expect(doc.querySelector('.sources-say .badge')!.textContent).toBe('≡Corroborated');
    const say = doc.querySelector('.sources-say')!.textContent!.replace(/\s+/g, ' ');
    expect(say, 'independent sources are counted').toContain('2 sources, 1 independent (of 2 in all) state this.');
    expect(say).toContain('Sharing copy: Alpha News, Leaders met in Paris on Monday to sign a declaration on…');
    for (const p of pages) expect(p.html, p.file).not.toContain('✓');
    const home = page('index.html').document;
    expect(home.querySelector('main')!.textContent!.replace(/\s+/g, ' ')).toContain('3 of 4 claims reviewed by the editors');
    expect(home.querySelector('.pillars li .muted')!.textContent).toBe('1 of 2 claims reviewed');
    expect(home.querySelector('.pillars li .badge--zero')!.textContent).toBe('◐0 Single source');
  });

  test('a claim of one fact says that only the fact is compared, on its page, in lists and in the open data', () => {
    const say = page('claims/pact-signed-tuesday/index.html').document.querySelector('.sources-say')!.textContent!.replace(/\s+/g, ' ');
    expect(say).toContain('2 of 2 sources state one fact of these sentences: signed the declaration on Tuesday.');
    expect(say).toContain('Only that fact is compared');
    expect(page('claims/macron-historic-day/index.html').document.querySelector('.sources-say')!.textContent).not.toContain('one fact');
    const items = pages.flatMap((p) => [...p.document.querySelectorAll('li')].filter((li) => li.querySelector('a.claim-text')?.getAttribute('href') === '/claims/pact-signed-tuesday/'));
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.querySelector('.claim-meta')!.textContent!.replace(/\s+/g, ' ')).toContain('2 of 2 sources, on one fact: signed the declaration on Tuesday');
  });

  test('an orphaned claim carries a notice', () => {
    expect(page('claims/monitoring-by-drones/index.html').document.querySelector('.notice')!.textContent).toContain('No source states this any more');
  });

  test('ClaimReview JSON-LD follows schema.org and never invents metadata', () => {
    const doc = page('claims/pact-signed-tuesday/index.html').document;
    const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts.length).toBe(1);
    const review = JSON.parse(scripts[0]!.textContent!);
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${ORIGIN}/claims/pact-signed-tuesday/`,
      claimReviewed: 'The United Kingdom and France signed the declaration on Tuesday.',
      author: { '@type': 'Organization', name: 'Triangulate Fixture Desk' },
      datePublished: '2026-01-08',
      reviewRating: { '@type': 'Rating', alternateName: 'Mixed' },
      itemReviewed: { '@type': 'Claim' },
    });
    const [alpha, beta] = review.itemReviewed.appearance;
    expect(alpha).toMatchObject({ url: 'https://alpha.example/world/pact', headline: 'UK and France sign security pact for Ukraine', datePublished: '2026-01-07', publisher: { name: 'Alpha News' } });
    expect(beta).toEqual({ '@type': 'CreativeWork', url: `${ORIGIN}/sources/beta-wire/#s0`, name: 'Leaders met in Paris on Monday to sign a declaration on Ukraine.' });
  });

  test('ClaimReview appears exactly on the claims with a verdict; unreviewed claims carry no rating', () => {
    const withScript = pages
      .filter((p) => p.file.startsWith('claims/') && p.document.querySelector('script[type="application/ld+json"]'))
      .map((p) => p.file);
    expect(withScript).toEqual(['claims/force-after-ceasefire/index.html', 'claims/pact-signed-tuesday/index.html']);
    const review = JSON.parse(page('claims/force-after-ceasefire/index.html').document.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(review).toMatchObject({ datePublished: '2026-01-08', dateModified: '2026-01-10', creator: { name: 'Ana Editor' }, reviewRating: { alternateName: 'Mostly accurate' } });
  });
});

describe('source pages', () => {
  test('claim sentences are anchored, labelled by status in words, and link to their claim', () => {
    const doc = page('sources/alpha-news/index.html').document;
    const marks = [...doc.querySelectorAll('.article mark.claim')];
    expect(marks.map((m) => [m.id, m.getAttribute('data-status'), m.querySelector('a')!.getAttribute('href'), m.querySelector('.claim-tag')!.textContent])).toEqual([
      ['s1', 'disputed', '/claims/pact-signed-tuesday/', '≠ disputed'],
      ['s3', 'corroborated', '/claims/macron-historic-day/', '≡ corroborated'],
      ['s5', 'single-source', '/claims/force-after-ceasefire/', '◐ single source'],
    ]);
  });

  test('a hidden claim stays highlighted but unlinked; article text stays literal', () => {
    const doc = page('sources/beta-wire/index.html').document;
    const hidden = doc.getElementById('s2')!;
    expect(hidden.querySelector('a')).toBeNull();
    expect(hidden.textContent).toContain('The United States would act as a backstop.');
    expect(doc.querySelector('.article')!.textContent).toContain('Ratio talks were 3:1 in favour.');
    expect(page('sources/alpha-news/index.html').document.querySelector('.article')!.textContent).toContain('agreed <b>later</b>.');
  });

  test('unknown metadata is left out, never invented', () => {
    const doc = page('sources/beta-wire/index.html').document;
    expect(doc.querySelector('.source-meta')!.children.length).toBe(0);
    expect(doc.querySelector('h1')!.textContent).toBe('Untitled article');
    const alpha = page('sources/alpha-news/index.html').document;
    expect(alpha.querySelector('h1')!.textContent).toBe('UK and France sign security pact for Ukraine');
    expect([...alpha.querySelectorAll('.source-meta li')].map((li) => li.textContent)).toEqual(['Alpha News', 'By Jane Doe', '2026-01-07', 'Original article']);
  });

  test('lists the claims the source leaves out, with how many sources state each', () => {
    const doc = page('sources/beta-wire/index.html').document;
    expect(doc.getElementById('claims-left-out')!.textContent).toBe('Claims this source leaves out (1)');
    expect([...doc.querySelectorAll('#claims-left-out ~ ul a.claim-text')].map((a) => a.getAttribute('href'))).toEqual(['/claims/force-after-ceasefire/']);
    expect(doc.querySelector('#claims-left-out ~ ul .claim-meta > span:not(.badge)')!.textContent).toBe('1 of 2 sources');
    expect(doc.querySelector('.omitted-by-pillar'), 'nothing more to count when all are listed').toBeNull();
  });
});

describe('open data, feed and sitemap', () => {
  test('data/claims.json has the documented shape', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/claims.json'), 'utf8'));
    expect(Object.keys(data)).toEqual(expect.arrayContaining(['site', 'pillars', 'sources', 'verdicts', 'claims']));
    expect(data.site).toMatchObject({ title: 'Paris Declaration Watch', published: '2026-01-08' });
    expect(data.pillars).toEqual([
      { id: 'security-guarantees', title: 'Security guarantees', order: 1 },
      { id: 'ceasefire-monitoring', title: 'Ceasefire monitoring', order: 2 },
    ]);
    expect(data.sources[1]).toMatchObject({ id: 'beta-wire', outlet: null, url: null, published: null, file: 'articles/beta-wire.txt' });
    expect(data.verdicts.map((v: { id: string }) => v.id)).toContain('mixed');
    expect(data.claims.map((c: { id: string }) => c.id).sort()).toEqual(['force-after-ceasefire', 'macron-historic-day', 'monitoring-by-drones', 'pact-signed-tuesday']);
    const claim = data.claims.find((c: { id: string }) => c.id === 'force-after-ceasefire');
    expect(claim).toMatchObject({ kind: 'statement', speaker: null, pillar: 'ceasefire-monitoring', status: 'single-source', verdict: 'mostly-accurate' });
    expect(claim.appearances[0]).toEqual({
      source: 'alpha-news',
      sentence: 'A multinational force would be deployed once a ceasefire is in place.',
      index: 5,
      speaker: null,
      selector: { exact: 'A multinational force would be deployed once a ceasefire is in place.', prefix: 'What comes next\n\n', suffix: ' Details remain', start: 203, end: 272 },
    });
    expect(data.claims.find((c: { id: string }) => c.id === 'pact-signed-tuesday').conflicts[0].field).toBe('weekday');
    expect(data.claims.find((c: { id: string }) => c.id === 'macron-historic-day')).toMatchObject({ independent: 1, sharedCopy: [['alpha-news', 'beta-wire']], fact: null, review: null });
    expect(data.claims.find((c: { id: string }) => c.id === 'pact-signed-tuesday')).toMatchObject({ independent: 2, sharedCopy: [], fact: 'signed the declaration on Tuesday', review: { date: '2026-01-08', reviewer: null, updates: [], changedSinceReview: false } });
    expect(data.claims.find((c: { id: string }) => c.id === 'macron-historic-day').variants).toHaveLength(1);
  });

  test('data/sources/<id>.txt is the text every selector points into, counted in code points', async () => {
    const data = JSON.parse(await readFile(join(out, 'data/claims.json'), 'utf8'));
    let checked = 0;
    for (const claim of data.claims) {
      for (const { source, selector } of claim.appearances) {
        const text = [...(await readFile(join(out, `data/sources/${source}.txt`), 'utf8'))];
        expect(text.slice(selector.start, selector.end).join('')).toBe(selector.exact);
        expect(text.slice(selector.start - [...selector.prefix].length, selector.start).join('')).toBe(selector.prefix);
        expect(text.slice(selector.end, selector.end + [...selector.suffix].length).join('')).toBe(selector.suffix);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(4);
  });

  test('the feed lists reviews and the sitemap leaves out search, 404 and merged claims', async () => {
    const rss = await readFile(join(out, 'rss.xml'), 'utf8');
    expect(rss.match(/<item>/g), 'the items are reviews').toHaveLength(3);
    expect(rss).toContain(`<link>${ORIGIN}/claims/pact-signed-tuesday/</link>`);
    expect(rss).not.toContain('/claims/macron-historic-day/');
    expect(rss).toContain('<lastBuildDate>Sat, 10 Jan 2026 00:00:00 GMT</lastBuildDate>');
    expect(rss).toContain(`<atom:link href="${ORIGIN}/rss.xml" rel="self" type="application/rss+xml"/>`);
    expect(rss).toContain(`<guid isPermaLink="false">${ORIGIN}/claims/force-after-ceasefire/#review-2026-01-10</guid>`);
    expect(rss).toContain('<pubDate>Sat, 10 Jan 2026 00:00:00 GMT</pubDate>');
    const sitemap = await readFile(join(out, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`${ORIGIN}/claims/macron-historic-day/`);
    expect(sitemap).not.toContain('/search/');
    expect(sitemap).not.toContain('/404');
    expect(sitemap, 'merged claim pages only point onward').not.toContain('/claims/declaration-signed/');
  });

  test('Pagefind index is written', async () => {
    await expect(readFile(join(out, 'pagefind/pagefind.js'))).resolves.toBeTruthy();
  });
});

describe('every page', () => {
  test('canonical, Open Graph and Twitter meta are absolute and consistent', () => {
    expect(page('404.html').document.querySelector('link[rel="canonical"]')).toBeNull();
    for (const p of pages.filter((p) => p.file !== '404.html')) {
      const canonical = p.document.querySelector('link[rel="canonical"]')!.getAttribute('href');
      expect(canonical, p.file).toBe(`${ORIGIN}/${p.file.replace(/index\.html$/, '')}`);
      expect(p.document.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe(canonical);
      expect(p.document.querySelector('meta[name="twitter:card"]')).not.toBeNull();
    }
  });

  test('reading pages ship no JavaScript (JSON-LD only); search is the one page with a script', () => {
    for (const p of pages) {
      const scripts = [...p.document.querySelectorAll('script')].filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(scripts.length, p.file).toBe(p.file === 'search/index.html' ? 1 : 0);
      expect(p.html, p.file).not.toMatch(/on(click|load|error)=/);
    }
  });

  test('nothing is fetched from other hosts', () => {
    for (const p of pages) {
      for (const el of p.document.querySelectorAll('link[href], script[src], img[src], iframe, source[src]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
        if (el.tagName === 'LINK' && el.getAttribute('rel') === 'canonical') continue;
        expect(ref.startsWith('/'), `${p.file}: ${ref}`).toBe(true);
      }
    }
  });

  test('each page weighs at most 50 KB gzip', async () => {
    for (const p of pages) expect(await pageWeight(out, p), p.file).toBeLessThanOrEqual(50 * 1024);
  });

  test('every internal link resolves, anchors included', async () => {
    expect(await brokenLinks(out, pages, ORIGIN)).toEqual([]);
  });

  test('one h1 per page and no skipped heading levels', () => {
    for (const p of pages) {
      const levels = [...p.document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
      expect(levels.filter((l) => l === 1).length, p.file).toBe(1);
      levels.forEach((l, i) => expect(l - (levels[i - 1] ?? 0), `${p.file} heading ${i}`).toBeLessThanOrEqual(1));
    }
  });
});

describe('under a project path', () => {
  let baseOut: string;
  beforeAll(async () => {
    baseOut = await mkdtemp(join(tmpdir(), 'triangulate-base-'));
    await buildSite({ contentDir: FIXTURE, outDir: baseOut, site: 'https://user.github.io', base: '/repo' });
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    if (baseOut) await rm(baseOut, { recursive: true, force: true });
  });

  test('links, anchors, canonical URLs and JSON-LD carry the base path', async () => {
    const all = await readAllPages(baseOut);
    expect(await brokenLinks(baseOut, all, 'https://user.github.io', '/repo/')).toEqual([]);
    const source = await readPage(baseOut, 'sources/alpha-news/index.html');
    expect(source.document.querySelector('#s1 a')!.getAttribute('href')).toBe('/repo/claims/pact-signed-tuesday/');
    const claim = await readPage(baseOut, 'claims/pact-signed-tuesday/index.html');
    expect(claim.document.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://user.github.io/repo/claims/pact-signed-tuesday/');
    expect(JSON.parse(claim.document.querySelector('script[type="application/ld+json"]')!.textContent!).url).toBe('https://user.github.io/repo/claims/pact-signed-tuesday/');
    expect(await readFile(join(baseOut, 'rss.xml'), 'utf8')).toContain('<link>https://user.github.io/repo/claims/pact-signed-tuesday/</link>');
  });
});
