/**
 * `npm run dev`: runs the pipeline, starts Astro's dev server on the content root, and re-runs the
 * pipeline when an article, a pillar, site.md or a claim changes, so the open page refreshes. The
 * last run's problems go to the terminal and, as a banner, to the pages they concern.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dev as astroDev } from 'astro';
import { watch } from 'chokidar';
import { content } from './cli.ts';
import { formatProblem, sortProblems } from './errors.ts';
import { sourceId } from './pipeline/ingest.ts';
import type { Problem } from './pipeline/types.ts';
import type { DevProblem } from '../src/lib/dev-problems.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Files the pipeline reads; its own output (sources/) is not watched, so a run cannot loop. */
const WATCHED = /^(site\.md|pillars\/|articles\/|claims\/)/;
/** Folders the pipeline reads, watched whole so new files count too. */
const FOLDERS = new Set(['articles', 'claims', 'pillars']);
/** Edits closer together than this re-run the pipeline once. */
const SETTLE_MS = 150;
/** How long stopping may take before the process exits anyway. */
const STOP_MS = 3000;

/** Starts the dev server and keeps the generated content in step with the maintainer's edits. */
export async function dev(root: string, port: number): Promise<void> {
  const problemsDir = await mkdtemp(path.join(tmpdir(), 'triangulate-dev-'));
  const problemsFile = path.join(problemsDir, 'problems.json');
  const report = (problems: readonly Problem[]) => writeFile(problemsFile, JSON.stringify(sortProblems(problems).map(forPage)));
  await report((await content(root)).problems);
  process.env['TRIANGULATE_CONTENT'] = root;
  process.env['TRIANGULATE_DEV_PROBLEMS'] = problemsFile;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  const server = await astroDev({ root: PROJECT_ROOT, server: { port } });

  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  // chokidar follows a file replaced by a rename (an atomic save) and sees new files; fs.watch loses both.
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (file) => {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (rel === '') return false;
      const [top, ...rest] = rel.split('/');
      return rest.length === 0 ? !(FOLDERS.has(top ?? '') || top === 'site.md') : !WATCHED.test(rel) || rel.endsWith('.tmp');
    },
  });
  watcher.on('all', (_event, file) => {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (!WATCHED.test(rel) || rel.endsWith('.tmp')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running
        .then(async () => {
          const result = await content(root, { quiet: true });
          await report(result.problems);
          const written = result.write?.written.length ?? 0;
          if (written > 0) console.log(`triangulate: ${rel} changed; ${written} generated files refreshed`);
          else if (!result.ok) console.error(`triangulate: ${rel} changed; the problems above are also shown on their pages`);
        })
        .catch((error: unknown) => console.error(`triangulate: the pipeline failed after ${rel} changed: ${String(error)}`));
    }, SETTLE_MS);
  });

  // Ctrl-C, `kill`, a closed terminal, or npm stopping: close the watcher and the server, then exit,
  // so no process of the dev server outlives the command.
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), STOP_MS).unref();
    clearTimeout(timer);
    clearInterval(orphaned);
    await Promise.allSettled([watcher.close(), server.stop(), rm(problemsDir, { recursive: true, force: true })]);
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
  // A shell between npm and this process may die without passing the signal on: then our parent changes.
  const parent = process.ppid;
  const orphaned = setInterval(() => {
    if (process.ppid !== parent) void stop();
  }, 500);
}

/** A problem as the site shows it: the page it concerns (a claim's, a pillar's, a source's; site.md on every page). */
function forPage(problem: Problem): DevProblem {
  const [top, name = ''] = problem.file.split('/');
  const stem = name.replace(/\.md$/, '');
  const page =
    problem.file === 'site.md'
      ? null
      : top === 'claims' || top === 'pillars'
        ? `${top}/${stem}/`
        : top === 'articles'
          ? `sources/${sourceId(name)}/`
          : '';
  return { page, text: formatProblem(problem), fatal: problem.fatal };
}
