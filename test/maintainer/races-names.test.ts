/**
 * Races and odd names (issue 12, item 8): two runs on one content root at once, an article file
 * name too long for the names derived from it, and file names in other scripts.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { slugify } from '../../scripts/add.ts';
import { sourceId } from '../../scripts/pipeline/ingest.ts';
import { PROJECT, addArticle, build, cleanRoots, makeRoot, printed, snapshot } from './helpers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
afterAll(cleanRoots);

const POOL = ['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt', 'd-guardian.txt', 'e-lemonde.txt', 'f-dw.txt', 'g-kyiv.txt', 'h-politico.txt'];

async function temps(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.tmp'));
}

/** `npm run content` on a root, as a child process: exit code and stderr. */
function content(root: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/cli.ts', 'content', '--content', root], { cwd: PROJECT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two runs on one content root at once', () => {
  it('in one process: both succeed, no temp file is left, the output is a single run\'s', async () => {
    const root = await makeRoot(POOL);
    const control = await makeRoot(POOL);
    await build(control);
    const results = await Promise.all([build(root), build(root), build(root)]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(await temps(root)).toEqual([]);
    expect(await snapshot(root)).toEqual(await snapshot(control));
  });

  it('in two processes (npm run content twice): neither breaks the other', async () => {
    const root = await makeRoot(POOL);
    const [one, two] = await Promise.all([content(root), content(root)]);
    expect(one).toEqual({ code: 0, stderr: '' });
    expect(two).toEqual({ code: 0, stderr: '' });
    expect(await temps(root)).toEqual([]);
    expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('odd article names', () => {
  it('a 251-character name is a problem, not ENAMETOOLONG, and leaves no temp file', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    const long = `${'x'.repeat(247)}.txt`;
    expect(long.length).toBe(251);
    await addArticle(root, long, await readFile(path.join(PROJECT, 'test/fixtures/maintainer/pool/c-bbc.txt')));
    const result = await build(root);
    expect(result.ok).toBe(true);
    expect(printed(result)).toContain(
      `articles/${long}:1:1  article-name-too-long  Unexpected file name of 251 characters: the source id made from it (247 bytes) is over the 150-byte limit, and the files and pages named after it would be refused by some systems. Rename the file to something shorter. Skipped.`,
    );
    expect(result.sources).toBe(2);
    expect(await temps(root)).toEqual([]);
    expect((await build(root)).ok).toBe(true);
  });

  it('Україна.txt and Росія.txt get ids of their own letters, and both are sources', async () => {
    const root = await makeRoot([]);
    const pool = (name: string) => readFile(path.join(PROJECT, 'test/fixtures/maintainer/pool', name));
    await addArticle(root, 'Україна.txt', await pool('a-reuters.txt'));
    await addArticle(root, 'Росія.txt', await pool('b-ap.txt'));
    await addArticle(root, 'Ελλάδα.txt', await pool('c-bbc.txt'));
    const result = await build(root);
    expect(printed(result)).toEqual([]);
    expect(result.sources).toBe(3);
    expect((await readdir(path.join(root, 'sources'))).sort()).toEqual(['ελλαδα.md', 'росія.md', 'україна.md']);
  });

  it('ids keep letters of any script, and add.ts names files with the id ingest gives them', () => {
    expect(sourceId('Україна.txt')).toBe('україна');
    expect(sourceId('Йорданія та Їжак.md')).toBe('йорданія-та-їжак');
    expect(sourceId('हिन्दी समाचार.txt')).toBe('हिन्दी-समाचार');
    expect(sourceId('日本の記事.html')).toBe('日本の記事');
    expect(sourceId('Café Straße.txt')).toBe('cafe-straße');
    expect(sourceId('!!!.txt')).toBe('article');
    for (const headline of ['Україна і Росія: переговори', 'Йорданія', 'हिन्दी समाचार', 'Café owner’s “big” rise', 'Ελλάδα: νέοι κανόνες']) {
      const slug = slugify(headline);
      expect(sourceId(`${slug}.html`)).toBe(slug);
    }
  });
});
