/**
 * The built fixture site as a reader's browser gets it, served under a project path: every page
 * type renders, axe-core finds no violation in light or dark mode, the Nu checker finds no HTML
 * error, reading pages load no JavaScript, text fits 320 px, an appearance link lands on its
 * highlighted sentence, and search finds a claim by one of its words.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../scripts/site.ts';
import { hasChromium, launch, SKIP_MESSAGE } from './browser.ts';
import { serve } from './serve.ts';

const FIXTURE = fileURLToPath(new URL('../site/fixture', import.meta.url));
const BASE = '/triangulate/';
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = join(fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url)));

/** One page of each type (path under the base). */
export const PAGE_TYPES: Record<string, string> = {
  home: '',
  pillar: 'pillars/security-guarantees/',
  'claim (disputed)': 'claims/pact-signed-tuesday/',
  'claim (verdict first, changed since review)': 'claims/force-after-ceasefire/',
  'claim (not yet reviewed)': 'claims/macron-historic-day/',
  'claim (orphaned)': 'claims/monitoring-by-drones/',
  'claim (merged)': 'claims/declaration-signed/',
  source: 'sources/alpha-news/',
  'source (no metadata)': 'sources/beta-wire/',
  'sources (list)': 'sources/',
  disputes: 'disputes/',
  methodology: 'methodology/',
  search: 'search/?q=declaration',
  'not found': 'no-such-page/',
};

if (!hasChromium) {
  console.warn(SKIP_MESSAGE);
  test.skip(SKIP_MESSAGE, () => {});
}

describe.skipIf(!hasChromium)('in a browser', () => {
  let out: string;
  let server: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  const url = (path: string) => `${server.origin}${BASE}${path}`;

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'triangulate-browser-'));
    await buildSite({ contentDir: FIXTURE, outDir: out, site: 'https://user.github.io', base: BASE });
    server = await serve(out, BASE);
    browser = await launch();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  async function open(path: string, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const external: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(server.origin)) external.push(r.url()); });
    await page.goto(url(path), { waitUntil: 'load' });
    expect(external, `requests to other hosts from ${path}`).toEqual([]);
    return page;
  }

  describe.each(['light', 'dark'] as const)('axe-core in %s mode', (colorScheme) => {
    test.each(Object.entries(PAGE_TYPES))('%s has no violations', async (_name, path) => {
      const page = await open(path, { colorScheme });
      if (path.startsWith('search/')) await page.waitForSelector('#results li');
      await page.emulateMedia({ colorScheme });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run(document);
        return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
      });
      expect(violations).toEqual([]);
      await page.close();
    });
  });

  test('the Nu HTML checker finds no error on any page', async () => {
    const run = promisify(execFile);
    const { stderr } = await run('java', ['-jar', VNU, '--format', 'json', '--skip-non-html', out], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stderr: string }) => ({ stderr: error.stderr }),
    );
    const messages = (JSON.parse(stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; subType?: string }> }).messages;
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal').map((m) => `${m.url.replace(`file:${out}`, '')}: ${m.message}`);
    expect(errors).toEqual([]);
  }, 120_000);

  test.each(Object.entries(PAGE_TYPES).filter(([, path]) => !path.startsWith('search/')))('%s loads no JavaScript and fits 320 px', async (_name, path) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.goto(url(path));
    expect(scripts).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([type="application/ld+json"])').length)).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);
    await page.close();
  });

  test('the print stylesheet drops navigation and search', async () => {
    const page = await open(PAGE_TYPES['claim (disputed)']!);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => [getComputedStyle(document.querySelector('.site-nav')!).display, getComputedStyle(document.querySelector('.search-form')!).display])).toEqual(['none', 'none']);
    await page.close();
  });

  test('the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await open(PAGE_TYPES['claim (disputed)']!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  test('clicking an appearance lands on the highlighted sentence, in view', async () => {
    const page = await open(PAGE_TYPES['claim (disputed)']!, { width: 390 });
    await page.click('.appearances li:nth-child(2) a');
    await page.waitForURL(/sources\/beta-wire\/#s0$/);
    const target = await page.evaluate(() => {
      const el = document.querySelector(':target');
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      const other = document.querySelector('mark.claim:not(:target)');
      return {
        id: el.id,
        text: el.textContent,
        inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
        background: getComputedStyle(el).backgroundColor,
        otherBackground: other ? getComputedStyle(other).backgroundColor : null,
        outline: getComputedStyle(el).outlineStyle,
      };
    });
    expect(target).toMatchObject({ id: 's0', inView: true, outline: 'solid' });
    expect(target!.text).toContain('Leaders met in Paris on Monday');
    expect(target!.background).not.toBe(target!.otherBackground);
    await page.close();
  });

  test.each(['light', 'dark'] as const)('in %s mode a claim page leads with its verdict, or with "Not yet reviewed", above what the sources say', async (colorScheme) => {
    const order = async (path: string) => {
      const page = await open(path, { colorScheme });
      const seen = await page.evaluate(() => {
        const box = document.querySelector('.verdict-box')!;
        const say = document.querySelector('.sources-say')!;
        const top = (el: Element) => el.getBoundingClientRect().top;
        return { lead: ((box.querySelector('.verdict-label') ?? box.querySelector('h2')) as HTMLElement).innerText, above: top(box) < top(say), boxInView: top(box) < window.innerHeight, border: getComputedStyle(box).borderTopStyle };
      });
      await page.close();
      return seen;
    };
    expect(await order(PAGE_TYPES['claim (verdict first, changed since review)']!)).toEqual({ lead: 'Verdict: Mostly accurate', above: true, boxInView: true, border: 'solid' });
    expect(await order(PAGE_TYPES['claim (not yet reviewed)']!)).toEqual({ lead: 'Not yet reviewed', above: true, boxInView: true, border: 'dashed' });
  });

  test('search finds a claim by a word of it, loading Pagefind only then', async () => {
    const page = await open('');
    await page.fill('#site-search', 'multinational');
    await page.press('#site-search', 'Enter');
    await page.waitForSelector('#results li a');
    const hrefs = await page.$$eval('#results li a', (links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(`${BASE}claims/force-after-ceasefire/`);
    expect(await page.textContent('#search-status')).toMatch(/results? for “multinational”/);
    await page.close();
  });
});
