/**
 * `npm run bench`: synthetic corpora of growing size, each timed stage by stage through the
 * pipeline, the site build and a bare Astro build of as many pages, each in its own process for
 * its own peak memory; then one table of times and the ratios issue 6 sets targets on.
 *
 *   npm run bench -- [--sizes 100,400,1600[,4000]] [--no-site] [--repeat N] [--ci] [--json FILE] [--keep] [--cpu-prof DIR]
 *
 * `--ci` (the ratio gate in thresholds.json) is not part of `npm test`, on purpose. Its ratios
 * compare wall times of child processes, Astro builds and a bare build, already as the median of
 * three runs; on a busy 2-core machine another process still skews one size more than the other
 * (5.46x growth per 4x measured once, 2.29x alone). CPU time would not fix it: Astro's and
 * Pagefind's work runs in worker threads and native code that a per-process cpuUsage misattributes,
 * and widening the limits until load cannot trip them would make the gate catch nothing. So
 * `npm test` stays a gate that only fails on a bug; run `npm run bench -- --ci` on a quiet machine
 * when timing matters. test/bench/ still tests the bench's own code in `npm test`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeBareProject } from './bench/bare.ts';
import type { Task, TaskResult } from './bench/child.ts';
import { makeCorpus, touchArticle } from './bench/corpus.ts';
import { cachePath } from './pipeline/cache.ts';
import { STAGES, buildVsBare, checkRatios, formatTable, growthPer4x, incrementalShare, median, type BenchRow, type Limits } from './bench/table.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHILD = fileURLToPath(new URL('./bench/child.ts', import.meta.url));
const THRESHOLDS = fileURLToPath(new URL('./bench/thresholds.json', import.meta.url));

/** What one bench run measures. */
export interface BenchOptions {
  sizes: number[];
  site: boolean;
  repeat: number;
  /** Content root whose articles are recombined. */
  content: string;
  keep: boolean;
  /** When set, the pipeline children write V8 CPU profiles here. */
  cpuProf?: string;
  log?: (line: string) => void;
}

interface Thresholds {
  targets: { matchGrowthPer4x: number; sentencesPerSecondAt1600: number; buildVsBare: number; peakRssMbAt4000: number; incrementalShare: number };
  ci: Limits & { sizes: number[]; repeat: number };
}

/** Reads the limits `--ci` checks and the targets every run reports. */
export async function readThresholds(): Promise<Thresholds> {
  return JSON.parse(await readFile(THRESHOLDS, 'utf8')) as Thresholds;
}

/** Runs one task in a fresh Node process and returns what it measured. */
async function inChild(task: Task, scratch: string, nodeArgs: string[] = []): Promise<TaskResult> {
  const id = `${task.kind}-${Math.random().toString(36).slice(2)}`;
  const taskFile = path.join(scratch, `${id}.task.json`);
  const resultFile = path.join(scratch, `${id}.result.json`);
  await writeFile(taskFile, JSON.stringify(task));
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, CHILD, taskFile, resultFile], {
      cwd: PROJECT_ROOT,
      // Astro's own warnings go to stderr, so stdout keeps only the table.
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`Bench task ${task.kind} exited with code ${code}; its output is above.`);
  return JSON.parse(await readFile(resultFile, 'utf8')) as TaskResult;
}

/** Measures one corpus size: pipeline (median of `repeat` cold runs), one-article re-run, site, bare Astro. */
async function measure(size: number, options: BenchOptions, scratch: string): Promise<BenchRow> {
  const log = options.log ?? (() => undefined);
  const profArgs = (label: string) => (options.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProf, '--cpu-prof-name', `${label}-${size}.cpuprofile`] : []);
  const runs: TaskResult[] = [];
  let root = '';
  let files: string[] = [];
  for (let r = 0; r < options.repeat; r++) {
    root = path.join(scratch, `content-${size}-${r}`);
    files = (await makeCorpus(options.content, root, size)).files;
    const result = await inChild({ kind: 'pipeline', root }, scratch, r === 0 ? profArgs('pipeline') : []);
    log(`  ${size} articles: pipeline run ${r + 1}/${options.repeat} ${Math.round(result.ms)} ms, ${result.sentences} sentences, peak ${result.peakRssMb} MB`);
    runs.push(result);
  }
  const first = runs[0]!;
  const stages = Object.fromEntries(STAGES.map((s) => [s, median(runs.map((x) => x.stages[s] ?? 0))]));
  const pipelineMs = median(runs.map((x) => STAGES.reduce((n, s) => n + (x.stages[s] ?? 0), 0)));
  await touchArticle(root, files[Math.floor(files.length / 2)]!);
  const incremental = await inChild({ kind: 'pipeline', root }, scratch);
  log(`  ${size} articles: one article changed, re-run ${Math.round(incremental.ms)} ms, ${incremental.filesWritten} files written`);
  // A fresh clone of the same site: its claims and sources are there, the cache is not.
  await rm(cachePath(root), { force: true });
  const clone = await inChild({ kind: 'pipeline', root }, scratch);
  log(`  ${size} articles: fresh clone (no cache), ${Math.round(clone.ms)} ms, ${clone.filesWritten} files written`);
  const row: BenchRow = {
    articles: size,
    sentences: first.sentences ?? 0,
    claims: first.claims ?? 0,
    stages,
    pipelineMs,
    pipelineRssMb: Math.max(...runs.map((x) => x.peakRssMb)),
    filesTotal: first.filesTotal ?? 0,
    incrementalMs: STAGES.reduce((n, s) => n + (incremental.stages[s] ?? 0), 0),
    incrementalFiles: incremental.filesWritten ?? 0,
    cloneMs: STAGES.reduce((n, s) => n + (clone.stages[s] ?? 0), 0),
    siteMs: null,
    astroMs: null,
    pagefindMs: null,
    pages: null,
    siteHtmlMb: null,
    bareHtmlMb: null,
    siteRssMb: null,
    bareMs: null,
    bareRssMb: null,
  };
  if (!options.site) return row;
  const site = await inChild({ kind: 'site', root, outDir: path.join(scratch, `site-${size}`) }, scratch);
  log(`  ${size} articles: site ${Math.round(site.ms)} ms, ${site.pages} pages, peak ${site.peakRssMb} MB`);
  const bareRoot = path.join(scratch, `bare-${size}`);
  await makeBareProject(bareRoot, site.pages ?? size, files.map((f) => path.join(root, f)), path.join(PROJECT_ROOT, 'node_modules'));
  const bare = await inChild({ kind: 'bare', projectRoot: bareRoot }, scratch);
  log(`  ${size} articles: bare Astro ${Math.round(bare.ms)} ms for ${site.pages} pages, peak ${bare.peakRssMb} MB`);
  return {
    ...row,
    siteMs: site.ms,
    astroMs: site.stages['astro'] ?? null,
    pagefindMs: site.stages['pagefind'] ?? null,
    pages: site.pages ?? null,
    siteHtmlMb: site.htmlMb ?? null,
    bareHtmlMb: bare.htmlMb ?? null,
    siteRssMb: site.peakRssMb,
    bareMs: bare.ms,
    bareRssMb: bare.peakRssMb,
  };
}

