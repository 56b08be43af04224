/**
 * The only stage that writes: renders claims and sources as Markdown with frontmatter (validated by
 * the schemas the site uses), then commits them atomically, rewriting only files whose bytes
 * change. Maintainer-owned fields and notes are copied through untouched.
 */
import { lstat, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { directiveToMarkdown } from 'mdast-util-directive';
import { claimSchema, sourceSchema, STATUSES, storedAppearance, type Claim, type ClaimEdits, type Status } from '../../src/schema.ts';
import { countLines, frontmatterYaml, leadingComments, stringifyFrontmatter } from '../frontmatter.ts';
import { cachePath, hash, type PipelineCache } from './cache.ts';
import { isPlainYamlData } from './yaml.ts';
import type { SegmentedArticle } from './types.ts';

/** Marks the maintainer's part of a claim file for whoever opens it. */
export const CLAIM_HEADER_LINES: readonly string[] = [
  '# Yours to edit: verdict, pillar, hidden, mergeInto and the note below the frontmatter.',
  '# Everything else is rewritten by `npm run content` from the articles.',
];
const CLAIM_HEADER = CLAIM_HEADER_LINES.map((line) => `${line}\n`).join('');

/** A claim as it will be written: the generator's facts plus the maintainer's edits and note. */
export interface ClaimOut extends Claim {
  id: string;
  note: string;
}

/** Renders one claim file; throws if the data would not pass the site's schema. */
export function renderClaim(claim: ClaimOut): string {
  return renderKeptClaim(claim);
}

/** Renders one claim file and keeps in the cache how the next run will read it back, so it need not parse it again. */
export function renderKeptClaim(claim: ClaimOut, cache?: PipelineCache): string {
  const { id, note, ...data } = claim;
  const edits: ClaimEdits = { verdict: data.verdict, pillar: data.pillar, hidden: data.hidden, mergeInto: data.mergeInto };
  const ordered = { ...edits, ...data, appearances: data.appearances.map(storedAppearance), lastSeen: data.lastSeen.map(storedAppearance) };
  const file = `claims/${id}.md`;
  const json = cache ? JSON.stringify(ordered) : '';
  const source = cache ? hash(`${json}\u0000${note}`) : '';
  // The same data and note as the file on disk was written from: it passed the schema then, and is the rendering.
  const written = cache?.writtenClaim(file, source);
  if (written !== undefined && isPlainYamlData(ordered)) return written;
  const parsed = claimSchema.safeParse(ordered);
  if (!parsed.success) throw new Error(`Internal error: claims/${id}.md would be invalid: ${parsed.error.message}`);
  const { yaml, plain } = frontmatterYaml(ordered);
  // The note is the maintainer's: written back byte for byte, never trimmed or reflowed.
  const text = `---\n${CLAIM_HEADER}${yaml}---\n${note}`;
  if (cache && plain) {
    // As parseFrontmatter reads it: the frontmatter runs to the first line starting `---` (no line of
    // the YAML starts so), its only comments are the header's, and the body has Unix newlines.
    const raw = text.slice(3, text.indexOf('\n---', 3));
    cache.keepClaim(file, {
      hash: hash(text),
      json: Buffer.from(json),
      source,
      content: note.replace(/\r\n?/g, '\n'),
      bodyLine: countLines(raw) + 1,
      comments: leadingComments(`\n${CLAIM_HEADER}`),
    });
  }
  return text;
}

/** Claims by the source and sentence that state them. */
export type ClaimIndex = Map<string, Map<number, ClaimOut[]>>;

/** Indexes the visible claims by source and sentence once, so rendering every source stays linear. */
export function indexClaims(claims: readonly ClaimOut[]): ClaimIndex {
  const index: ClaimIndex = new Map();
  for (const claim of claims) {
    if (claim.hidden) continue;
    for (const a of claim.appearances) {
      const bySentence = index.get(a.source) ?? new Map<number, ClaimOut[]>();
      const list = bySentence.get(a.index) ?? [];
      if (!list.includes(claim)) list.push(claim);
      bySentence.set(a.index, list);
      index.set(a.source, bySentence);
    }
  }
  return index;
}

/** Renders one source file: metadata, and the cleaned text with every claim sentence annotated. */
export function renderSource(article: SegmentedArticle, claims: readonly ClaimOut[] | ClaimIndex): string {
  const index = claims instanceof Map ? claims : indexClaims(claims);
  const bySentence = index.get(article.id) ?? new Map<number, ClaimOut[]>();
  const data = {
    title: article.title,
    headline: article.hasHeadline,
    outlet: article.meta.outlet,
    author: article.meta.author,
    url: article.meta.url,
    published: article.meta.published,
    file: article.file,
    sentences: article.sentences.length,
    claims: [...new Set([...bySentence.values()].flat().map((c) => c.mergeInto ?? c.id))].sort(),
    removed: article.removed,
  };
  const parsed = sourceSchema.safeParse(data);
  if (!parsed.success) throw new Error(`Internal error: sources/${article.id}.md would be invalid: ${parsed.error.message}`);
  return stringifyFrontmatter(data, annotate(article, bySentence));
}

/** Renders one source file, or reuses its last rendering when neither the article nor its claims changed. */
export function renderKeptSource(article: SegmentedArticle, index: ClaimIndex, cache: PipelineCache): string {
  const bySentence = index.get(article.id);
  // Everything a source file says about claims: which claims (or their merge targets) each sentence states, and their status.
  const annotations = bySentence ? [...bySentence].map(([i, list]) => `${i}:${list.map((c) => `${c.mergeInto ?? c.id} ${c.status}`).join(',')}`).join(';') : '';
  return cache.source(`sources/${article.id}.md`, article, annotations, () => renderSource(article, index));
}

/** The cleaned text as Markdown: headings, paragraphs, and `:claim[…]{#sN claims status}` directives. */
function annotate(article: SegmentedArticle, bySentence: ReadonlyMap<number, readonly ClaimOut[]>): string {
  const children: RootContent[] = [];
  for (const block of article.blocks) {
    const inside = article.sentences.filter((s) => s.start >= block.start && s.end <= block.end);
    const phrasing: PhrasingContent[] = [];
    let cursor = block.start;
    for (const s of inside) {
      const claims = bySentence.get(s.index);
      if (!claims || block.kind === 'heading') continue;
      if (s.start > cursor) phrasing.push({ type: 'text', value: article.text.slice(cursor, s.start) });
      phrasing.push({
        type: 'textDirective',
        name: 'claim',
        attributes: { id: `s${s.index}`, claims: [...new Set(claims.map((c) => c.mergeInto ?? c.id))].join(' '), status: notable(claims.map((c) => c.status)) },
        children: [{ type: 'text', value: s.text }],
      });
      cursor = s.end;
    }
    if (block.end > cursor) phrasing.push({ type: 'text', value: article.text.slice(cursor, block.end) });
    if (block.kind === 'heading') children.push({ type: 'heading', depth: 2, children: phrasing });
    else children.push({ type: 'paragraph', children: phrasing } satisfies Paragraph);
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { extensions: [directiveToMarkdown()], bullet: '-', emphasis: '_', rule: '-' });
}

/** Disputed outranks corroborated outranks single-source. */
function notable(statuses: readonly Status[]): Status {
  const rank: Record<Status, number> = { disputed: 0, corroborated: 1, 'single-source': 2 };
  return [...statuses].sort((a, b) => rank[a] - rank[b])[0] ?? STATUSES[2];
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
export async function commit(root: string, files: ReadonlyMap<string, string>, prune: readonly string[], cache?: PipelineCache): Promise<WriteReport> {
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
    // A file this pipeline wrote, untouched since (same inode, size and time) and with the same text, need not be read.
    if (cache?.wroteSame(rel, { ino: kind.ino, size: kind.size, mtimeMs: kind.mtimeMs }, content)) return true;
    return (await readFile(target, 'utf8')) === content;
  });
  const changed = sorted.filter((_, i) => !same[i]).map(([rel, content]): [string, string] => [path.join(root, rel), content]);
  const unchanged = sorted.length - changed.length;
  const temps = changed.map(([target]) => `${target}.${process.pid}.tmp`);
  const renamed = temps.map(() => false);
  try {
    for (const dir of new Set(changed.map(([target]) => path.dirname(target)))) await mkdir(dir, { recursive: true });
    await inOrder(changed, ([, content], i) => writeFile(temps[i] ?? '', content, 'utf8'));
    await inOrder(changed, async ([target], i) => {
      await rename(temps[i] ?? '', target);
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
        await rm(path.join(root, rel));
        deleted.push(rel);
      }
    }
  }
  if (cache) {
    const written = new Set(changed.map(([target]) => target));
    await inOrder(sorted, async ([rel, content]) => {
      const target = path.join(root, rel);
      // Unchanged files keep their record; a file not recorded yet is stat-ed, as is every file just written.
      if (!written.has(target) && cache.knowsFile(rel)) return;
      const info = await lstat(target);
      cache.wrote(rel, { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs }, content);
    });
    await keepCache(root, cache, new Set([...files.keys()].filter((rel) => rel.startsWith('claims/'))));
  }
  return { written: changed.map(([target]) => path.relative(root, target)), unchanged, deleted };
}

/** Saves what this run keeps for the next (see cache.ts); a cache that cannot be saved is only a slower next run. */
async function keepCache(root: string, cache: PipelineCache, claims: ReadonlySet<string>): Promise<void> {
  cache.onlyClaims(claims);
  const file = cachePath(root);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, cache.serialize());
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
