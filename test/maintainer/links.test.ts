/**
 * Only http(s) (and mailto where it fits) may become a link: an article's `url:`, a saved page's
 * canonical link, and Markdown links in the site intro, pillar bodies and claim notes. Anything
 * else is reported (`unsafe-link`, a warning) and never reaches the site as a link.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addArticle as addPage } from '../../scripts/add.ts';
import { parseFrontmatter } from '../../scripts/frontmatter.ts';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { build, claimIds, cleanRoots, editClaim, makeRoot, printed } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
afterAll(cleanRoots);

const TEXT = 'Leaders of 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine.\n\nThe United States will lead a ceasefire monitoring mechanism, officials said.\n';
const md = (url: string) => `---\ntitle: A report\nurl: ${url}\n---\n${TEXT}`;
const page = (href: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Summit report</title>\n<link rel="canonical" href="${href}">\n</head><body><article><h1>Summit report</h1>` +
  `<p>Leaders of 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine, officials said after the talks had ended late in the evening.</p>` +
  `<p>The United States will lead a ceasefire monitoring mechanism using drones and satellites, officials said, and Britain and France will set up military hubs.</p></article></body></html>`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('an article url that is not http(s)', () => {
  const hostile = ['javascript:alert(1)', 'JavaScript:alert(1)', '"  javascript:alert(1)"', '"\\tjava\\tscript:alert(1)"', '"&#106;avascript:alert(1)"', 'vbscript:msgbox(1)', '"data:text/html,<script>alert(1)</script>"'];
  for (const url of hostile) {
    it(`is dropped and reported: ${url}`, () => {
      const article = readArticle('x', 'articles/x.md', bytes(md(url)));
      expect(article.meta.url).toBeNull();
      expect(article.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.rule}  ${p.fatal}`)).toEqual(['articles/x.md:3:6  unsafe-link  false']);
      expect(article.blocks.length).toBeGreaterThan(0);
    });
  }

  it('keeps an http(s) address', () => {
    expect(readArticle('x', 'articles/x.md', bytes(md('https://example.com/a'))).meta.url).toBe('https://example.com/a');
    expect(readArticle('x', 'articles/x.md', bytes(md('HTTP://example.com/a'))).meta.url).toBe('HTTP://example.com/a');
  });

  it('pins the message', () => {
    const [p] = readArticle('x', 'articles/x.md', bytes(md('javascript:alert(1)'))).problems;
    expect(p?.message).toBe('Unexpected url "javascript:alert(1)": only an http(s) address becomes the "Original article" link, so this source has none. Give the article\'s http(s) address, or remove it.');
  });

  for (const href of ['javascript:alert(1)', '  JAVASCRIPT:alert(1)', '&#106;avascript:alert(1)', 'java&#x09;script:alert(1)']) {
    it(`a saved page's canonical link is never the source's url: ${href}`, () => {
      const article = readArticle('x', 'articles/x.html', bytes(page(href)));
      expect(article.meta.url).toBeNull();
      expect(article.problems.map((p) => `${p.file}:${p.line}  ${p.rule}`)).toEqual(['articles/x.html:2  unsafe-link']);
      expect(article.blocks.length).toBeGreaterThan(0);
    });
  }

  it('a page saved by `npm run add` with a javascript: canonical link gets no such url', async () => {
    const root = await makeRoot([]);
    const input = path.join(root, 'saved.html');
    await writeFile(input, page('javascript:alert(document.domain)'));
    const { file } = await addPage(input, root);
    const result = await build(root);
    expect(result.ok).toBe(true);
    const id = path.basename(file).replace(/\.html$/, '');
    const source = parseFrontmatter(await readFile(path.join(root, 'sources', `${id}.md`), 'utf8'), 'x');
    expect(source.data['url']).toBeNull();
    expect(printed(result).some((line) => line.startsWith(`articles/${id}.html:2:`) && line.includes('unsafe-link'))).toBe(true);
  });
});

describe('Markdown links in curated text', () => {
  let root = '';
  beforeAll(async () => {
    root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    expect((await build(root)).ok).toBe(true);
  });

  it('are reported with their place, and the build goes on', async () => {
    const site = path.join(root, 'site.md');
    await writeFile(site, `${await readFile(site, 'utf8')}\nSee [the record](javascript:alert(1)) and <javascript:alert(2)>, or [mail](mailto:desk@example.com) and [web](https://example.com).\n`);
    const pillar = path.join(root, 'pillars', 'multinational-force.md');
    await writeFile(pillar, `${await readFile(pillar, 'utf8')}\nAlso [this](&#106;avascript:alert(3)).\n\n[ref]: vbscript:alert(4)\n\nAnd [that][ref].\n`);
    const [id] = await claimIds(root);
    await editClaim(root, id!, { note: 'Checked.\n\n![x](data:text/html,alert(5)) and [y](  JavaScript:alert(6))\n' });
    // The place is where the link is in the file as the run read it (a note's first review adds lines above it).
    const claimLines = (await readFile(path.join(root, 'claims', `${id}.md`), 'utf8')).split('\n');
    const result = await build(root);
    expect(result.ok).toBe(true);
    const siteLines = (await readFile(site, 'utf8')).split('\n');
    const siteLine = siteLines.findIndex((l) => l.startsWith('See [the record]')) + 1;
    const noteLine = claimLines.findIndex((l) => l.startsWith('![x]')) + 1;
    const pillarLines = (await readFile(pillar, 'utf8')).split('\n');
    const links = printed(result).filter((l) => l.includes('unsafe-link'));
    expect(links.map((l) => l.split('  unsafe-link')[0])).toEqual([
      `claims/${id}.md:${noteLine}:1`,
      `claims/${id}.md:${noteLine}:35`,
      `pillars/multinational-force.md:${pillarLines.findIndex((l) => l.startsWith('Also [this]')) + 1}:6`,
      `pillars/multinational-force.md:${pillarLines.findIndex((l) => l.startsWith('[ref]:')) + 1}:1`,
      `site.md:${siteLine}:5`,
      `site.md:${siteLine}:43`,
    ]);
    expect(links[4]).toBe(`site.md:${siteLine}:5  unsafe-link  Unexpected link to "javascript:alert(1)": only http(s) and mailto: addresses become links, so it is shown as text. Link to an http(s) address instead.`);
  });

  it('a corrections contact that is neither a web address nor an email is reported', async () => {
    const site = path.join(root, 'site.md');
    const text = await readFile(site, 'utf8');
    await writeFile(site, text.replace('publisher: Triangulate', 'publisher: Triangulate\ncorrections: "javascript:alert(1)"'));
    const lines = printed(await build(root)).filter((l) => l.startsWith('site.md:5:') && l.includes('unsafe-link'));
    expect(lines).toHaveLength(1);
    await writeFile(site, text);
  });
});
