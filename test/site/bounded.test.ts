/**
 * A generated site large enough to pass every cap (30 sources, 60 claims, two pillars): the lists
 * that used to grow with the whole collection show a full count, a capped excerpt and a way to the
 * rest; every page stays under 50 KB gzip and every link, the "more" links included, resolves.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/site.ts';
import { APPEARANCES_CAP, LIST_CAP, MATRIX_COLUMNS, MATRIX_ROWS, NAMES_CAP } from '../../src/lib/bounded.ts';
import { brokenLinks, pageWeight, readAllPages, type Page } from './helpers.ts';

const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const ORIGIN = 'https://facts.example';
const SOURCES = 30;
const CLAIMS = 60;
const PILLARS = ['security-guarantees', 'ceasefire-monitoring'];

const sourceId = (i: number) => `source-${String(i).padStart(2, '0')}`;
const claimId = (j: number) => `claim-${String(j).padStart(2, '0')}`;
/** Claim j is stated by sources 0..(j mod SOURCES): one to all thirty, each length twice. */
const statedBy = (j: number) => Array.from({ length: (j % SOURCES) + 1 }, (_, i) => i);
const claimText = (j: number) => `Claim number ${j} was reported by ${(j % SOURCES) + 1} outlets.`;

/** Writes the content root: the fixture's site and pillars, then generated sources and claims. */
async function writeContent(root: string): Promise<void> {
  await cp(join(FIXTURE, 'site.md'), join(root, 'site.md'));
  await cp(join(FIXTURE, 'pillars'), join(root, 'pillars'), { recursive: true });
  await mkdir(join(root, 'sources'));
  await mkdir(join(root, 'claims'));
  // Sentence index of claim j in source i: its position among the claims source i states.
  const index = new Map<string, number>();
  for (let i = 0; i < SOURCES; i++) {
    const stated = Array.from({ length: CLAIMS }, (_, j) => j).filter((j) => statedBy(j).includes(i));
    stated.forEach((j, k) => index.set(`${i}/${j}`, k));
    const front = {
      title: `Report ${i} on the declaration`, headline: true, outlet: `Outlet ${i}`, author: null, url: null, published: null,
      file: `articles/${sourceId(i)}.txt`, sentences: stated.length, claims: stated.map(claimId), removed: [],
    };
    const body = stated.map((j, k) => `:claim[${claimText(j)}]{#s${k} claims="${claimId(j)}" status="${statedBy(j).length > 1 ? 'corroborated' : 'single-source'}"}`).join('\n\n');
    await writeFile(join(root, 'sources', `${sourceId(i)}.md`), `---\n${JSON.stringify(front)}\n---\n${body}\n`);
  }
  for (let j = 0; j < CLAIMS; j++) {
    const sources = statedBy(j);
    const front = {
      // The claim every source states is reviewed, so its ClaimReview lists capped appearances.
      verdict: j === SOURCES - 1 ? 'accurate' : null, pillar: null, hidden: false, mergeInto: null, text: claimText(j), kind: 'statement', speaker: null,
      autoPillar: PILLARS[j % 2], status: sources.length > 1 ? 'corroborated' : 'single-source', sources: sources.map(sourceId),
      appearances: sources.map((i) => ({
        source: sourceId(i), sentence: claimText(j), speaker: null, index: index.get(`${i}/${j}`),
        selector: { exact: claimText(j), prefix: '', suffix: '', start: 0, end: claimText(j).length },
      })),
      conflicts: [], variants: [], orphaned: false,
      review: j === SOURCES - 1 ? { date: '2026-01-08', text: claimText(j), evidence: 'e', sources: [], verdict: 'accurate', note: '', updates: [] } : null,
    };
    await writeFile(join(root, 'claims', `${claimId(j)}.md`), `---\n${JSON.stringify(front)}\n---\n`);
  }
}

