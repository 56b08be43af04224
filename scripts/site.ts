/**
 * Builds the microsite for one content root: Astro's programmatic build, then a Pagefind index of
 * the output. The CLI's `build` command calls this.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import * as pagefind from 'pagefind';
import { normaliseBase } from '../src/lib/base.ts';
import { withLock } from './lock.ts';

export interface BuildSiteOptions {
  /** Content root holding site.md, pillars/, claims/ and sources/. */
  contentDir: string;
  /** Where the static site is written. */
  outDir: string;
  /** Origin for canonical URLs, feed and sitemap. Default `$SITE_URL`, else `http://localhost:4321`. */
  site?: string;
  /** Path the site is served under, e.g. `/repo/`. Default `$BASE_PATH`, else `/`. */
  base?: string;
}

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
let queue: Promise<unknown> = Promise.resolve();

/**
 * Builds and indexes the site; returns how many HTML pages were written. Builds run one at a time,
 * across processes too: Astro stages prerendered chunks in the project's own `.astro/` folder,
 * whatever the cache dir, so two builds at once (parallel test files, a bench beside a build)
 * would delete each other's chunks.
 */
export function buildSite(options: BuildSiteOptions): Promise<{ pages: number }> {
  const run = queue.then(() => withBuildLock(() => buildOnce(options)));
  queue = run.catch(() => undefined);
  return run;
}

const LOCK = join(PROJECT_ROOT, '.astro', 'build.lock');

/** Runs `task` holding the build lock (see lock.ts). */
async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  await mkdir(dirname(LOCK), { recursive: true });
  return withLock(LOCK, task);
}

async function buildOnce(options: BuildSiteOptions): Promise<{ pages: number }> {
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  const base = normaliseBase(options.base || process.env['BASE_PATH'] || '/');
  const site = options.site || process.env['SITE_URL'] || 'http://localhost:4321';
  // astro.config.mjs and src/content.config.ts read these; a fresh cache dir keeps content from
  // another root (or an earlier edit) out of this build.
  const env = { TRIANGULATE_CONTENT: contentDir, TRIANGULATE_OUT: outDir, SITE_URL: site, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const cacheDir = await mkdtemp(join(tmpdir(), 'triangulate-astro-'));
  try {
    await build({
      root: PROJECT_ROOT,
      outDir,
      site,
      base,
      cacheDir,
      logLevel: 'warn',
      vite: { cacheDir: join(cacheDir, 'vite'), logLevel: 'warn' },
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await rm(cacheDir, { recursive: true, force: true });
  }
  await indexSite(outDir);
  return { pages: (await htmlFiles(outDir)).length };
}

/** Writes `<outDir>/pagefind/` from the pages marked `data-pagefind-body`. */
async function indexSite(outDir: string): Promise<void> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** Every `.html` file under `dir`, relative paths. */
export async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((p) => !p.startsWith('pagefind/'))
    .sort();
}
