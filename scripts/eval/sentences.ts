/**
 * Sentence-splitting benchmark: exact matches on the English Golden Rules, boundary precision/recall
 * on GUM news (Wikinews) against gold sentences, throughput, and the block classifier against GUM's
 * block labels. Prints a readable report and returns the figures.
 */
import { readFile, access } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import { performance } from 'node:perf_hooks';
import { splitSentences } from '../pipeline/sentences.ts';
import { classifyBlock, type BlockKind } from '../pipeline/blocks.ts';
import { f1Of, type Score } from './score.ts';

export type { Score };

/** A golden-rule case the splitter got wrong. */
export interface GoldenMiss {
  text: string;
  expected: string[];
  got: string[];
}

/** What `evalSentences` measured; `null` parts when the data is absent. */
export interface Report {
  dir: string;
  skipped: boolean;
  golden: { cases: number; exact: number; misses: GoldenMiss[] } | null;
  /** Each GUM doc is split as one text (paragraphs joined by a blank line, sentences by a space). */
  gum: {
    docs: number;
    sentences: number;
    /** Every gold sentence end, including paragraph ends (those come free with the blank line). */
    all: Score;
    /** Only sentence ends inside a paragraph: the ones the splitter has to find. */
    inParagraph: Score;
    misses: string[];
  } | null;
  throughput: { bytes: number; ms: number; mbPerSecond: number } | null;
  blocks: Record<BlockKind, Score> | null;
}

interface GoldenFile {
  cases: Array<{ text: string; sentences: string[] }>;
}
interface GumFile {
  docs: Array<{ id: string; paragraphs: Array<{ block: string; sentences: string[] }> }>;
}

