import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addArticle, slugify } from '../scripts/add.ts';
import { UserError } from '../scripts/errors.ts';
import { sourceId } from '../scripts/pipeline/ingest.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'html');
const page = (name: string): string => readFileSync(join(FIXTURES, name, 'input.html'), 'utf8');

const ARTICLE = page('news-article-graph');
/** The same article under a new headline and without a canonical URL: only its text gives it away. */
const SAME_TEXT = ARTICLE.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '').replace(/<title>[^<]*<\/title>/, '<title>Bridge works: what changes for drivers</title>');

const routes: Record<string, { status?: number; type?: string; body: string }> = {
  '/news/harbour-bridge-repairs': { body: ARTICLE },
  '/amp/harbour-bridge-repairs': { body: ARTICLE.replace('<title>', '<title>AMP ') },
  '/copy': { body: SAME_TEXT },
  '/library': { body: page('opengraph-only') },
  '/library-follow-up': {
    body: page('opengraph-only')
      .replace('/local/library-hours', '/local/library-hours-follow-up')
      .replace(/<p>[\s\S]*<\/p>/, '<p>A week after the change, the library says evening visits have doubled, with most new visitors coming between 6 and 8 p.m. on Tuesdays and Thursdays, and it will review staffing in the spring once a full month of figures is in.</p><p>Staff from the mobile library have been moved to the evening shifts, and the mobile service now stops at eleven villages instead of fifteen, the council said in a statement on Friday.</p>'),
  },
  '/front': { body: page('not-article') },
  '/empty': { body: '' },
  '/report.pdf': { type: 'application/pdf', body: '%PDF-1.4' },
  '/gone': { status: 404, body: 'not here' },
};

let server: Server;
let base = '';
let content = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = routes[request.url ?? ''];
    response.writeHead(route?.status ?? (route ? 200 : 404), { 'content-type': route?.type ?? 'text/html; charset=utf-8' });
    response.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(async () => {
  content = await mkdtemp(join(tmpdir(), 'triangulate-add-'));
});

afterEach(async () => {
  await rm(content, { recursive: true, force: true });
});

/** The UserError an add fails with, so its message can be pinned. */
async function failure(input: string): Promise<UserError> {
  const error = await addArticle(input, content).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('addArticle from a URL', () => {
  it('saves the page exactly as fetched, named after its headline, and leaves no temporary file', async () => {
    const added = await addArticle(`${base}/news/harbour-bridge-repairs`, content);
    expect(added).toEqual({
      file: join(content, 'articles', 'harbour-bridge-to-close-for-six-weeks-of-repairs.html'),
      title: 'Harbour bridge to close for six weeks of repairs',
    });
    expect(await readFile(added.file, 'utf8')).toBe(ARTICLE);
    expect(await readdir(join(content, 'articles'))).toEqual(['harbour-bridge-to-close-for-six-weeks-of-repairs.html']);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(page('opengraph-only'), { headers: { 'content-type': 'text/html' } });
    };
    const added = await addArticle('https://gazette.example/local/library-hours', content, { fetch: fake });
    expect(seen).toEqual(['https://gazette.example/local/library-hours']);
    expect(added.title).toBe('Library extends opening hours after survey');
  });

  it('refuses an article whose canonical URL is already saved', async () => {
    await addArticle(`${base}/news/harbour-bridge-repairs`, content);
    const error = await failure(`${base}/amp/harbour-bridge-repairs`);
    expect(error.message).toBe(
      `${base}/amp/harbour-bridge-repairs: this article is already saved as articles/harbour-bridge-to-close-for-six-weeks-of-repairs.html (same canonical URL https://ledger.example/news/harbour-bridge-repairs); nothing to add.`,
    );
    expect(await readdir(join(content, 'articles'))).toHaveLength(1);
  });

  it('refuses a different article with the same headline', async () => {
    await addArticle(`${base}/library`, content);
    const error = await failure(`${base}/library-follow-up`);
    expect(error.message).toBe(
      `${base}/library-follow-up: articles/library-extends-opening-hours-after-survey.html already exists with the same headline; delete or rename it first if this is a different article.`,
    );
  });

  it('refuses the same text under another headline and URL', async () => {
    await addArticle(`${base}/news/harbour-bridge-repairs`, content);
    const error = await failure(`${base}/copy`);
    expect(error.message).toBe(
      `${base}/copy: this article is already saved as articles/harbour-bridge-to-close-for-six-weeks-of-repairs.html (same text); nothing to add.`,
    );
  });

  it('refuses a section front with the not-an-article message', async () => {
    const error = await failure(`${base}/front`);
    expect(error.message).toBe(
      `${base}/front: no article text found (the page has no readable text); save the article page itself, not a section front`,
    );
    expect(await readdir(content)).toEqual([]);
  });

  it('refuses an empty page', async () => {
    const error = await failure(`${base}/empty`);
    expect(error.message).toBe(`${base}/empty: no article text found (the page is empty); save the article page itself, not a section front`);
  });

  it('explains HTTP errors, non-HTML answers and unreachable servers', async () => {
    expect((await failure(`${base}/gone`)).message).toBe(
      `${base}/gone: the server answered 404 Not Found; check the URL, or save the page from a browser and add the file.`,
    );
    expect((await failure(`${base}/report.pdf`)).message).toBe(
      `${base}/report.pdf: the server sent application/pdf, not a web page; give the address of the article page itself.`,
    );
    expect((await failure('http://127.0.0.1:1/nothing')).message).toMatch(
      /^http:\/\/127\.0\.0\.1:1\/nothing: could not fetch the page \(.+\); check the URL and your connection/,
    );
  });
});

