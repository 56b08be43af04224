/**
 * Renders claims and sources as Markdown with frontmatter, validated by the schemas the site uses.
 * Maintainer-owned fields and notes are copied through untouched. Pure: write.ts puts the result
 * on disk.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { directiveToMarkdown } from 'mdast-util-directive';
import { claimSchema, sourceSchema, STATUSES, storedAppearance, type ClaimData, type ClaimEdits, type Status } from '../../src/schema.ts';
import { countLines, frontmatterYaml, leadingComments, stringifyFrontmatter, writtenFrontmatter } from '../frontmatter.ts';
import { hash, type PipelineCache } from './cache.ts';
import { isPlainYamlData } from './yaml.ts';
import type { FileText, SegmentedArticle } from './types.ts';


/** Marks the maintainer's part of a claim file for whoever opens it. */
export const CLAIM_HEADER_LINES: readonly string[] = [
  '# Yours to edit: verdict, pillar, hidden, mergeInto, reviewer, confirmed and the note below the frontmatter.',
  '# Everything else is rewritten by `npm run content` from the articles.',
];
/** Header lines a claim file may carry: today's, and those earlier versions wrote. */
export const ACCEPTED_HEADER_LINES: readonly string[] = [
  ...CLAIM_HEADER_LINES,
  '# Yours to edit: verdict, pillar, hidden, mergeInto and the note below the frontmatter.',
];
const CLAIM_HEADER = CLAIM_HEADER_LINES.map((line) => `${line}\n`).join('');

/** A claim as it will be written: the generator's facts plus the maintainer's edits and note. */
export interface ClaimOut extends Omit<ClaimData, 'sharedCopy' | 'fact'> {
  /** Filled by compare when it finds sources that share copy. */
  sharedCopy?: string[][];
  /** Written only for a claim of one fact (most claims are stated as wholes). */
  fact?: string | null;
  id: string;
  note: string;
}

/** Renders one claim file; throws if the data would not pass the site's schema. */
export function renderClaim(claim: ClaimOut): string {
  return renderKeptClaim(claim);
}

/** Renders one claim file and keeps in the cache how the next run will read it back, so it need not parse it again. */
export function renderKeptClaim(claim: ClaimOut, cache?: PipelineCache): string {
  const { id, note, fact, ...rest } = claim;
  const data = fact ? { ...rest, fact } : rest;
  const edits: ClaimEdits = { verdict: data.verdict, pillar: data.pillar, hidden: data.hidden, mergeInto: data.mergeInto, reviewer: data.reviewer, confirmed: data.confirmed };
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
    const raw = writtenFrontmatter(text);
    cache.keepClaim(file, {
      hash: hash(text),
      json: Buffer.from(json),
      source,
      content: note.replace(/\r\n?/g, '\n'),
      bodyLine: countLines(raw) + 3,
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
export function renderKeptSource(article: SegmentedArticle, index: ClaimIndex, cache: PipelineCache): FileText {
  const bySentence = index.get(article.id);
  // Everything a source file says about claims: which claims (or their merge targets) each sentence states, and their status.
  const annotations = bySentence ? [...bySentence].map(([i, list]) => `${i}:${list.map((c) => `${c.mergeInto ?? c.id} ${c.status}`).join(',')}`).join(';') : '';
  return cache.source(`sources/${article.id}.md`, article, annotations, () => renderSource(article, index));
}

/** The cleaned text as Markdown: headings, paragraphs, and `:claim[…]{#sN claims status}` directives. */
function annotate(article: SegmentedArticle, bySentence: ReadonlyMap<number, readonly ClaimOut[]>): string {
  const children: RootContent[] = [];
  // Blocks and sentences are both in text order: walk them together, not every sentence per block.
  const { sentences } = article;
  let first = 0;
  for (const block of article.blocks) {
    while (first < sentences.length && (sentences[first]?.start ?? 0) < block.start) first++;
    const inside: typeof sentences = [];
    for (let i = first; i < sentences.length && (sentences[i]?.start ?? 0) <= block.end; i++) {
      const s = sentences[i];
      if (s && s.end <= block.end) inside.push(s);
    }
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