const BLOCK_OF_GUM: Record<string, BlockKind> = { head: 'heading', figure: 'caption', caption: 'caption', quote: 'quote' };
const KINDS: BlockKind[] = ['heading', 'caption', 'quote', 'paragraph'];

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: f1Of(precision, recall), tp, fp, fn };
}

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5) + '%';
const line = (name: string, s: Score): string =>
  `  ${name.padEnd(14)} P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Score the golden rules: a case counts only when the whole sentence list matches. */
function evalGolden(data: GoldenFile): NonNullable<Report['golden']> {
  const misses: GoldenMiss[] = [];
  for (const c of data.cases) {
    const got = splitSentences(c.text).map((s) => c.text.slice(s.start, s.end));
    if (JSON.stringify(got) !== JSON.stringify(c.sentences)) misses.push({ text: c.text, expected: c.sentences, got });
  }
  return { cases: data.cases.length, exact: data.cases.length - misses.length, misses };
}

/** Rebuild a GUM doc as text and note where each gold sentence and paragraph ends. */
function buildDoc(doc: GumFile['docs'][number]): { text: string; ends: Set<number>; paraEnds: Set<number> } {
  let text = '';
  const ends = new Set<number>();
  const paraEnds = new Set<number>();
  doc.paragraphs.forEach((p, i) => {
    if (i > 0) text += '\n\n';
    p.sentences.forEach((s, j) => {
      if (j > 0) text += ' ';
      text += s;
      ends.add(text.length);
    });
    paraEnds.add(text.length);
  });
  return { text, ends, paraEnds };
}

function evalGum(data: GumFile): NonNullable<Report['gum']> {
  const all = { tp: 0, fp: 0, fn: 0 };
  const inner = { tp: 0, fp: 0, fn: 0 };
  const misses: string[] = [];
  let sentences = 0;
  for (const doc of data.docs) {
    const { text, ends, paraEnds } = buildDoc(doc);
    sentences += ends.size;
    const predicted = new Set(splitSentences(text).map((s) => s.end));
    const show = (at: number, kind: string): void => {
      misses.push(`${kind} ${doc.id}@${at}: …${text.slice(Math.max(0, at - 50), at)}⟦|⟧${text.slice(at, at + 40)}…`.replace(/\n/g, '⏎'));
    };
    for (const at of predicted) {
      const hit = ends.has(at);
      all[hit ? 'tp' : 'fp']++;
      if (!paraEnds.has(at)) inner[hit ? 'tp' : 'fp']++;
      if (!hit) show(at, 'extra  ');
    }
    for (const at of ends) {
      if (predicted.has(at)) continue;
      all.fn++;
      if (!paraEnds.has(at)) inner.fn++;
      show(at, 'missed ');
    }
  }
  return {
    docs: data.docs.length,
    sentences,
    all: score(all.tp, all.fp, all.fn),
    inParagraph: score(inner.tp, inner.fp, inner.fn),
    misses,
  };
}

/** Split a few MB of news text (the GUM docs repeated) after a warm-up; the median of three runs. */
function measureThroughput(data: GumFile): NonNullable<Report['throughput']> {
  const unit = data.docs.map((d) => buildDoc(d).text).join('\n\n');
  const parts: string[] = [];
  for (let n = 0; n < 4_000_000 && unit.length > 0; n += unit.length + 2) parts.push(unit);
  const big = parts.join('\n\n');
  splitSentences(unit);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    splitSentences(big);
    runs.push(performance.now() - t0);
  }
  const ms = runs.sort((a, b) => a - b)[1]!;
  const bytes = Buffer.byteLength(big, 'utf8');
  return { bytes, ms, mbPerSecond: bytes / 1e6 / (ms / 1000) };
}

function evalBlocks(data: GumFile): Record<BlockKind, Score> {
  const counts = Object.fromEntries(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<BlockKind, { tp: number; fp: number; fn: number }>;
  for (const doc of data.docs) {
    for (const p of doc.paragraphs) {
      const gold = BLOCK_OF_GUM[p.block] ?? 'paragraph';
      const guess = classifyBlock(p.sentences.join(' '));
      if (gold === guess) counts[gold].tp++;
      else {
        counts[guess].fp++;
        counts[gold].fn++;
      }
    }
  }
  return Object.fromEntries(KINDS.map((k) => [k, score(counts[k].tp, counts[k].fp, counts[k].fn)])) as Record<BlockKind, Score>;
}

/** Run the sentence benchmark on the data in `dir`, print a report, and return the figures. */
export async function evalSentences(dir: string, print: (line: string) => void = console.log, options: { explicit?: boolean } = {}): Promise<Report> {
  const report: Report = { dir, skipped: false, golden: null, gum: null, throughput: null, blocks: null };
  const goldenPath = join(dir, 'golden-rules-en.json');
  const gumPath = join(dir, 'gum-news.json');
  const [hasGolden, hasGum] = await Promise.all([exists(goldenPath), exists(gumPath)]);
  if (!hasGolden && !hasGum) {
    // A folder given with --dir must hold the data, as for the claims eval; only the default may be absent.
    if (options.explicit) throw new UserError(`No sentence benchmark at ${dir}: neither golden-rules-en.json nor gum-news.json is there. Give --dir the folder that holds them, e.g. --dir ../shared/eval/sentences.`);
    print(`eval sentences: no data in ${dir} (expected golden-rules-en.json, gum-news.json); skipped.`);
    return { ...report, skipped: true };
  }
  print(`Sentence splitting — ${dir}`);
  if (hasGolden) {
    const golden = evalGolden(JSON.parse(await readFile(goldenPath, 'utf8')) as GoldenFile);
    report.golden = golden;
    print(`\nGolden rules (English): ${golden.exact}/${golden.cases} exact`);
    for (const m of golden.misses) print(`  ✗ ${JSON.stringify(m.text)}\n      expected ${JSON.stringify(m.expected)}\n      got      ${JSON.stringify(m.got)}`);
  } else print('\nGolden rules: golden-rules-en.json absent; skipped.');
  if (hasGum) {
    const data = JSON.parse(await readFile(gumPath, 'utf8')) as GumFile;
    const gum = evalGum(data);
    report.gum = gum;
    report.throughput = measureThroughput(data);
    report.blocks = evalBlocks(data);
    print(`\nGUM news: ${gum.docs} docs, ${gum.sentences} gold sentences; each doc split as one text (paragraphs joined by a blank line)`);
    print(line('all ends', gum.all));
    print(line('in-paragraph', gum.inParagraph));
    for (const m of gum.misses) print(`    ${m}`);
    const t = report.throughput;
    print(`\nThroughput: ${t.mbPerSecond.toFixed(1)} MB/s (${(t.bytes / 1e6).toFixed(1)} MB, ${t.ms.toFixed(0)} ms, median of 3)`);
    print('\nBlock classifier vs GUM labels (head→heading, figure→caption, quote→quote, rest→paragraph):');
    for (const k of KINDS) print(line(k, report.blocks[k]));
  } else print('\nGUM news: gum-news.json absent; skipped.');
  return report;
}
