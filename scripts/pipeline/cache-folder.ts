/**
 * Where the pipeline cache may live: a folder only this user can write. The cache decides what the
 * site publishes, so a folder another local user could write (a shared `/tmp/…` made first by
 * someone else, a symlink, group- or world-writable) is never used; the run is then only slower.
 */
import { lstat, mkdir } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { cacheFolders, cacheName } from './cache.ts';

/** Owner only: read, write, list. */
const PRIVATE = 0o700;

/** The first cache folder that is ours alone, created 0700 when missing, or null when there is none. */
export async function cacheFolder(): Promise<string | null> {
  const uid = process.getuid?.();
  const fallback = path.join(tmpdir(), `triangulate-cache-${uid ?? 'user'}`);
  for (const folder of [...cacheFolders(process.env, homedir()), fallback]) {
    try {
      await mkdir(folder, { recursive: true, mode: PRIVATE });
      const info = await lstat(folder);
      if (!info.isDirectory()) continue;
      // On Windows there are no uids or mode bits to check; the folder is in the user's profile.
      if (uid !== undefined && (info.uid !== uid || (info.mode & 0o077) !== 0)) continue;
      return folder;
    } catch {
      // Cannot be created (read-only home, …): try the next.
    }
  }
  return null;
}

/** The cache file of a content root in a folder that is ours, or null when none is. */
export async function cacheFile(root: string): Promise<string | null> {
  const folder = await cacheFolder();
  return folder === null ? null : path.join(folder, cacheName(root));
}
