/** Reading a built site from disk: pages, links, scripts and weights. */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlFiles } from '../../scripts/site.ts';

export { htmlFiles };

export interface Page {
  /** Path relative to the output folder, e.g. `claims/x/index.html`. */
  file: string;
  html: string;
  document: Document;
}

export async function readPage(outDir: string, file: string): Promise<Page> {
  const html = await readFile(join(outDir, file), 'utf8');
  return { file, html, document: parseHTML(html).document as unknown as Document };
}

export async function readAllPages(outDir: string): Promise<Page[]> {
  return Promise.all((await htmlFiles(outDir)).map((f) => readPage(outDir, f)));
}

/** The site-root path a page is served at: `claims/x/index.html` → `/claims/x/`. */
function servedPath(file: string, base = '/'): string {
  return base + file.replace(/index\.html$/, '');
}

/** Gzipped bytes of the page: the HTML (styles are inlined) plus any same-site CSS/JS it loads. */
export async function pageWeight(outDir: string, page: Page, base = '/'): Promise<number> {
  let total = gzipSync(page.html).length;
  const assets = [
    ...[...page.document.querySelectorAll('link[rel="stylesheet"][href]')].map((l) => l.getAttribute('href')!),
    ...[...page.document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!),
  ];
  for (const href of assets) {
    if (!href.startsWith(base)) continue;
    total += gzipSync(await readFile(join(outDir, href.slice(base.length)))).length;
  }
  return total;
}

/**
 * Every internal link (href, action, src) of every page that does not resolve to a built file, or
 * whose `#fragment` names no element id on the target page. Returns "page → link" strings.
 */
export async function brokenLinks(outDir: string, pages: Page[], origin: string, base = '/'): Promise<string[]> {
  const byPath = new Map(pages.map((p) => [servedPath(p.file, base), p]));
  const broken: string[] = [];
  const { access } = await import('node:fs/promises');
  for (const page of pages) {
    const from = new URL(servedPath(page.file, base), origin);
    const refs = [...page.document.querySelectorAll('a[href], link[href], form[action], script[src]')].map(
      (el) => el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? '',
    );
    for (const ref of refs) {
      const url = new URL(ref, from);
      if (url.origin !== new URL(origin).origin) continue;
      const target = url.pathname.endsWith('/') ? byPath.get(url.pathname) : undefined;
      if (url.pathname.endsWith('/')) {
        if (!target) { broken.push(`${page.file} → ${ref}`); continue; }
      } else {
        if (!url.pathname.startsWith(base)) { broken.push(`${page.file} → ${ref}`); continue; }
        try { await access(join(outDir, decodeURIComponent(url.pathname.slice(base.length)))); } catch { broken.push(`${page.file} → ${ref}`); continue; }
      }
      if (url.hash.length > 1) {
        const doc = (target ?? page).document;
        if (!doc.getElementById(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page.file} → ${ref} (no such anchor)`);
      }
    }
  }
  return broken;
}
