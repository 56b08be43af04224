/**
 * The pipeline cache (scripts/pipeline/cache.ts): a run that reuses it writes exactly what a cold
 * run writes, an article whose bytes changed is read and extracted again, and a cache from another
 * pipeline version is ignored.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, touchArticle } from '../../scripts/bench/corpus.ts';
import { PipelineCache, cachePath, hash } from '../../scripts/pipeline/cache.ts';
import { run } from '../../scripts/pipeline/index.ts';
import { ingest } from '../../scripts/pipeline/ingest.ts';

const content = path.resolve(import.meta.dirname, '../../content');
const ARTICLES = 24;
let dir = '';

/** Every file the pipeline manages under a root, by relative path. */
async function outputs(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of ['claims', 'sources']) {
    for (const name of (await readdir(path.join(root, folder))).sort()) files.set(`${folder}/${name}`, await readFile(path.join(root, folder, name), 'utf8'));
  }
  return files;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'triangulate-cache-test-'));
});

afterAll(async () => {
  for (const name of ['warm', 'cold']) await rm(cachePath(path.join(dir, name)), { force: true });
  await rm(dir, { recursive: true, force: true });
});

describe('pipeline cache', () => {
  it('gives the output of a cold run, and re-reads only the article that changed', async () => {
    const warm = path.join(dir, 'warm');
    const cold = path.join(dir, 'cold');
    const corpus = await makeCorpus(content, warm, ARTICLES);
    await rm(cachePath(warm), { force: true });
    expect((await run(warm)).ok).toBe(true);

    // Nothing changed: everything is reused and nothing is rewritten.
    const same = await ingest(warm);
    expect(same.cache.reused.articles).toBe(ARTICLES);
    expect(same.cache.reused.claims).toBe(same.claims.length);
    expect((await run(warm)).write?.written).toEqual([]);

    // One article changes; a copy of the root without a cache is the cold control.
    const changed = corpus.files[3] ?? '';
    await touchArticle(warm, changed);
    await cp(warm, cold, { recursive: true });
    await rm(cachePath(cold), { force: true });
    const before = await ingest(warm);
    expect(before.cache.reused.articles).toBe(ARTICLES - 1);
    const bytes = await readFile(path.join(warm, changed));
    expect(before.cache.article(changed, hash(bytes))).toBeUndefined();

    const fromCache = await run(warm);
    const fromScratch = await run(cold);
    expect(fromCache.write?.written).toEqual(fromScratch.write?.written);
    expect(fromCache.write?.written.length).toBeGreaterThan(0);
    expect(fromCache.problems).toEqual(fromScratch.problems);
    expect(await outputs(warm)).toEqual(await outputs(cold));
  }, 60_000);

  it('does not render an unchanged source again, and restores one edited on disk', async () => {
    const root = path.join(dir, 'warm');
    expect((await run(root)).write?.written).toEqual([]);
    const file = path.join(root, 'sources', 'a00001.md');
    const original = await readFile(file, 'utf8');
    await writeFile(file, `${original}\nA line nobody should add to a generated file.\n`);
    const again = await run(root);
    expect(again.write?.written).toEqual(['sources/a00001.md']);
    expect(await readFile(file, 'utf8')).toBe(original);
    // Source files are on disk: the cache keeps what they were rendered from, never their text.
    expect(original).toContain('{#s');
    expect(Buffer.from(await readFile(cachePath(root))).includes('{#s')).toBe(false);
  }, 60_000);

  it('rewrites nothing on a fresh clone: every claim file read without the cache gives the same output', async () => {
    const root = path.join(dir, 'warm');
    const before = await outputs(root);
    await rm(cachePath(root), { force: true });
    const input = await ingest(root);
    expect(input.cache.reused.claims).toBe(0);
    expect(input.claims.length).toBeGreaterThan(5);
    expect((await run(root)).write?.written).toEqual([]);
    expect(await outputs(root)).toEqual(before);
  }, 60_000);

  it('ignores a cache written by another version of the pipeline, or unreadable', async () => {
    const root = path.join(dir, 'warm');
    const bytes = await readFile(cachePath(root));
    const input = await ingest(root);
    const file = 'articles/a00000.md';
    const key = hash(await readFile(path.join(root, file)));
    expect(new PipelineCache(bytes, 'another version').article(file, key)).toBeUndefined();
    expect(new PipelineCache(new Uint8Array([1, 2, 3]), 'v').article(file, key)).toBeUndefined();
    expect(input.cache.article(file, key)).toBeDefined();
  });
});
