/**
 * The bench's own code on a tiny corpus: deterministic generation, figures that disagree, the
 * pipeline timed in a child process, and a table with every column. Site builds are left to
 * `npm run bench`; this stays within seconds.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { bench, readThresholds, targetReport } from '../../scripts/bench.ts';
import { makeCorpus, perturbNumbers, prng, touchArticle } from '../../scripts/bench/corpus.ts';
import { COLUMNS, STAGES, checkRatios, formatTable, growthPer4x, type BenchRow } from '../../scripts/bench/table.ts';

const CONTENT = fileURLToPath(new URL('../../content', import.meta.url));
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-bench-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('synthetic corpus', () => {
  test('the same seed and size give the same bytes', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const first = await makeCorpus(CONTENT, a, 6);
    await makeCorpus(CONTENT, b, 6);
    expect(first.files).toHaveLength(6);
    for (const f of first.files) expect(await readFile(join(a, f), 'utf8')).toBe(await readFile(join(b, f), 'utf8'));
    expect((await readdir(join(a, 'pillars'))).length).toBeGreaterThan(0);
    expect(await readFile(join(a, 'site.md'), 'utf8')).toBe(await readFile(join(CONTENT, 'site.md'), 'utf8'));
  });

  test('perturbed figures change, years do not', () => {
    const random = prng(1);
    const out = perturbNumbers('In 2026, 35 countries sent 1000 troops.', random);
    expect(out).toMatch(/^In 2026, \d+ countries sent \d+ troops\.$/);
    expect(out).not.toBe('In 2026, 35 countries sent 1000 troops.');
  });

  test('touching an article changes its bytes', async () => {
    const dir = await tempDir();
    const { files } = await makeCorpus(CONTENT, dir, 2);
    const before = await readFile(join(dir, files[0]!), 'utf8');
    await touchArticle(dir, files[0]!);
    expect(await readFile(join(dir, files[0]!), 'utf8')).not.toBe(before);
  });
});

describe('bench --no-site', () => {
  test('times every stage of two small corpora and prints a table with every column', async () => {
    const rows = await bench({ sizes: [8, 4], site: false, repeat: 1, content: CONTENT, keep: false });
    expect(rows.map((r) => r.articles)).toEqual([4, 8]);
    for (const row of rows) {
      expect(row.sentences).toBeGreaterThan(0);
      expect(row.claims).toBeGreaterThan(0);
      for (const stage of STAGES) expect(row.stages[stage]).toBeGreaterThanOrEqual(0);
      expect(row.pipelineMs).toBeGreaterThan(0);
      expect(row.pipelineRssMb).toBeGreaterThan(0);
      expect(row.incrementalFiles).toBeGreaterThanOrEqual(1);
      expect(row.cloneMs).toBeGreaterThan(0);
      expect(row.siteMs).toBeNull();
    }
    const table = formatTable(rows).split('\n');
    expect(table).toHaveLength(4);
    const header = table[0]!.trim().split(/\s{2,}/);
    expect(header).toEqual([...COLUMNS]);
    expect(table[3]!.trim().split(/\s{2,}/)).toHaveLength(COLUMNS.length);
    const { targets } = await readThresholds();
    expect(targetReport(rows, targets).some((l) => l.includes('match growth per 4x'))).toBe(true);
  }, 60_000);
});

describe('ratios', () => {
  const row = (articles: number, match: number, extra: Partial<BenchRow> = {}): BenchRow => ({
    articles, sentences: articles * 10, claims: articles, stages: { match }, pipelineMs: match * 2, pipelineRssMb: 100, filesTotal: articles,
    incrementalMs: null, incrementalFiles: null, cloneMs: null, siteMs: null, astroMs: null, pagefindMs: null, pages: null, siteHtmlMb: null, bareHtmlMb: null, siteRssMb: null, bareMs: null, bareRssMb: null, ...extra,
  });
  const limits = { matchGrowthPer4x: 5, buildVsBare: 1.5, incrementalShare: 0.1 };

  test('growth is scaled to a 4x step', () => {
    expect(growthPer4x([row(100, 10), row(400, 40)], 1, (r) => r.stages['match']!)).toBeCloseTo(4);
    expect(growthPer4x([row(100, 10), row(200, 40)], 1, (r) => r.stages['match']!)).toBeCloseTo(16);
  });

  test('a quadratic matcher, a slow build and a full re-run fail; linear ones pass', () => {
    expect(checkRatios([row(100, 10), row(400, 40)], limits)).toEqual([]);
    const failures = checkRatios([row(100, 10, { siteMs: 200, bareMs: 100 }), row(400, 160, { incrementalMs: 320 })], limits);
    expect(failures).toHaveLength(3);
    expect(failures[0]).toMatch(/^build at 100 articles took 2\.20x bare Astro/);
    expect(failures[1]).toMatch(/^match at 400 articles grew 16\.00x per 4x articles/);
    expect(failures[2]).toMatch(/^changing one article at 400 articles re-ran in 100%/);
  });
});
