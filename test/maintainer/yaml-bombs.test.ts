/**
 * YAML bombs and huge values: aliases are refused in curated frontmatter (site.md, pillars/,
 * claims/), messages quote at most 80 characters of a value, and titles and other metadata have a
 * length limit (curated: refused; an article's: cut, with a warning).
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { quote } from '../../scripts/errors.ts';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { build, claimIds, cleanRoots, makeRoot, printed, snapshot } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
afterAll(cleanRoots);

/** Nested anchors, each level ten aliases of the last: 10^levels strings once expanded. */
function bomb(levels: number): string {
  const parts = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) parts.push(`&a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  return `[${parts.join(', ')}]`;
}

let root = '';
let id = '';
const originals = new Map<string, string>();
beforeAll(async () => {
  root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
  expect((await build(root)).ok).toBe(true);
  id = (await claimIds(root))[0] ?? '';
  for (const rel of ['site.md', 'pillars/multinational-force.md', `claims/${id}.md`]) originals.set(rel, await readFile(path.join(root, rel), 'utf8'));
});

async function edit(rel: string, from: RegExp, to: string): Promise<void> {
  for (const [r, text] of originals) await writeFile(path.join(root, r), text);
  const text = originals.get(rel)!;
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(path.join(root, rel), next);
}

describe('aliases in curated frontmatter', () => {
  const cases: Array<[string, () => [string, RegExp, string]]> = [
    ['a claim', () => [`claims/${id}.md`, /^verdict: .*$/m, `verdict: ${bomb(9)}`]],
    ['a pillar', () => ['pillars/multinational-force.md', /^keywords:$/m, `keywords: ${bomb(9)}\nx:`]],
    ['site.md', () => ['site.md', /^publisher: .*$/m, 'publisher: &p Triangulate\ncorrections: *p']],
  ];
  for (const [name, make] of cases) {
    it(`are refused with their place: ${name}`, async () => {
      const [rel, from, to] = make();
      await edit(rel, from, to);
      const before = await snapshot(root);
      const started = performance.now();
      const result = await build(root);
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(result.ok).toBe(false);
      const lines = printed(result).filter((l) => l.startsWith(`${rel}:`));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines[0]).toMatch(new RegExp(`^${rel.replace(/[.]/g, '\\.')}:\\d+:\\d+  frontmatter-alias  Unexpected YAML (anchor|alias) `));
      expect(lines.join('\n').length).toBeLessThan(2_000);
      expect(await snapshot(root)).toEqual(before);
    });
  }

  it('the alias message is pinned', async () => {
    await edit('site.md', /^publisher: .*$/m, 'publisher: &p Triangulate');
    const lines = printed(await build(root)).filter((l) => l.includes('frontmatter-alias'));
    expect(lines).toEqual(['site.md:4:12  frontmatter-alias  Unexpected YAML anchor `&p`: anchors and aliases (`*name`) are refused in site.md, pillars/ and claims/, since a few of them can expand into gigabytes. Write each value out in full.']);
  });
});

describe('huge values', () => {
  it('a 10 MB verdict gives a short message', async () => {
    await edit(`claims/${id}.md`, /^verdict: .*$/m, `verdict: ${'x'.repeat(10_000_000)}`);
    const lines = printed(await build(root)).filter((l) => l.startsWith(`claims/${id}.md`));
    expect(lines.length).toBe(1);
    expect(lines[0]!.length).toBeLessThan(600);
    expect(lines[0]).toContain(`${'x'.repeat(40)}…`);
  });

  it('a curated title over the limit is refused', async () => {
    await edit('site.md', /^title: .*$/m, `title: ${'Long '.repeat(2000)}`);
    const result = await build(root);
    expect(result.ok).toBe(false);
    expect(printed(result).filter((l) => l.startsWith('site.md:2:8  schema  **title**: at most 300 characters.'))).toHaveLength(1);
  });

  it('quote() caps at 80 characters and never cuts a character in two', () => {
    expect(quote('short')).toBe('"short"');
    expect(quote('x'.repeat(200))).toBe(`"${'x'.repeat(79)}…`);
    expect(quote(`${'x'.repeat(78)}😀😀`)).toBe(`"${'x'.repeat(78)}…`);
  });

  it('an article title of 1 MB is cut to 300 characters, with a warning', () => {
    const text = `---\ntitle: ${'Headline '.repeat(120_000)}\noutlet: ${'O'.repeat(5000)}\n---\nLeaders of 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine.\n`;
    const article = readArticle('x', 'articles/x.md', new TextEncoder().encode(text));
    expect(article.meta.title!.length).toBeLessThanOrEqual(300);
    expect(article.meta.title!.endsWith('…')).toBe(true);
    expect(article.meta.outlet!.length).toBeLessThanOrEqual(200);
    expect(article.problems.map((p) => `${p.file}:${p.line}  ${p.rule}  ${p.fatal}`)).toEqual(['articles/x.md:2  metadata-too-long  false', 'articles/x.md:3  metadata-too-long  false']);
    expect(article.problems[0]!.message).toBe('Unexpected title of 1,079,999 characters: over the 300-character limit, so it is cut to 300. Shorten it in the file.');
  });

  it("a saved page's 1 MB title is cut too", () => {
    const html = `<html><head><title>${'Headline '.repeat(120_000)}</title></head><body><article><p>${'Leaders of 35 countries met in Paris on Tuesday to agree security guarantees for Ukraine. '.repeat(5)}</p></article></body></html>`;
    const article = readArticle('x', 'articles/x.html', new TextEncoder().encode(html));
    expect(article.meta.title!.length).toBeLessThanOrEqual(300);
    expect(article.problems.map((p) => p.rule)).toEqual(['metadata-too-long']);
  });
});
