/**
 * One writer at a time, across processes: a lock folder made with `mkdir` (atomic everywhere) that
 * holds its owner's pid. Builds share one (Astro stages chunks in the project's `.astro/`), and each
 * content root has one for the pipeline, so two runs never delete each other's files.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** How long a lock without a readable pid may stay before it counts as left by a crash. */
const UNOWNED_MS = 10_000;
const POLL_MS = 100;

/**
 * Runs `task` holding the lock folder `lock`; waits while another live process (or another task
 * of this one) holds it, and takes over a lock whose owner is gone. The folder's parent must exist.
 */
export async function withLock<T>(lock: string, task: () => Promise<T>): Promise<T> {
  await acquire(lock);
  try {
    return await task();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Why a lock folder cannot be made where nobody (not this user) can write either: no writer to wait for. */
const UNWRITABLE = new Set(['ENOENT', 'EACCES', 'EPERM', 'EROFS']);

/**
 * As withLock, but where the lock cannot be made because its folder is missing or read-only, runs
 * `task` unlocked: there is nothing another run could write either, and the task reports the
 * folder itself, with the file it could not write.
 */
export async function withLockWhereWritable<T>(lock: string, task: () => Promise<T>): Promise<T> {
  try {
    await acquire(lock);
  } catch (error) {
    if (UNWRITABLE.has((error as NodeJS.ErrnoException).code ?? '')) return task();
    throw error;
  }
  try {
    return await task();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      await mkdir(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await abandoned(lock)) await rm(lock, { recursive: true, force: true });
      else await new Promise((done) => setTimeout(done, POLL_MS));
      continue;
    }
    await writeFile(join(lock, 'pid'), String(process.pid));
    return;
  }
}

/** A lock whose owner process is gone, or that has had no owner for a while (killed between mkdir and writing the pid). */
async function abandoned(lock: string): Promise<boolean> {
  const owner = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
  if (owner > 0) return !alive(owner);
  const made = await stat(lock).then((s) => s.mtimeMs, () => Date.now());
  return Date.now() - made > UNOWNED_MS;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
