/** A rename failing midway (a crash between two renames): no temporary files, no half file. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { commit } from '../../scripts/pipeline/write.ts';
import { cleanRoots, makeRoot } from './helpers.ts';

const state = vi.hoisted(() => ({ renames: 0, failAt: Infinity }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    rename: async (from: string, to: string) => {
      if (++state.renames === state.failAt) throw Object.assign(new Error('EIO: simulated crash'), { code: 'EIO' });
      return fs.rename(from, to);
    },
  };
});
afterAll(cleanRoots);

it('leaves each file old or new in full, and no temporary file', async () => {
  const root = await makeRoot([]);
  const names = ['claims/a.md', 'claims/b.md', 'claims/c.md'];
  await commit(root, new Map(names.map((n) => [n, `old ${n}\n`])), []);
  state.renames = 0;
  state.failAt = 2;
  // The OS error becomes a write-failed problem naming the file (see io-errors.test.ts).
  await expect(commit(root, new Map(names.map((n) => [n, `new ${n}\n`.repeat(1000)])), [])).rejects.toThrow(
    'Cannot write claims/b.md: the system refused it (EIO). Check the folder and the disk, and run again; every file is either as it was or complete.',
  );
  for (const n of names) expect([`old ${n}\n`, `new ${n}\n`.repeat(1000)]).toContain(await readFile(path.join(root, n), 'utf8'));
  expect((await readdir(path.join(root, 'claims'))).sort()).toEqual(['a.md', 'b.md', 'c.md']);
});
