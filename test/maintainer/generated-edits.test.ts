/**
 * A hand edit of a file the generator owns never survives a run (issue 12, item 12), however well
 * it hides: same length, same inode, its modification time put back as `cp -p` or `touch -r` do.
 */
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { build, cleanRoots, makeRoot } from './helpers.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
afterAll(cleanRoots);

it('a same-length edit of sources/x.md with its mtime restored is overwritten on the next run', async () => {
  const root = await makeRoot(['a-reuters.txt', 'b-ap.txt', 'c-bbc.txt']);
  expect((await build(root)).ok).toBe(true);
  const file = path.join(root, 'sources', 'a-reuters.md');
  // A whole-second time, so that putting it back is exact (utimes loses sub-millisecond digits).
  await utimes(file, 1_700_000_000, 1_700_000_000);
  expect((await build(root)).write?.written).toEqual([]);
  const original = await readFile(file, 'utf8');
  const before = await stat(file);
  const edited = original.replace('35 countries', '95 countries');
  expect(edited).not.toBe(original);
  expect(edited.length).toBe(original.length);
  await writeFile(file, edited);
  await utimes(file, 1_700_000_000, 1_700_000_000);
  const after = await stat(file);
  expect([after.ino, after.size, after.mtimeMs]).toEqual([before.ino, before.size, before.mtimeMs]);

  const again = await build(root);
  expect(again.write?.written).toEqual(['sources/a-reuters.md']);
  expect(await readFile(file, 'utf8')).toBe(original);
});

it('the same holds for a claim file the generator rewrites', async () => {
  const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
  const claim = (await build(root)).claims.find((c) => c.text.includes('35 countries'));
  expect(claim).toBeDefined();
  const file = path.join(root, 'claims', `${claim?.id ?? ''}.md`);
  await utimes(file, 1_700_000_000, 1_700_000_000);
  await build(root);
  const original = await readFile(file, 'utf8');
  const edited = original.replace(/^text: (.*)35 countries/m, 'text: $195 countries');
  expect(edited).not.toBe(original);
  expect(edited.length).toBe(original.length);
  await writeFile(file, edited);
  await utimes(file, 1_700_000_000, 1_700_000_000);
  await build(root);
  expect(await readFile(file, 'utf8')).toBe(original);
});