/** Runs the bench over every size (ascending); temporary files are removed unless `keep`. */
export async function bench(options: BenchOptions): Promise<BenchRow[]> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'triangulate-bench-'));
  options.log?.(`Bench in ${scratch}`);
  try {
    const rows: BenchRow[] = [];
    for (const size of [...options.sizes].sort((a, b) => a - b)) rows.push(await measure(size, options, scratch));
    return rows;
  } finally {
    if (!options.keep) await rm(scratch, { recursive: true, force: true });
  }
}

/** The targets of issue 6, each as a line saying pass or miss with the figure. */
export function targetReport(rows: readonly BenchRow[], targets: Thresholds['targets']): string[] {
  const lines: string[] = [];
  const mark = (ok: boolean) => (ok ? 'pass' : 'MISS');
  rows.forEach((row, i) => {
    const match = growthPer4x(rows, i, (x) => x.stages['match'] ?? 0);
    if (match !== null) lines.push(`${mark(match <= targets.matchGrowthPer4x)}  match growth per 4x articles at ${row.articles}: ${match.toFixed(2)}x (target <= ${targets.matchGrowthPer4x}x)`);
    if (row.articles >= 1600) {
      const rate = row.sentences / (row.pipelineMs / 1000);
      lines.push(`${mark(rate >= targets.sentencesPerSecondAt1600)}  pipeline at ${row.articles}: ${Math.round(rate)} sentences/s (target >= ${targets.sentencesPerSecondAt1600})`);
    }
    const build = buildVsBare(row);
    if (build !== null) lines.push(`${mark(build <= targets.buildVsBare)}  build vs bare Astro at ${row.articles}: ${build.toFixed(2)}x (target <= ${targets.buildVsBare}x)`);
    if (row.articles >= 4000) {
      const peak = Math.max(row.pipelineRssMb, row.siteRssMb ?? 0);
      lines.push(`${mark(peak <= targets.peakRssMbAt4000)}  peak memory at ${row.articles}: ${peak} MB (target <= ${targets.peakRssMbAt4000} MB)`);
    }
    const share = incrementalShare(row);
    if (share !== null) lines.push(`${mark(share <= targets.incrementalShare)}  one changed article at ${row.articles}: ${(share * 100).toFixed(0)}% of a full run, ${row.incrementalFiles}/${row.filesTotal} files rewritten (target <= ${targets.incrementalShare * 100}%)`);
  });
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '100,400,1600' },
      'no-site': { type: 'boolean', default: false },
      repeat: { type: 'string' },
      ci: { type: 'boolean', default: false },
      content: { type: 'string', default: 'content' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
    },
  });
  const thresholds = await readThresholds();
  const sizes = values.ci ? thresholds.ci.sizes : values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes whole numbers of articles, e.g. --sizes 100,400,1600; received "${values.sizes}".`);
  const repeat = Number(values.repeat ?? (values.ci ? thresholds.ci.repeat : 1));
  const rows = await bench({
    sizes,
    site: !values['no-site'],
    repeat: Math.max(1, repeat),
    content: path.resolve(values.content),
    keep: values.keep,
    ...(values['cpu-prof'] ? { cpuProf: path.resolve(values['cpu-prof']) } : {}),
    log: (line) => console.error(line),
  });
  console.log(formatTable(rows));
  console.log('');
  for (const line of targetReport(rows, thresholds.targets)) console.log(line);
  if (values.json) await writeFile(values.json, JSON.stringify(rows, null, 2));
  if (!values.ci) return 0;
  const failures = checkRatios(rows, thresholds.ci);
  for (const f of failures) console.error(`bench: ${f}`);
  if (failures.length === 0) console.log('\nbench --ci: every ratio is within scripts/bench/thresholds.json');
  return failures.length ? 1 : 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
