/**
 * The pipeline cache on a shared machine (issue 12, item 3): it lives in a folder only its owner can
 * write, is never written through a planted symlink, and an entry that does not match its checksum
 * (flipped bits, an edited figure) is dropped and recomputed, never trusted and never a crash.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachePath } from '../../scripts/pipeline/cache.ts';
import { build, cleanRoots, makeRoot, snapshot } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const ARTICLES = ['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt'];
const home = await mkdtemp(path.join(tmpdir(), 'triangulate-cache-home-'));
const saved = process.env['XDG_CACHE_HOME'];
let n = 0;
beforeEach(() => {
  // A cache home of its own per case, so one case's folder cannot vouch for another's.
  process.env['XDG_CACHE_HOME'] = path.join(home, String(++n));
});
afterAll(async () => {
  if (saved === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = saved;
  await rm(home, { recursive: true, force: true });
  await cleanRoots();
});

/** The generated files of a root. */
async function generated(root: string): Promise<Map<string, string>> {
  const all = await snapshot(root);
  return new Map([...all].filter(([rel]) => rel.startsWith('claims/') || rel.startsWith('sources/')));
}

/** Every generated text, decoded. */
async function texts(root: string): Promise<string> {
  return [...(await generated(root)).values()].map((b) => Buffer.from(b, 'base64').toString('utf8')).join('\n');
}

describe('where the cache is kept', () => {
  it('in a per-user folder created 0700, outside the temp folder, the file 0600', async () => {
    const root = await makeRoot(ARTICLES);
    expect((await build(root)).ok).toBe(true);
    const file = cachePath(root);
    expect(file.startsWith(path.join(process.env['XDG_CACHE_HOME'] ?? '', 'triangulate') + path.sep)).toBe(true);
    const folder = await lstat(path.dirname(file));
    expect(folder.isDirectory()).toBe(true);
    expect(folder.mode & 0o777).toBe(0o700);
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
  });

  it('does not use a cache folder others can write, or one that is a symlink', async () => {
    const open = path.join(process.env['XDG_CACHE_HOME'] ?? '', 'triangulate');
    await mkdir(open, { recursive: true, mode: 0o777 });
    const { chmod } = await import('node:fs/promises');
    await chmod(open, 0o777);
    const root = await makeRoot(ARTICLES);
    expect((await build(root)).ok).toBe(true);
    expect(await readdir(open)).toEqual([]);

    process.env['XDG_CACHE_HOME'] = path.join(home, 'linked');
    const elsewhere = path.join(home, 'elsewhere');
    await mkdir(elsewhere, { recursive: true, mode: 0o700 });
    await mkdir(process.env['XDG_CACHE_HOME'], { recursive: true });
    await symlink(elsewhere, path.join(process.env['XDG_CACHE_HOME'], 'triangulate'));
    expect((await build(root)).ok).toBe(true);
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('never writes through a symlink planted at the cache file or a temp name', async () => {
    const root = await makeRoot(ARTICLES);
    const file = cachePath(root);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const victim = path.join(home, `victim-${n}`);
    await writeFile(victim, 'precious\n');
    await symlink(victim, file);
    await symlink(victim, `${file}.${process.pid}.tmp`);
    expect((await build(root)).ok).toBe(true);
    expect(await readFile(victim, 'utf8')).toBe('precious\n');
    // The cache file itself is now a file of ours, not the symlink.
    expect((await lstat(file)).isSymbolicLink()).toBe(false);
  });
});

describe('entries are verified before they are trusted', () => {
  it('flipped bytes in the cache: the next run succeeds with the same output', async () => {
    const root = await makeRoot(ARTICLES);
    expect((await build(root)).ok).toBe(true);
    const before = await generated(root);
    const file = cachePath(root);
    const bytes = await readFile(file);
    for (let i = 64; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 50))) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    await writeFile(file, bytes);
    const again = await build(root);
    expect(again.ok).toBe(true);
    expect(await generated(root)).toEqual(before);
    // And the cache is whole again for the run after.
    expect((await build(root)).write?.written).toEqual([]);
  });

  it('a figure edited inside the cache is not published: the output says what the article says', async () => {
    const root = await makeRoot(ARTICLES);
    expect((await build(root)).ok).toBe(true);
    const before = await generated(root);
    expect(await texts(root)).toContain('35 countries');
    const file = cachePath(root);
    const bytes = await readFile(file);
    let edited = 0;
    for (const encoding of ['latin1', 'utf16le'] as const) {
      const from = Buffer.from('35 countries', encoding);
      const to = Buffer.from('95 countries', encoding);
      for (let at = bytes.indexOf(from); at !== -1; at = bytes.indexOf(from, at + 1)) {
        to.copy(bytes, at);
        edited++;
      }
    }
    expect(edited).toBeGreaterThan(0);
    await writeFile(file, bytes);
    expect((await build(root)).ok).toBe(true);
    expect(await texts(root)).not.toContain('95 countries');
    expect(await generated(root)).toEqual(before);
  });
});
