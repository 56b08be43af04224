/**
 * The only stage that reads the disk: the content root's curated files (site, pillars, claims) and
 * its articles, each decoded and parsed, with the problems found on the way.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.ts';
import { parseFrontmatter, type Parsed } from '../frontmatter.ts';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, readArticle } from './articles.ts';
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
  const [pillars, claims, articles] = await Promise.all([
    readCurated(absolute, 'pillars'),
    readCurated(absolute, 'claims'),
    readArticles(absolute),
  ]);
  return { root: absolute, site: curated('site', 'site.md', siteText), pillars, claims, articles };
}

/** Lists the files of a folder under the root, sorted, or none when it is absent. */
async function list(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function readCurated(root: string, folder: string): Promise<CuratedFile[]> {
  const names = (await list(root, folder)).filter((name) => name.endsWith('.md'));
  return Promise.all(
    names.map(async (name) => curated(name.slice(0, -3), `${folder}/${name}`, await readFile(path.join(root, folder, name), 'utf8'))),
  );
}

function curated(id: string, file: string, raw: string): CuratedFile {
  // Assigned, not spread: a spread would compute the positions and comments it only computes when asked.
  return Object.assign(parseFrontmatter(raw, file), { id, file, raw });
}

async function readArticles(root: string): Promise<RawArticle[]> {
  const names = (await list(root, 'articles')).filter((name) =>
    ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext)),
  );
  return Promise.all(
    names.map(async (name) => {
      const id = sourceId(name);
      const file = path.join(root, 'articles', name);
      // A huge file is refused on its size alone, without reading it into memory.
      const { size } = await stat(file);
      return readArticle(id, `articles/${name}`, size > MAX_ARTICLE_BYTES ? new Uint8Array(0) : await readFile(file), size);
    }),
  );
}

/** The source id of an article file: its stem, made URL-safe. */
export function sourceId(name: string): string {
  const stem = name.replace(/\.[^.]+$/, '');
  return (
    stem
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'article'
  );
}
