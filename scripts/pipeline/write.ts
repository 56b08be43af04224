/**
 * The only stage that writes: commits the rendered claim and source files (render.ts) atomically,
 * rewriting only files whose bytes change, then keeps this run's cache for the next one.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RULES, problem, writeFailedMessage } from '../errors.ts';
import { hash, type PipelineCache } from './cache.ts';
import { cacheFile } from './cache-folder.ts';
import type { FileText, Problem } from './types.ts';

/** The operating system refused a write (read-only root, full disk, …): `problem` says which file and what to do. */
export class WriteFailure extends Error {
  override name = 'WriteFailure';
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.message);
    this.problem = problem;
  }
}

/** Turns an OS error on the file `rel` into a WriteFailure; anything else is rethrown as it is. */
function refused(rel: string, changed: boolean): (error: unknown) => never {
  return (error) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code !== 'string') throw error;
    throw new WriteFailure(problem(rel, RULES.writeFailed, writeFailedMessage(rel, code, changed)));
  };
}

/** The text of a file, rendering it (once) when it was deferred. */
function textOf(file: FileText): string {
  if (typeof file === 'string') return file;
  const rendered = file.render();
  file.render = () => rendered;
  return rendered;
}

/** What a run changed on disk. */
export interface WriteReport {
  written: string[];
  unchanged: number;
  deleted: string[];
}

/** Temporary files of a commit: `<target>.<pid>.tmp`, next to their target. */
const TEMP = /\.md\.\d+\.tmp$/;

/**
 * Writes files (paths relative to the root) atomically: every changed file goes to a temporary name
 * first and is renamed over its target only once all are written, so an interrupted run leaves
 * each file either as it was or complete, and no temporary files. Unchanged files are not touched.
 * `prune` lists folders whose files not in `files` are stale and removed.
 */
export async function commit(root: string, files: ReadonlyMap<string, FileText>, prune: readonly string[], cache?: PipelineCache): Promise<WriteReport> {
  const folders = [...new Set([...files.keys()].map((rel) => path.dirname(rel)))].sort();
  // Leftovers of a run that was killed between writing and renaming.
  for (const folder of folders) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => TEMP.test(n))) await rm(path.join(root, folder, name), { force: true });
  }
  // Independent files are compared, written and renamed concurrently; a failure still reports the first file in order.
  const sorted = [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const same = await inOrder(sorted, async ([rel, content]) => {
    const target = path.join(root, rel);
    const kind = await lstat(target).catch(() => null);
    if (kind && !kind.isFile()) throw new Error(`Cannot write ${rel}: a ${kind.isDirectory() ? 'folder' : 'non-file'} is in the way. Move it away and run again; nothing was written.`);
    if (!kind) return false;
    // Always read: only the text tells a hand edit apart (inode, size and time can all be put back).
    const text = await readFile(target, 'utf8');
    if (typeof content === 'string') return text === content;
    // A deferred source need not be rendered when its text is what the last run wrote from the same input.
    return cache?.untouched(rel, hash(text)) === true || text === textOf(content);
  });
  const changed = sorted.filter((_, i) => !same[i]).map(([rel, content]): [string, string] => [path.join(root, rel), textOf(content)]);
  const unchanged = sorted.length - changed.length;
  const temps = changed.map(([target]) => `${target}.${process.pid}.tmp`);
  const renamed = temps.map(() => false);
  const relOf = (target: string): string => path.relative(root, target).split(path.sep).join('/');
  try {
    for (const dir of new Set(changed.map(([target]) => path.dirname(target)))) await mkdir(dir, { recursive: true }).catch(refused(`${relOf(dir)}/`, false));
    // Created exclusively: whatever is at a temp name after the sweep above is not ours to write through.
    await inOrder(changed, ([target, content], i) => writeFile(temps[i] ?? '', content, { encoding: 'utf8', flag: 'wx' }).catch(refused(relOf(target), false)));
    await inOrder(changed, async ([target], i) => {
      // Renames run side by side: once one fails, others may have finished.
      await rename(temps[i] ?? '', target).catch(refused(relOf(target), true));
      renamed[i] = true;
    });
  } catch (error) {
    await Promise.all(temps.filter((_, i) => !renamed[i]).map((temp) => rm(temp, { force: true })));
    throw error;
  }
  const deleted: string[] = [];
  for (const folder of prune) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const rel = `${folder}/${name}`;
      if (name.endsWith('.md') && !files.has(rel)) {
        await rm(path.join(root, rel)).catch(refused(rel, true));
        deleted.push(rel);
      }
    }
  }
  if (cache) {
    const written = new Set(changed.map(([target]) => target));
    for (const [rel, content] of sorted) {
      // Unchanged files keep their record; every other file is recorded by the hash of its text.
      if (!written.has(path.join(root, rel)) && cache.knowsFile(rel)) continue;
      cache.wrote(rel, textOf(content));
    }
    await keepCache(root, cache, new Set([...files.keys()].filter((rel) => rel.startsWith('claims/'))));
  }
  return { written: changed.map(([target]) => path.relative(root, target)), unchanged, deleted };
}

/**
 * Saves what this run keeps for the next (see cache.ts); a cache that cannot be saved is only a
 * slower next run. The temporary file has an unguessable name and is created exclusively, so a
 * symlink planted in the folder is never written through; the rename replaces a link, not its target.
 */
async function keepCache(root: string, cache: PipelineCache, claims: ReadonlySet<string>): Promise<void> {
  cache.onlyClaims(claims);
  const file = await cacheFile(root);
  if (file === null) return;
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeFile(temp, cache.serialize(), { flag: 'wx', mode: 0o600 });
    await rename(temp, file);
    await pruneCaches(path.dirname(file), file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Most bytes the caches of all content roots may take together; the least recently written go first. */
const CACHE_BUDGET = 512 * 1024 * 1024;
/** Caches older than this are removed: their content roots are most likely gone (temp dirs of tests, benchmarks). */
const CACHE_MAX_AGE = 7 * 24 * 3600 * 1000;

/** Removes other roots' caches that are too old, or beyond the budget. */
async function pruneCaches(dir: string, keep: string): Promise<void> {
  const files = await Promise.all(
    (await readdir(dir)).map(async (name) => {
      const file = path.join(dir, name);
      const info = await lstat(file).catch(() => null);
      return { file, size: info?.size ?? 0, mtime: info?.mtimeMs ?? 0 };
    }),
  );
  let total = 0;
  for (const f of files.sort((a, b) => b.mtime - a.mtime)) {
    total += f.size;
    if (f.file !== keep && (total > CACHE_BUDGET || Date.now() - f.mtime > CACHE_MAX_AGE)) await rm(f.file, { force: true }).catch(() => undefined);
  }
}

/** Runs `task` on every item, a bounded number at a time; results in order, and the first failure in order is thrown. */
async function inOrder<T, R>(items: readonly T[], task: (item: T, index: number) => Promise<R>, limit = 32): Promise<R[]> {
  const results: Array<{ ok: true; value: R } | { ok: false; error: unknown }> = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        results[i] = { ok: true, value: await task(items[i] as T, i) };
      } catch (error) {
        results[i] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.value;
  });
}
