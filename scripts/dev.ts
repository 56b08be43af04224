/**
 * `npm run dev`: runs the pipeline, starts Astro's dev server on the content root, and re-runs the
 * pipeline when an article, a pillar, site.md or a claim changes, so the open page refreshes.
 */
import { watch } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dev as astroDev } from 'astro';
import { content } from './cli.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Files the pipeline reads; its own output (sources/) is not watched, so a run cannot loop. */
const WATCHED = /^(site\.md|pillars\/|articles\/|claims\/)/;

/** Starts the dev server and keeps the generated content in step with the maintainer's edits. */
export async function dev(root: string, port: number): Promise<void> {
  await content(root);
  process.env['TRIANGULATE_CONTENT'] = root;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  await astroDev({ root: PROJECT_ROOT, server: { port } });
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  watch(root, { recursive: true }, (_event, name) => {
    const rel = (name ?? '').split(path.sep).join('/');
    if (!WATCHED.test(rel) || rel.endsWith('.tmp')) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const result = await content(root, { quiet: true });
        const written = result.write?.written.length ?? 0;
        if (written > 0) console.log(`triangulate: ${rel} changed; ${written} generated files refreshed`);
      });
    }, 150);
  });
}