describe('addArticle from a file', () => {
  it('saves a local .html page and a .txt article under their headlines', async () => {
    const html = join(content, 'saved.html');
    await writeFile(html, page('opengraph-only'));
    const first = await addArticle(html, content);
    expect(first.file).toBe(join(content, 'articles', 'library-extends-opening-hours-after-survey.html'));
    const text = join(content, 'note.txt');
    await writeFile(text, 'Ferry fares frozen for a year\n\nThe ferry operator said on Monday that fares would not rise this year, after complaints from island residents about last winter\'s cancellations.\n');
    const second = await addArticle(text, content);
    expect(second).toEqual({ file: join(content, 'articles', 'ferry-fares-frozen-for-a-year.txt'), title: 'Ferry fares frozen for a year' });
  });

  it('gives two headlines in another script file names with different source ids', async () => {
    const greek = ['Ελλάδα: νέοι κανόνες για τα λιμάνια', 'Ελλάδα: κλειστά σχολεία λόγω καύσωνα'];
    const saved = [];
    for (const [i, headline] of greek.entries()) {
      const file = join(content, `greek-${i}.txt`);
      await writeFile(file, `${headline}\n\nΤο υπουργείο ανακοίνωσε τη Δευτέρα ότι ${i === 0 ? 'τα λιμάνια θα κλείνουν νωρίτερα' : 'τα σχολεία θα μείνουν κλειστά'} για μία εβδομάδα, σύμφωνα με ανακοίνωση ${i}.\n`);
      saved.push((await addArticle(file, content)).file);
    }
    const ids = saved.map((f) => sourceId(basename(f)));
    expect(new Set(ids).size).toBe(2);
    expect(basename(saved[0] ?? '')).toBe('ελλαδα-νεοι-κανονες-για-τα-λιμανια.txt');
  });

  it('refuses missing files, other file types and binary garbage', async () => {
    const missing = join(content, 'nope.html');
    expect((await failure(missing)).message).toBe(`${missing}: no such file; give the path of a saved article or an http(s) URL.`);
    expect((await failure(join(content, 'page.pdf'))).message).toMatch(/expected an http\(s\) URL or a saved article ending in \.txt, \.md/);
    const binary = join(content, 'garbage.html');
    await writeFile(binary, readFileSync(join(FIXTURES, 'binary', 'input.html')));
    expect((await failure(binary)).message).toBe(`${binary}: no article text found (the page has no readable text); save the article page itself, not a section front`);
  });

  it('creates articles/ in an existing content folder but refuses a missing content folder', async () => {
    await mkdir(join(content, 'site'));
    const html = join(content, 'saved.html');
    await writeFile(html, ARTICLE);
    await addArticle(html, content);
    expect(await readdir(join(content, 'articles'))).toEqual(['harbour-bridge-to-close-for-six-weeks-of-repairs.html']);
    const missing = join(content, 'no-such-dir');
    const error = await addArticle(html, missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/no content folder here/);
  });
});

describe('slugify', () => {
  it('makes short ASCII-friendly slugs and keeps other scripts', () => {
    expect(slugify('Café owner’s “big” rise: 20% in 2024!')).toBe('cafe-owners-big-rise-20-in-2024');
    expect(slugify('Ελλάδα: νέοι κανόνες')).toBe('ελλαδα-νεοι-κανονες');
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(80);
    expect(slugify('!!!')).toBe('');
  });
});
