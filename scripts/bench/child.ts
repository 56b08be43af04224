/**
 * One measured task in its own process, so peak memory is the task's own:
 * `node scripts/bench/child.ts <task.json> <result.json>`. Tasks: the pipeline on a content root,
 * the Triangulate site build (Astro + Pagefind), and a bare Astro build.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the parent asks a child to do. */
export type Task =
  | { kind: 'pipeline'; root: string }
  | { kind: 'site'; root: string; outDir: string }
  | { kind: 'bare'; projectRoot: string };

/** What a child reports back. Times in ms, memory in MB. */
export interface TaskResult {
  kind: Task['kind'];
  /** Wall time of the whole task. */
  ms: number;
  /** Per-stage ms, in order (pipeline: its stages; site: astro, pagefind). */
  stages: Record<string, number>;
  sentences?: number;
  claims?: number;
  filesWritten?: number;
  filesTotal?: number;
  pages?: number;
  /** Total size of the HTML written, MB: page templates that scan the whole collection show here. */
  htmlMb?: number;
  peakRssMb: number;
}

async function runTask(task: Task): Promise<TaskResult> {
  const started = performance.now();
  const stages: Record<string, number> = {};
  const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
  if (task.kind === 'pipeline') {
    const { run } = await import('../pipeline/index.ts');
    const result = await run(task.root, { progress: (stage, _detail, ms) => (stages[stage] = (stages[stage] ?? 0) + ms) });
    if (!result.ok) throw new Error(`Pipeline refused ${task.root}: ${result.problems.filter((p) => p.fatal).map((p) => p.message).join('; ')}`);
    const write = result.write;
    return {
      kind: task.kind,
      ms: performance.now() - started,
      stages,
      sentences: result.sentences,
      claims: result.claims.length,
      filesWritten: write ? write.written.length + write.deleted.length : 0,
      filesTotal: write ? write.written.length + write.unchanged : 0,
      peakRssMb: peak(),
    };
  }
  if (task.kind === 'site') {
    const { buildSite } = await import('../site.ts');
    const built = await buildSite({ contentDir: task.root, outDir: task.outDir });
    const total = performance.now() - started;
    // buildSite runs Astro then Pagefind; index the same output again, elsewhere, to split the two.
    const pagefindMs = await timePagefind(task.outDir);
    stages['astro'] = Math.max(0, total - pagefindMs);
    stages['pagefind'] = pagefindMs;
    return { kind: task.kind, ms: total, stages, pages: built.pages, htmlMb: await htmlMb(task.outDir), peakRssMb: peak() };
  }
  const { build } = await import('astro');
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'triangulate-bare-cache-'));
  try {
    await build({ root: task.projectRoot, cacheDir, logLevel: 'warn', vite: { cacheDir: path.join(cacheDir, 'vite'), logLevel: 'warn' } });
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
  const ms = performance.now() - started;
  stages['astro'] = ms;
  return { kind: task.kind, ms, stages, htmlMb: await htmlMb(path.join(task.projectRoot, 'dist')), peakRssMb: peak() };
}

async function htmlMb(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let bytes = 0;
  for (const e of entries) if (e.isFile() && e.name.endsWith('.html')) bytes += (await stat(path.join(e.parentPath, e.name))).size;
  return Math.round(bytes / 1e5) / 10;
}

async function timePagefind(outDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const scratch = await mkdtemp(path.join(tmpdir(), 'triangulate-pagefind-'));
  const started = performance.now();
  try {
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) return Number.NaN;
    await index.addDirectory({ path: outDir, glob: '**/*.html' });
    await index.writeFiles({ outputPath: scratch });
    return performance.now() - started;
  } finally {
    await pagefind.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [taskFile, resultFile] = process.argv.slice(2);
  if (!taskFile || !resultFile) throw new Error('Usage: node scripts/bench/child.ts <task.json> <result.json>');
  const task = JSON.parse(await readFile(taskFile, 'utf8')) as Task;
  const result = await runTask(task);
  await writeFile(resultFile, JSON.stringify(result));
  process.exit(0);
}
