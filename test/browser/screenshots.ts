/**
 * Screenshots of each page type at 390 and 1280 px, light and dark, for a human look (never
 * committed). Usage: node test/browser/screenshots.ts [contentDir] [outFolder=/tmp/triangulate-shots]
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../scripts/site.ts';
import { launch } from './browser.ts';
import { serve } from './serve.ts';

const contentDir = process.argv[2] ?? fileURLToPath(new URL('../site/fixture', import.meta.url));
const shots = process.argv[3] ?? '/tmp/triangulate-shots';
const BASE = '/triangulate/';
const out = await mkdtemp(join(tmpdir(), 'triangulate-shots-'));
await buildSite({ contentDir, outDir: out, base: BASE });
const server = await serve(out, BASE);
const browser = await launch();
await mkdir(shots, { recursive: true });
const { readdir } = await import('node:fs/promises');
const first = async (dir: string) => (await readdir(join(out, dir)).catch(() => [] as string[])).sort()[0];
const paths: Record<string, string> = {
  home: '',
  pillar: `pillars/${await first('pillars')}/`,
  claim: `claims/${process.env['SHOT_CLAIM'] ?? (await first('claims'))}/`,
  source: `sources/${await first('sources')}/`,
  disputes: 'disputes/',
  methodology: 'methodology/',
  search: 'search/?q=the',
  missing: 'no-such-page/',
};
for (const [name, path] of Object.entries(paths)) {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme });
      await page.goto(`${server.origin}${BASE}${path}`);
      if (name === 'search') await page.waitForSelector('#results li', { timeout: 5000 }).catch(() => undefined);
      await page.screenshot({ path: join(shots, `${name}-${width}-${colorScheme}.png`), fullPage: true });
      await page.close();
    }
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${shots}, site in ${out}`);
