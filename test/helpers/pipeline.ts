/**
 * Test helpers for the pipeline: run the pure stages on in-memory articles, copy a content root to
 * a temporary folder and run the whole pipeline there, read back what it wrote, and find claims by
 * the sentences each source states them in.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFrontmatter } from '../../scripts/frontmatter.ts';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent } from 'mdast';
import { readArticle } from '../../scripts/pipeline/articles.ts';
import { clean } from '../../scripts/pipeline/clean.ts';
import { segment } from '../../scripts/pipeline/segment.ts';
import { extract, learnPeople } from '../../scripts/pipeline/extract.ts';
import { match } from '../../scripts/pipeline/match/index.ts';
import { compare } from '../../scripts/pipeline/compare.ts';
import type { Cluster, DraftClaim, Mention, SegmentedArticle } from '../../scripts/pipeline/types.ts';
import type { ClaimOut } from '../../scripts/pipeline/render.ts';
import { expect } from 'vitest';

/** Set UPDATE_FIXTURES=1 to rewrite `expected.*` files from the current output (review the diff). */
export const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

/** Reads, cleans and segments one article from its file name and text, as ingest would. */
export function article(file: string, text: string | Uint8Array): SegmentedArticle {
  const id = file.replace(/\.[^.]+$/, '');
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return segment(clean(readArticle(id, `articles/${file}`, bytes)));
}

/** The pure middle of the pipeline on in-memory articles: extract → match → compare. */
export interface Analysis {
  articles: SegmentedArticle[];
  mentions: Mention[];
  clusters: Cluster[];
  drafts: DraftClaim[];
}

export function analyse(files: Record<string, string>): Analysis {
  const articles = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([file, text]) => article(file, text));
  const people = learnPeople(articles);
  const mentions = articles.flatMap((a) => extract(a, people));
  const clusters = match(mentions);
  const drafts = compare(clusters, new Map(articles.map((a) => [a.id, a])));
  return { articles, mentions, clusters, drafts };
}

/** Every file of a folder (recursively), name → text. */
export async function readFolder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const next = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(next);
      else out[next] = await readFile(path.join(dir, next), 'utf8');
    }
  };
  await walk('');
  return out;
}

/** Copies a content root's inputs (site.md, pillars/, articles/) into a fresh temporary folder. */
export async function tempContent(from: string, prefix = 'triangulate-'): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(path.join(from, 'site.md'), path.join(dir, 'site.md'));
  for (const folder of ['pillars', 'articles']) {
    await mkdir(path.join(dir, folder), { recursive: true });
    await cp(path.join(from, folder), path.join(dir, folder), { recursive: true });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A claim file as written: frontmatter data and id. */
export interface WrittenClaim extends ClaimOut {
  file: string;
}

/** Reads claims/*.md back from a content root. */
export async function readClaims(root: string): Promise<WrittenClaim[]> {
  const files = await readFolder(path.join(root, 'claims'));
  return Object.entries(files).map(([name, text]) => {
    const { data, content } = parseFrontmatter(text, `claims/${name}`);
    return { ...(data as unknown as ClaimOut), id: name.replace(/\.md$/, ''), note: content.trim(), file: name };
  });
}

/** Reads sources/*.md back: frontmatter and the Markdown body. */
export async function readSources(root: string): Promise<Array<{ id: string; data: Record<string, unknown>; body: string }>> {
  const files = await readFolder(path.join(root, 'sources'));
  return Object.entries(files).map(([name, text]) => {
    const { data, content } = parseFrontmatter(text, `sources/${name}`);
    return { id: name.replace(/\.md$/, ''), data, body: content };
  });
}

/** Splits a written file into frontmatter data and body, with the project's YAML settings (dates stay strings). */
export function splitFile(text: string): { data: Record<string, unknown>; body: string } {
  const { data, content } = parseFrontmatter(text, 'written.md');
  return { data, body: content };
}

/** Parses a source body as the site does (remark + remark-directive). */
export function parseSource(markdown: string): Root {
  return unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
}

/** The plain text of a parsed source body: its blocks' text joined by blank lines, as clean joins them. */
export function plainText(markdown: string): string {
  return parseSource(markdown)
    .children.map((node: RootContent) => toString(node))
    .join('\n\n');
}

/** A claim (or draft) in the shape the finders need. */
export type AnyClaim = Pick<DraftClaim, 'id' | 'text' | 'status' | 'sources' | 'appearances' | 'conflicts' | 'variants' | 'speaker' | 'kind' | 'autoPillar'>;

/** Sources are named by a prefix of their id ("001" for "001_994e…"). */
const sourceIs = (id: string, prefix: string): boolean => id === prefix || id.startsWith(prefix);
const squash = (s: string): string => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”«»]/g, '"').replace(/\s+/g, ' ');

/** Claims with an appearance in `source` whose sentence contains `phrase` (case-insensitive). */
export function claimsAt<C extends AnyClaim>(claims: readonly C[], source: string, phrase: string): C[] {
  return claims.filter((c) => c.appearances.some((a) => sourceIs(a.source, source) && squash(a.sentence).includes(squash(phrase))));
}

/**
 * Where each source states one fact: source prefix → phrases, any of which identifies a sentence
 * of that source that states it.
 */
export type Reports = Record<string, readonly string[]>;

/**
 * The claim that every reporting source's sentence belongs to, or a message naming, for each
 * source, the claims its sentences went to instead.
 */
export function oneClaim<C extends AnyClaim>(claims: readonly C[], reports: Reports): { claim: C | null; why: string } {
  const homes = Object.entries(reports).map(([source, phrases]) => ({
    source,
    phrases,
    claims: [...new Set(phrases.flatMap((p) => claimsAt(claims, source, p)))],
  }));
  const candidates = new Set(homes.flatMap((h) => h.claims));
  let best: { claim: C; covered: number } | null = null;
  for (const c of candidates) {
    const covered = homes.filter((h) => h.claims.includes(c)).length;
    if (!best || covered > best.covered) best = { claim: c, covered };
  }
  if (best && best.covered === homes.length) return { claim: best.claim, why: '' };
  const lines = homes.map((h) => {
    const where = h.claims.length === 0 ? 'in no claim (not extracted as a statement)' : h.claims.map((c) => `"${c.id}" [${c.sources.map((s) => s.slice(0, 3)).join(',')}]`).join(' and ');
    const missing = best && !h.claims.includes(best.claim) ? '  ✗' : '';
    return `  ${h.source} ("${h.phrases.join('" | "')}"): ${where}${missing}`;
  });
  return { claim: null, why: `not one claim; best "${best?.claim.id ?? '-'}" covers ${best?.covered ?? 0}/${homes.length} sources:\n${lines.join('\n')}` };
}

/** Every text the pipeline could have turned into a claim: claim texts and evidence sentences. */
export function claimTexts(claims: readonly AnyClaim[]): string[] {
  return claims.flatMap((c) => [c.text, ...c.appearances.map((a) => a.sentence)]);
}

/** Asserts the reported sentences name one claim, and returns it (the failure says where each went). */
export function expectOne(claims: readonly WrittenClaim[], reports: Reports): WrittenClaim {
  const { claim, why } = oneClaim(claims, reports);
  expect(claim, why).not.toBeNull();
  return claim as WrittenClaim;
}

/** The value one source gives in a claim's conflict on a field. */
export const conflictValue = (c: WrittenClaim, field: string, source: string): string | undefined =>
  c.conflicts.find((x) => x.field === field)?.values.find((v) => v.source === source)?.value;
