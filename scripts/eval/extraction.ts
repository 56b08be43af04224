/**
 * Article-extraction benchmark: scores `extractArticle` (and Readability alone, for comparison)
 * against the scrapinghub/article-extraction-benchmark ground truth with 4-gram shingle matching.
 */
import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../errors.ts';
import { extractArticle } from '../pipeline/html.ts';
import { f1Of, type Score } from './score.ts';

/** Precision and recall of one page, with the shingles found in both, only extracted, only in the gold. */
export interface PageScore extends Score {
  id: string;
  url: string;
}

/** Averaged scores of one extractor over the benchmark. */
export interface ExtractorScore {
  precision: number;
  recall: number;
  f1: number;
  /** Wall-clock time of extraction over all pages, in milliseconds. */
  ms: number;
  pages: PageScore[];
}

/** What `evalExtraction` measured; `null` scores when the benchmark data is absent. */
export interface Report {
  dir: string;
  skipped: boolean;
  pages: number;
  ours: ExtractorScore | null;
  readability: ExtractorScore | null;
}

interface GroundTruthEntry {
  articleBody: string;
  url: string;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** Word tokens as the benchmark's `\w+` finds them (letters, digits, underscore; case kept). */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** The multiset of n-gram shingles of a text. */
export function shingles(text: string, n = 4): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** True positives, false positives and false negatives of the shingle multisets of two texts. */
export function shingleMatch(gold: string, extracted: string): { tp: number; fp: number; fn: number } {
  const g = shingles(gold);
  const e = shingles(extracted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of e) {
    const common = Math.min(count, g.get(key) ?? 0);
    tp += common;
    fp += count - common;
  }
  for (const [key, count] of g) fn += Math.max(0, count - (e.get(key) ?? 0));
  return { tp, fp, fn };
}

/** Precision as the benchmark defines it: 1 when both are empty, 0 when nothing was extracted. */
export function precisionOf(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Recall as the benchmark defines it: 1 when both are empty, 0 when the gold text is empty. */
export function recallOf(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}


function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The text Readability.js alone keeps: its `textContent`, as the benchmark ran it. */
export function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
}

/** The text our extractor keeps: its blocks, one paragraph each. */
export function extractedText(html: string, url?: string): string {
  const options = url === undefined ? {} : { url };
  return extractArticle(html, options).blocks.join('\n\n');
}

interface Page {
  id: string;
  url: string;
  gold: string;
  html: string;
}

function score(pages: Page[], extract: (page: Page) => string): ExtractorScore {
  const results: PageScore[] = [];
  let ms = 0;
  for (const page of pages) {
    const start = performance.now();
    let text = '';
    try {
      text = extract(page);
    } catch {
      text = '';
    }
    ms += performance.now() - start;
    const { tp, fp, fn } = shingleMatch(page.gold, text);
    const precision = precisionOf(tp, fp, fn);
    const recall = recallOf(tp, fp, fn);
    results.push({ id: page.id, url: page.url, precision, recall, f1: f1Of(precision, recall), tp, fp, fn });
  }
  const precision = mean(results.map((r) => r.precision));
  const recall = mean(results.map((r) => r.recall));
  return { precision, recall, f1: f1Of(precision, recall), ms, pages: results };
}

function hint(page: PageScore): string {
  if (page.tp + page.fp === 0) return 'nothing extracted';
  if (page.recall < 0.5 && page.precision > 0.8) return 'missed most of the article';
  if (page.precision < 0.5 && page.recall > 0.8) return 'kept much boilerplate';
  if (page.precision < page.recall) return `extra text (${page.fp} shingles)`;
  return `missing text (${page.fn} shingles)`;
}

function pct(n: number): string {
  return n.toFixed(4);
}

/**
 * Runs the extraction benchmark in `dir` and prints scores; skips with one line if data is absent,
 * unless the folder was given explicitly (`--dir`): then that is a UserError, as for the claims eval.
 */
export async function evalExtraction(dir: string, options: { explicit?: boolean } = {}): Promise<Report> {
  const truthFile = join(dir, 'ground-truth.json');
  try {
    await access(truthFile);
  } catch {
    if (options.explicit) throw new UserError(`No extraction benchmark at ${dir}: ${truthFile} does not exist. Give --dir the folder that holds ground-truth.json, e.g. --dir ../shared/eval/extraction.`);
    console.log(`extraction eval: no benchmark data at ${truthFile}; evaluation skipped.`);
    return { dir, skipped: true, pages: 0, ours: null, readability: null };
  }
  const truth = JSON.parse(await readFile(truthFile, 'utf8')) as Record<string, GroundTruthEntry>;
  const pages: Page[] = [];
  for (const [id, entry] of Object.entries(truth)) {
    const gz = await readFile(join(dir, 'html', `${id}.html.gz`));
    pages.push({ id, url: entry.url, gold: entry.articleBody ?? '', html: gunzipSync(gz).toString('utf8') });
  }
  const ours = score(pages, (page) => extractedText(page.html, page.url));
  const readability = score(pages, (page) => readabilityText(page.html));
  const line = (name: string, s: ExtractorScore) =>
    `${name.padEnd(18)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  ${(s.ms / 1000).toFixed(1)} s`;
  console.log(`extraction eval: ${pages.length} pages from ${dir}`);
  console.log(line('extractArticle', ours));
  console.log(line('Readability alone', readability));
  console.log('worst pages (extractArticle):');
  const worst = [...ours.pages].sort((a, b) => a.f1 - b.f1).slice(0, 10);
  for (const page of worst) {
    console.log(`  F1 ${pct(page.f1)}  P ${pct(page.precision)}  R ${pct(page.recall)}  ${page.id.slice(0, 12)}  ${hint(page)}  ${page.url}`);
  }
  return { dir, skipped: false, pages: pages.length, ours, readability };
}
