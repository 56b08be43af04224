/**
 * Writes are atomic and builds are reproducible: an interrupted run leaves every file either as it
 * was or complete, with no temporary files; the same content always gives the same bytes.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { commit } from '../../scripts/pipeline/write.ts';
import { addArticle, build, cleanRoots, makeRoot, snapshot } from './helpers.ts';

afterAll(cleanRoots);
// Each case runs the whole pipeline on a temp root; the machine is shared, so allow for a slow one.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

async function temps(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.tmp'));
}

describe('reproducible builds', () => {
  it('two builds of the same content are byte-identical, and a rebuild writes nothing', async () => {
    const names = ['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt', 'd-guardian.txt'];
    const one = await makeRoot(names);
    const two = await makeRoot([...names].reverse());
    await build(one);
    await build(two);
    expect(await snapshot(two)).toEqual(await snapshot(one));
    const again = await build(one);
    expect(again.write).toEqual({ written: [], unchanged: again.claims.length + 4, deleted: [] });
  });
});

describe('atomic writes', () => {
  it('a folder in the way of one file stops the commit before any file changes', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt']);
    await build(root);
    await addArticle(root, 'd-guardian.txt');
    // d-guardian brings a new claim; its file cannot be written.
    await mkdir(path.join(root, 'claims', 'italys-giorgia-meloni-italy-send-troops-ukraine.md'));
    const before = await snapshot(root);
    await expect(build(root)).rejects.toThrow('Cannot write claims/italys-giorgia-meloni-italy-send-troops-ukraine.md: a folder is in the way. Move it away and run again; nothing was written.');
    expect(await snapshot(root)).toEqual(before);
    expect(await temps(root)).toEqual([]);
  });

  it('a write failing midway removes the temporary files and leaves the old files whole', async () => {
    const root = await makeRoot([]);
    await commit(root, new Map([['claims/a.md', 'old a\n'], ['claims/b.md', 'old b\n']]), []);
    await writeFile(path.join(root, 'sources'), 'a file where a folder should be');
    const files = new Map([['claims/a.md', 'new a\n'], ['claims/b.md', 'new b\n'], ['sources/s.md', 'source\n']]);
    await expect(commit(root, files, ['sources'])).rejects.toThrow();
    expect(await readFile(path.join(root, 'claims/a.md'), 'utf8')).toBe('old a\n');
    expect(await readFile(path.join(root, 'claims/b.md'), 'utf8')).toBe('old b\n');
    expect(await temps(root)).toEqual([]);
  });

  it('temporary files left by a killed run are cleared by the next one', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    await build(root);
    await writeFile(path.join(root, 'claims', 'x.md.4242.tmp'), '---\nhalf');
    await writeFile(path.join(root, 'sources', 'a-reuters.md.4242.tmp'), '');
    const result = await build(root);
    expect(result.write?.written).toEqual([]);
    expect(await temps(root)).toEqual([]);
  });
});
