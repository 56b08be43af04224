/**
 * The only stage that reads the disk: the content root's curated files (site, pillars, claims) and
 * its articles, each decoded and parsed, with the problems found on the way.
 */
import { constants } from 'node:fs';
import { lstat, open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { parseFrontmatter, withPlaces, writtenFrontmatter, type Parsed } from '../frontmatter.ts';
import { RULES } from '../errors.ts';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, readArticle, skippedArticle } from './articles.ts';
import { foldAccents } from './text.ts';
import { PipelineCache, hash } from './cache.ts';
import { cacheFile } from './cache-folder.ts';
import type { RawArticle } from './types.ts';

/** A curated Markdown file (site.md, a pillar, a claim) as parsed, before validation. */
export interface CuratedFile extends Parsed {
  id: string;
  /** Path relative to the content root. */
  file: string;
  /** The file's text as it is on disk, so a rewrite can tell whether anything changed. */
  raw: string;
}

/** Everything the pipeline reads from a content root. */
export interface ContentInput {
  root: string;
  site: CuratedFile;
  pillars: CuratedFile[];
  claims: CuratedFile[];
  articles: RawArticle[];
  /** What the last run kept (see cache.ts), and what this run will keep. */
  cache: PipelineCache;
}

/** Reads a content root; throws a UserError when it is not one. */
export async function ingest(root: string): Promise<ContentInput> {
  const absolute = path.resolve(root);
  const sitePath = path.join(absolute, 'site.md');
  const siteText = await readFile(sitePath, 'utf8').catch(() => {
    throw new UserError(
      `${path.relative(process.cwd(), sitePath) || sitePath}: not found. A content root needs site.md (title, description) ` +
        'and pillars/, articles/ folders; pass the right folder with --content DIR.',
    );
  });
  const [bytes, version] = await Promise.all([readCache(absolute), pipelineVersion()]);
  const cache = new PipelineCache(bytes, version);
  const [pillars, claims, articles] = await Promise.all([
    readCurated(absolute, 'pillars'),
    readCurated(absolute, 'claims', cache),
    readArticles(absolute, cache),
  ]);
  return { root: absolute, site: curated('site', 'site.md', siteText), pillars, claims, articles, cache };
}

/** The bytes of a content root's cache file (never through a symlink), or null. PipelineCache checks them. */
async function readCache(root: string): Promise<Uint8Array | null> {
  const file = await cacheFile(root);
  if (file === null) return null;
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => null);
  if (handle === null) return null;
  try {
    return (await handle.stat()).isFile() ? await handle.readFile() : null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** Lists the files of a folder under the root (and, when asked, its symlinks), sorted, or none when it is absent. */
async function list(root: string, folder: string, links = false): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => (e.isFile() || (links && e.isSymbolicLink())) && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/**
 * Whether a symlink in articles/ leads to a file inside the content root. One that leads outside
 * (`/etc/passwd` saved as `x.html`) would publish that file, so it is refused.
 */
async function linkInside(root: string, file: string): Promise<boolean> {
  const [real, realRoot] = await Promise.all([realpath(file).catch(() => null), realpath(root)]);
  if (real === null) return false;
  const rel = path.relative(realRoot, real);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && (await stat(real)).isFile();
}

async function readCurated(root: string, folder: string, cache?: PipelineCache): Promise<CuratedFile[]> {
  const names = (await list(root, folder)).filter((name) => name.endsWith('.md'));
  return Promise.all(
    names.map(async (name) => {
      const file = `${folder}/${name}`;
      const raw = await readFile(path.join(root, folder, name), 'utf8');
      // A claim file exactly as the last run wrote it is not parsed again.
      const kept = cache?.claim(file, raw);
      if (!kept) return curated(name.slice(0, -3), file, raw);
      const parsed = { data: JSON.parse(Buffer.from(kept.json).toString('utf8')) as Record<string, unknown>, content: kept.content, bodyLine: kept.bodyLine, problems: [] };
      return Object.assign(withPlaces(parsed, writtenFrontmatter(raw), 0, kept.comments), { id: name.slice(0, -3), file, raw });
    }),
  );
}

function curated(id: string, file: string, raw: string): CuratedFile {
  // Assigned, not spread: a spread would compute the positions and comments it only computes when asked.
  return Object.assign(parseFrontmatter(raw, file, { curated: true }), { id, file, raw });
}

/**
 * Longest source id, in UTF-8 bytes. File systems allow 255 bytes a name, and the id also names
 * sources/<id>.md, its temporary files while it is written and the site's /sources/<id>/ folder.
 * A longer name is refused, not shortened, so that a source id always says which file it is.
 */
const MAX_ID_BYTES = 150;

async function readArticles(root: string, cache: PipelineCache): Promise<RawArticle[]> {
  const names = (await list(root, 'articles', true)).filter((name) =>
    ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)),
  );
  return Promise.all(
    names.map(async (name) => {
      const id = sourceId(name);
      const idBytes = Buffer.byteLength(id);
      if (idBytes > MAX_ID_BYTES) {
        return skippedArticle(id, `articles/${name}`, RULES.articleNameTooLong, `Unexpected file name of ${[...name].length} characters: the source id made from it (${idBytes} bytes) is over the ${MAX_ID_BYTES}-byte limit, and the files and pages named after it would be refused by some systems. Rename the file to something shorter. Skipped.`);
      }
      const file = path.join(root, 'articles', name);
      if ((await lstat(file)).isSymbolicLink() && !(await linkInside(root, file))) {
        return skippedArticle(id, `articles/${name}`, RULES.articleOutsideRoot, 'File is a symbolic link to a file outside the content root; copy the article into articles/ instead. Skipped.');
      }
      // A huge file is refused on its size alone, without reading it into memory.
      const { size } = await stat(file);
      if (size > MAX_ARTICLE_BYTES) return readArticle(id, `articles/${name}`, new Uint8Array(0), size);
      const bytes = await readFile(file);
      const key = hash(bytes);
      const kept = cache.article(`articles/${name}`, key);
      if (kept) return kept;
      const article = readArticle(id, `articles/${name}`, bytes, size);
      cache.keep(`articles/${name}`, key, article);
      return article;
    }),
  );
}

/**
 * The source id of an article file: its stem in lower case, letters and digits of any script kept
 * (accents of Latin and Greek letters dropped, see foldAccents), anything else a hyphen. It names
 * sources/<id>.md and the page /sources/<id>/, so `Україна.txt` is `україна`.
 */
export function sourceId(name: string): string {
  const stem = name.replace(/\.[^.]+$/, '');
  return (
    foldAccents(stem)
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  );
}

let version: Promise<string> | undefined;

/**
 * Identifies this pipeline for the cache: its sources, the schema, the lockfile and the Node
 * version. Any change to them makes every cached result stale.
 */
function pipelineVersion(): Promise<string> {
  version ??= (async () => {
    const here = import.meta.dirname;
    const project = path.resolve(here, '../..');
    // Every module of the pipeline, in its stage folders too: a change anywhere invalidates the cache.
    const stages = (await readdir(here, { recursive: true })).filter((n) => n.endsWith('.ts')).sort().map((n) => path.join(here, n));
    const others = ['scripts/frontmatter.ts', 'scripts/errors.ts', 'src/schema.ts', 'package-lock.json'].map((f) => path.join(project, f));
    const texts = await Promise.all([...stages, ...others].map((f) => readFile(f, 'utf8').catch(() => '')));
    return hash(`${process.version}\u0000${texts.join('\u0000')}`);
  })();
  return version;
}