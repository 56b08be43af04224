/**
 * A content root that mixes a .txt report, a .md report with frontmatter and a saved .html page
 * builds into one site: the page's declared outlet, author and date reach its source page, its
 * clutter does not, and claims are matched across all three formats.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../scripts/frontmatter.ts';
import { run, type RunResult } from '../../scripts/pipeline/index.ts';
import { buildSite } from '../../scripts/site.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/mixed', import.meta.url));
let root = '';
let out = '';
let result: RunResult;

const source = async (id: string) => parseFrontmatter(await readFile(path.join(root, 'sources', `${id}.md`), 'utf8'), `sources/${id}.md`);
const claimWith = (words: string) => result.claims.filter((c) => c.appearances.some((a) => a.sentence.includes(words)));

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'triangulate-mixed-'));
  out = await mkdtemp(path.join(tmpdir(), 'triangulate-mixed-out-'));
  await cp(FIXTURE, root, { recursive: true });
  result = await run(root);
}, 60_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('a content root mixing .txt, .md and .html', () => {
  it('reads all three articles without a problem', () => {
    expect(result.ok).toBe(true);
    expect(result.sources).toBe(3);
    expect(result.problems.filter((p) => p.fatal)).toEqual([]);
  });

  it("keeps what the HTML page declares about itself, and the Markdown's frontmatter", async () => {
    const page = await source('kessel-daily');
    expect(page.data).toMatchObject({
      title: 'Harbour bridge closed after cables found corroded',
      outlet: 'Kessel Daily',
      author: 'Ana Lind',
      published: '2026-03-12',
      url: 'https://kessel-daily.example/news/harbour-bridge-closed',
      file: 'articles/kessel-daily.html',
    });
    const md = await source('harbour-post');
    expect(md.data).toMatchObject({ outlet: 'Harbour Post', author: 'Jonas Berg', published: '2026-03-13' });
    const txt = await source('coastal-courier');
    expect(txt.data).toMatchObject({ title: 'Kessel harbour bridge shut for three weeks after corrosion found', outlet: null, author: null, published: null });
  });

  it("leaves the page's clutter out of its cleaned text", async () => {
    const body = (await source('kessel-daily')).content;
    for (const clutter of ['Share', 'Tweet', 'Related stories', 'Ferry fares', 'Subscribe', 'P. Moreau', 'Home']) {
      expect(body, clutter).not.toContain(clutter);
    }
    expect(body).toContain('corroded steel cables');
  });

  it('matches one claim across all three formats', () => {
    const closure = claimWith('closed to').filter((c) => c.sources.length === 3);
    expect(closure.length).toBeGreaterThanOrEqual(1);
    expect(closure[0]?.status).toBe('corroborated');
    const cost = claimWith('4.2 million euros');
    expect(cost).toHaveLength(1);
    expect(cost[0]?.sources).toEqual(['coastal-courier', 'kessel-daily']);
  });

  it("shows the HTML page's outlet, author and date on its source page", async () => {
    await buildSite({ contentDir: root, outDir: out });
    const html = await readFile(path.join(out, 'sources', 'kessel-daily', 'index.html'), 'utf8');
    expect(html).toContain('Kessel Daily');
    expect(html).toContain('Ana Lind');
    expect(html).toContain('2026-03-12');
    const plain = await readFile(path.join(out, 'sources', 'coastal-courier', 'index.html'), 'utf8');
    expect(plain).not.toContain('By null');
  }, 120_000);
});
