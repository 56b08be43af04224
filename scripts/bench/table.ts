/**
 * The bench's one table and its checks: a row per corpus size, stage times, throughput and the
 * ratios the targets are stated in (growth per size step, build vs bare Astro, incremental share).
 */

/** Pipeline stages in the order `run()` reports them. */
export const STAGES = ['ingest', 'validate', 'clean', 'segment', 'extract', 'match', 'compare', 'classify', 'identify', 'write'] as const;

/** Everything measured for one corpus size. Times in ms, memory in MB; null when not measured. */
export interface BenchRow {
  articles: number;
  sentences: number;
  claims: number;
  stages: Record<string, number>;
  pipelineMs: number;
  pipelineRssMb: number;
  /** Files the full run wrote (claims/ and sources/). */
  filesTotal: number;
  incrementalMs: number | null;
  incrementalFiles: number | null;
  /** The pipeline on the same content with claims/ and sources/ but no cache: a fresh clone, or CI. */
  cloneMs: number | null;
  siteMs: number | null;
  astroMs: number | null;
  pagefindMs: number | null;
  pages: number | null;
  /** HTML written by the site and by bare Astro, MB. */
  siteHtmlMb: number | null;
  bareHtmlMb: number | null;
  siteRssMb: number | null;
  bareMs: number | null;
  bareRssMb: number | null;
}

/** Limits read from thresholds.json. */
export interface Limits {
  matchGrowthPer4x: number;
  pipelineGrowthPer4x?: number;
  buildVsBare: number;
  incrementalShare: number;
}

/** Growth of `value` from the previous row, scaled to a 4x step in articles: `(v/v0)^(log 4 / log(n/n0))`. */
export function growthPer4x(rows: readonly BenchRow[], i: number, value: (r: BenchRow) => number): number | null {
  const row = rows[i];
  const prev = rows[i - 1];
  if (!row || !prev || prev.articles === row.articles) return null;
  const a = value(prev);
  const b = value(row);
  if (!(a > 0) || !(b > 0)) return null;
  return Math.pow(b / a, Math.log(4) / Math.log(row.articles / prev.articles));
}

/** The full build (pipeline + Astro + Pagefind) against bare Astro for the same number of pages. */
export function buildVsBare(row: BenchRow): number | null {
  return row.siteMs !== null && row.bareMs ? (row.pipelineMs + row.siteMs) / row.bareMs : null;
}

/** One changed article's re-run as a share of the full pipeline run. */
export function incrementalShare(row: BenchRow): number | null {
  return row.incrementalMs !== null && row.pipelineMs > 0 ? row.incrementalMs / row.pipelineMs : null;
}

/** Column headers, in order; the test pins them. */
export const COLUMNS = [
  'articles', 'sentences', 'claims', ...STAGES, 'pipeline', 'sent/s', 'match x4', 'pipe x4', 'incr ms', 'incr %', 'files rw', 'clone ms',
  'astro', 'pagefind', 'site', 'pages', 'HTML MB', 'bare', 'bare MB', 'build/bare', 'astro/bare', 'RSS pipe', 'RSS site', 'RSS bare',
] as const;

const ms = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '–' : String(Math.round(v)));
const ratio = (v: number | null) => (v === null ? '–' : `${v.toFixed(2)}x`);

/** The table as text: a header, a rule, a line per size; right-aligned columns. */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r, i) => {
    const share = incrementalShare(r);
    return [
      String(r.articles), String(r.sentences), String(r.claims), ...STAGES.map((s) => ms(r.stages[s])), ms(r.pipelineMs),
      String(Math.round(r.sentences / (r.pipelineMs / 1000))),
      ratio(growthPer4x(rows, i, (x) => x.stages['match'] ?? 0)), ratio(growthPer4x(rows, i, (x) => x.pipelineMs)),
      ms(r.incrementalMs), share === null ? '–' : `${(share * 100).toFixed(0)}%`,
      r.incrementalFiles === null ? '–' : `${r.incrementalFiles}/${r.filesTotal}`, ms(r.cloneMs),
      ms(r.astroMs), ms(r.pagefindMs), ms(r.siteMs), r.pages === null ? '–' : String(r.pages),
      r.siteHtmlMb === null ? '–' : String(r.siteHtmlMb), ms(r.bareMs), r.bareHtmlMb === null ? '–' : String(r.bareHtmlMb),
      ratio(buildVsBare(r)), ratio(r.astroMs !== null && r.bareMs ? r.astroMs / r.bareMs : null),
      `${r.pipelineRssMb}`, r.siteRssMb === null ? '–' : `${r.siteRssMb}`, r.bareRssMb === null ? '–' : `${r.bareRssMb}`,
    ];
  });
  const all = [[...COLUMNS] as string[], ...cells];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((line) => line[c]!.length)));
  const line = (values: string[]) => values.map((v, c) => v.padStart(widths[c]!)).join('  ');
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Messages for each ratio past its limit; empty when all pass. */
export function checkRatios(rows: readonly BenchRow[], limits: Limits): string[] {
  const failures: string[] = [];
  rows.forEach((row, i) => {
    const match = growthPer4x(rows, i, (x) => x.stages['match'] ?? 0);
    if (match !== null && match > limits.matchGrowthPer4x) {
      failures.push(`match at ${row.articles} articles grew ${match.toFixed(2)}x per 4x articles, over the ${limits.matchGrowthPer4x}x limit: matching is going quadratic.`);
    }
    const pipe = growthPer4x(rows, i, (x) => x.pipelineMs);
    if (limits.pipelineGrowthPer4x !== undefined && pipe !== null && pipe > limits.pipelineGrowthPer4x) {
      failures.push(`pipeline at ${row.articles} articles grew ${pipe.toFixed(2)}x per 4x articles, over the ${limits.pipelineGrowthPer4x}x limit.`);
    }
    const build = buildVsBare(row);
    if (build !== null && build > limits.buildVsBare) {
      failures.push(`build at ${row.articles} articles took ${build.toFixed(2)}x bare Astro, over the ${limits.buildVsBare}x limit.`);
    }
    const share = incrementalShare(row);
    if (share !== null && share > limits.incrementalShare) {
      failures.push(`changing one article at ${row.articles} articles re-ran in ${(share * 100).toFixed(0)}% of a full run, over the ${(limits.incrementalShare * 100).toFixed(0)}% limit.`);
    }
  });
  return failures;
}

/** Median of the numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