let dir: string;
let out: string;
let pages: Page[];
const page = (file: string) => pages.find((p) => p.file === file)!.document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'triangulate-bounded-'));
  await writeContent(join(dir, 'content'));
  out = join(dir, 'out');
  await buildSite({ contentDir: join(dir, 'content'), outDir: out, site: ORIGIN });
  pages = await readAllPages(out);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a site past every cap', () => {
  test('a claim page counts every silent source and names the ten that state the most claims', () => {
    const doc = page(`claims/${claimId(0)}/index.html`);
    expect(text(doc.getElementById('silent'))).toBe(`Sources that do not mention it (${SOURCES - 1})`);
    const named = [...doc.querySelectorAll('.silent-sources li a')].map((a) => a.getAttribute('href'));
    expect(named).toHaveLength(LIST_CAP);
    expect(named).toEqual(Array.from({ length: LIST_CAP }, (_, k) => `/sources/${sourceId(k + 1)}/`));
    const more = [...doc.querySelectorAll('#silent ~ p')].find((p) => p.textContent!.startsWith('And'))!;
    expect(text(more)).toBe(`And ${SOURCES - 1 - LIST_CAP} more: every source is listed on the sources page.`);
    expect(more.querySelector('a')!.getAttribute('href')).toBe('/sources/');
    expect(doc.querySelector('[data-pagefind-ignore] #silent')).not.toBeNull();
  });

  test('a claim every source states lists no silent source, quotes one wording once, and names a few sources', () => {
    const doc = page(`claims/${claimId(SOURCES - 1)}/index.html`);
    const quoted = [...doc.querySelectorAll('.appearances > li')];
    expect(quoted).toHaveLength(1);
    expect([...quoted[0]!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
      // Source i states claims i..29 before 30+i..59, so this one is its sentence 29 - i.
      Array.from({ length: NAMES_CAP }, (_, i) => `/sources/${sourceId(i)}/#s${SOURCES - 1 - i}`),
    );
    expect(text(quoted[0]!.querySelector('p:last-child .muted:last-child'))).toBe(`and ${SOURCES - NAMES_CAP} more sources in the same words`);
    const review = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(review.itemReviewed.appearance).toHaveLength(APPEARANCES_CAP);
    expect(review.reviewRating.alternateName).toBe('Accurate');
    expect(text(doc.getElementById('silent'))).toBe('Sources that do not mention it (0)');
    expect(text(doc.querySelector('#silent + p'))).toBe('Every source states this claim.');
  });

  test('a source page counts every omission, lists the ten most sources state, and counts the rest per pillar', () => {
    const last = SOURCES - 1; // states only the two claims every source states
    const doc = page(`sources/${sourceId(last)}/index.html`);
    const omitted = CLAIMS - 2;
    expect(text(doc.getElementById('claims-left-out'))).toBe(`Claims this source leaves out (${omitted})`);
    const items = [...doc.querySelectorAll('#claims-left-out ~ ul.claim-list > li')];
    expect(items).toHaveLength(LIST_CAP);
    expect(items.map((li) => text(li.querySelector('.claim-meta > span:not(.badge)')))).toEqual(
      ['29', '29', '28', '28', '27', '27', '26', '26', '25', '25'].map((k) => `${k} of ${SOURCES} sources`),
    );
    for (const li of items) expect(li.textContent, 'a list item names no source').not.toMatch(/Outlet \d/);
    expect(text([...doc.querySelectorAll('#claims-left-out ~ p')].at(-1))).toBe(`And ${omitted - LIST_CAP} more. All ${omitted} by pillar:`);
    const byPillar = [...doc.querySelectorAll('.omitted-by-pillar li')].map((li) => [li.querySelector('a')!.getAttribute('href'), text(li).replace(/.*: /, '')]);
    // The two claims it states (29 and 59) are both odd, so both in the second pillar.
    expect(byPillar).toEqual([['/pillars/security-guarantees/', '30'], ['/pillars/ceasefire-monitoring/', '28']]);
  });

  test('the home matrix keeps the claims most sources state and the sources stating most of them, and says so', () => {
    const doc = page('index.html');
    const rows = [...doc.querySelectorAll('.matrix tbody tr:not(.group)')];
    expect(rows).toHaveLength(MATRIX_ROWS);
    expect(doc.querySelectorAll('.matrix thead th')).toHaveLength(MATRIX_COLUMNS + 1);
    for (const row of rows) expect(row.querySelectorAll('td')).toHaveLength(MATRIX_COLUMNS);
    const shared = CLAIMS - 2; // claims two or more sources state
    expect(text(doc.querySelector('.matrix-note'))).toBe(
      `Showing the ${MATRIX_ROWS} claims stated by the most sources, of ${shared}. Columns: the ${MATRIX_COLUMNS} sources that state the most of them, of ${SOURCES}; each claim's page names every source. Every claim is listed on its pillar’s page.`,
    );
    expect(doc.querySelectorAll('#sources ~ .source-list > li'), 'under the cap every source is on the overview').toHaveLength(SOURCES);
    expect(page('sources/index.html').querySelectorAll('.source-list > li')).toHaveLength(SOURCES);
    expect(page('sources/index.html').querySelector('.pagination'), 'one page of sources needs no page links').toBeNull();
  });

  test('a pillar lists all its claims; its matrix keeps every row under the cap and caps the columns', () => {
    const doc = page('pillars/security-guarantees/index.html');
    expect(doc.querySelectorAll('.claim-list > li')).toHaveLength(CLAIMS / 2);
    expect(doc.querySelectorAll('.matrix tbody tr:not(.group)')).toHaveLength(CLAIMS / 2);
    expect(doc.querySelectorAll('.matrix thead th')).toHaveLength(MATRIX_COLUMNS + 1);
    expect(text(doc.querySelector('.matrix-note'))).toContain(`Columns: the ${MATRIX_COLUMNS} sources that state the most of them, of ${SOURCES}`);
  });

  test('every page weighs at most 50 KB gzip and every link resolves', async () => {
    expect(pages.length).toBe(CLAIMS + SOURCES + 2 + 6);
    for (const p of pages) expect(await pageWeight(out, p), p.file).toBeLessThanOrEqual(50 * 1024);
    expect(await brokenLinks(out, pages, ORIGIN)).toEqual([]);
  });
});
