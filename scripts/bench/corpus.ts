/**
 * Synthetic content roots for the benchmark: the content's own articles cut into paragraphs and
 * recombined by a seeded PRNG, with some figures changed, so claims recur across many sources and
 * some of them disagree. Same seed and size, same bytes.
 */
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A generated content root and what went into it. */
export interface Corpus {
  root: string;
  articles: number;
  /** Relative paths of the article files, in order. */
  files: string[];
}

/** A small, fast, seedable PRNG (mulberry32): the corpus must not depend on Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTLETS = ['The Daily Ledger', 'Northern Courier', 'Wire Service', 'Evening Standard Post', 'The Chronicle', 'Metro Tribune', 'Global Dispatch', 'The Observer Review', 'City Herald', 'Continental Times', 'Harbour Gazette', 'Union Register'];

/** Paragraphs (long lines) and headlines (short ones) of every article under `articles/`. */
export async function readPool(contentRoot: string): Promise<{ paragraphs: string[]; headlines: string[] }> {
  const dir = path.join(contentRoot, 'articles');
  const names = (await readdir(dir)).filter((n) => /\.(txt|md)$/.test(n)).sort();
  const paragraphs: string[] = [];
  const headlines: string[] = [];
  for (const name of names) {
    const lines = (await readFile(path.join(dir, name), 'utf8')).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const [first, ...rest] = lines;
    if (first) headlines.push(first);
    for (const line of rest) if (line.length >= 80 && /[.!?”"]$/.test(line)) paragraphs.push(line);
  }
  if (paragraphs.length === 0) throw new Error(`No paragraphs in ${dir}: the bench recombines the content's own articles, so it needs some.`);
  return { paragraphs, headlines };
}

/** Changes each figure (a run of digits not part of a year) by up to ±30 %, keeping its width plausible. */
export function perturbNumbers(text: string, random: () => number): string {
  return text.replace(/\b\d+(?:[.,]\d+)?\b/g, (m) => {
    const n = Number(m.replace(',', ''));
    if (!Number.isFinite(n) || (n >= 1900 && n <= 2100) || n === 0) return m;
    const factor = 1 + (random() * 0.6 - 0.3);
    const changed = Math.max(1, Math.round(n * factor));
    return changed === n ? String(n + 1) : String(changed);
  });
}

/** One synthetic article as Markdown with frontmatter: a headline and 6–14 recombined paragraphs. */
export function makeArticle(index: number, pool: { paragraphs: string[]; headlines: string[] }, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const count = 6 + Math.floor(random() * 9);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pool.paragraphs.length)) chosen.add(Math.floor(random() * pool.paragraphs.length));
  // About one paragraph in five has its figures changed: the same claim, a different number.
  const body = [...chosen].map((i) => (random() < 0.2 ? perturbNumbers(pool.paragraphs[i]!, random) : pool.paragraphs[i]!));
  const title = `${pick(pool.headlines).replace(/"/g, "'")} (${index + 1})`;
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    `outlet: ${JSON.stringify(pick(OUTLETS))}`,
    // A date in the week of the event: source files carry it unquoted, and the site reads it back as a date.
    `published: 2026-01-0${5 + Math.floor(random() * 3)}`,
    '---',
    '',
    body.join('\n\n'),
    '',
  ].join('\n');
}

/** Writes a content root of `articles` synthetic articles into `dir`, with the source root's site.md and pillars/. */
export async function makeCorpus(sourceRoot: string, dir: string, articles: number, seed = 20260105): Promise<Corpus> {
  const pool = await readPool(sourceRoot);
  const random = prng(seed);
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await cp(path.join(sourceRoot, 'site.md'), path.join(dir, 'site.md'));
  await cp(path.join(sourceRoot, 'pillars'), path.join(dir, 'pillars'), { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < articles; i++) {
    const rel = `articles/a${String(i).padStart(5, '0')}.md`;
    await writeFile(path.join(dir, rel), makeArticle(i, pool, random));
    files.push(rel);
  }
  return { root: dir, articles, files };
}

/** Edits one article the way a newsroom would: one figure changed in its first paragraph with one. */
export async function touchArticle(root: string, rel: string): Promise<void> {
  const file = path.join(root, rel);
  const text = await readFile(file, 'utf8');
  let done = false;
  const edited = text.replace(/\b\d+\b(?=[^\n]*\n)/g, (m, offset: number) => {
    if (done || offset < text.indexOf('\n---', 3) + 4) return m;
    done = true;
    return String(Number(m) + 7);
  });
  await writeFile(file, done ? edited : `${text}\nThe ministry said 17 more officials would attend.\n`);
}
