// @ts-check
/**
 * Triangulate's site. Configured by environment so the same project builds any content root:
 *   TRIANGULATE_CONTENT  content root (absolute path; default ./content)
 *   TRIANGULATE_OUT      output folder (default dist)
 *   SITE_URL             the site's origin, for canonical URLs, feed and sitemap (default http://localhost:4321)
 *   BASE_PATH            path the site is served under, e.g. /my-repo/ on GitHub Pages (default /)
 */
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkDirective from 'remark-directive';
import remarkClaims from './src/remark/remark-claims.ts';
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { join, resolve } from 'node:path';

const base = process.env.BASE_PATH || '/';
const contentDir = resolve(process.env.TRIANGULATE_CONTENT || 'content');

/** Ids of merged claims: their pages only point onward, so they stay out of the sitemap. */
function mergedClaims() {
  const dir = join(contentDir, 'claims');
  let files = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.md')); } catch { return new Set(); }
  // The `mergeInto` line read by the same YAML parser as the collection, so `Null` or `''` mean what they mean there.
  /** @param {string} f */
  const mergeInto = (f) => {
    const line = /^mergeInto:.*$/m.exec(readFileSync(join(dir, f), 'utf8').split(/^---\s*$/m)[1] ?? '')?.[0];
    try { return line ? /** @type {{ mergeInto?: unknown } | null} */ (yaml.load(line))?.mergeInto : null; } catch { return null; }
  };
  return new Set(files.filter((f) => {
    const target = mergeInto(f);
    return typeof target === 'string' && target !== '';
  }).map((f) => f.slice(0, -3)));
}
const merged = mergedClaims();

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  base,
  outDir: process.env.TRIANGULATE_OUT || 'dist',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  prefetch: false,
  markdown: {
    // Article text is shown as written: no smart quotes, no GFM strikethrough of "~30".
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkDirective, [remarkClaims, { base }]] }),
  },
  // The base path for src/lib/urls.ts. Not import.meta.env.BASE_URL: a host process (vitest) may
  // have set process.env.BASE_URL, which then wins over Astro's `base`.
  vite: { define: { __TRIANGULATE_BASE__: JSON.stringify(base), __TRIANGULATE_CONTENT__: JSON.stringify(contentDir) } },
  integrations: [
    sitemap({
      filter: (page) => {
        const claim = /\/claims\/([^/]+)\/$/.exec(page);
        return !/\/(404|search)\/?$/.test(page) && !(claim && merged.has(decodeURIComponent(claim[1] ?? '')));
      },
    }),
  ],
});
