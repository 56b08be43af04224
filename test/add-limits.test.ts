/**
 * `npm run add` limits (issue 12, items 7 and 9): the size limit holds by Content-Length, by decoded
 * bytes (a gzip bomb) and for a chunked body, reading stops at the limit; a body that never ends is
 * a message, not a stack trace; headlines never give Windows-reserved names; and a symlink in
 * articles/ to a file outside the content root is refused by the pipeline. Local server only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addArticle } from '../scripts/add.ts';
import { UserError } from '../scripts/errors.ts';
import { build, cleanRoots, makeRoot, printed } from './maintainer/helpers.ts';

const ARTICLE = readFileSync(join(import.meta.dirname, 'fixtures', 'html', 'news-article-graph', 'input.html'), 'utf8');
const MB = 1024 * 1024;
/** 64 MB of HTML that gzips to about 64 KB. */
const BOMB = gzipSync(Buffer.alloc(64 * MB, ' '), { level: 9 });
const sent: Record<string, number> = {};

let server: Server;
let base = '';
let content = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '';
    sent[url] = 0;
    const send = (chunk: Buffer | string): boolean => {
      sent[url] = (sent[url] ?? 0) + Buffer.byteLength(chunk);
      return response.write(chunk);
    };
    if (url === '/declared-huge') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(300 * MB) });
      send('<html>');
      return; // never sends the rest: only the header can refuse it in time
    }
    if (url === '/gzip-bomb') {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(BOMB.length) });
      response.end(BOMB);
      return;
    }
    if (url === '/chunked-huge') {
      response.writeHead(200, { 'content-type': 'text/html' }); // no length: chunked
      const chunk = Buffer.alloc(MB, 'a');
      const pump = (): void => {
        while (!response.destroyed && (sent[url] ?? 0) < 300 * MB) if (!send(chunk)) return void response.once('drain', pump);
        response.end();
      };
      pump();
      return;
    }
    if (url === '/never-ends') {
      response.writeHead(200, { 'content-type': 'text/html' });
      send(ARTICLE.slice(0, 200));
      return; // keeps the connection open, sending nothing more
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cleanRoots();
});

beforeEach(async () => {
  content = await mkdtemp(join(tmpdir(), 'triangulate-add-limits-'));
  return () => rm(content, { recursive: true, force: true });
});

async function failure(input: string, options: Parameters<typeof addArticle>[2] = {}): Promise<string> {
  const error = await addArticle(input, content, options).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('size limits of a fetched page', () => {
  it('refuses by Content-Length before reading the body', async () => {
    const started = Date.now();
    expect(await failure(`${base}/declared-huge`)).toBe(
      `${base}/declared-huge: the server says the page is 300.0 MB, over the 5 MB limit for one article; save the article page itself.`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('counts decoded bytes: a gzip bomb stops at the limit', async () => {
    const started = Date.now();
    const before = process.memoryUsage().rss;
    expect(await failure(`${base}/gzip-bomb`)).toBe(`${base}/gzip-bomb: the page is over the 5 MB limit for one article (reading stopped there); save the article page itself.`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * MB);
  });

  it('stops reading a chunked body past the limit', async () => {
    expect(await failure(`${base}/chunked-huge`)).toBe(`${base}/chunked-huge: the page is over the 5 MB limit for one article (reading stopped there); save the article page itself.`);
    await new Promise((done) => setTimeout(done, 200));
    expect(sent['/chunked-huge'] ?? 0).toBeLessThan(64 * MB);
  });

  it('a body that never ends is a message with what to do (issue item 9)', async () => {
    expect(await failure(`${base}/never-ends`, { timeoutMs: 500 })).toBe(
      `${base}/never-ends: the server did not finish sending the page within 0.5 s; try again later, or save the page from a browser and add the file.`,
    );
  });
});

describe('file names', () => {
  it('a headline such as CON or nul never gives a Windows-reserved name', async () => {
    const names: string[] = [];
    for (const [i, headline] of ['CON', 'nul', 'Com1', 'LPT9', 'aux'].entries()) {
      const file = join(content, `in-${i}.txt`);
      await writeFile(file, `${headline}\n\nThe council said on Monday that item ${i} of the budget would be reviewed after complaints from residents, who asked for a public meeting.\n`);
      names.push(basename((await addArticle(file, content)).file));
    }
    for (const name of names) expect(name.split('.')[0]?.toLowerCase()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/);
    expect(names[0]).toBe('con-article.txt');
  });
});

describe('articles/ entries that are not files of the content root', () => {
  it('a .html symlink to a file outside the content root is refused; one inside is read', async () => {
    const root = await makeRoot(['a-reuters.txt', 'b-ap.txt']);
    const outside = join(await mkdtemp(join(tmpdir(), 'triangulate-outside-')), 'passwd.html');
    await writeFile(outside, ARTICLE);
    await symlink(outside, join(root, 'articles', 'leak.html'));
    await mkdir(join(root, 'kept'));
    await writeFile(join(root, 'kept', 'page.html'), ARTICLE);
    await symlink(join(root, 'kept', 'page.html'), join(root, 'articles', 'inside.html'));
    const result = await build(root);
    expect(result.ok).toBe(true);
    expect(printed(result)).toContain('articles/leak.html:1:1  article-outside-root  File is a symbolic link to a file outside the content root; copy the article into articles/ instead. Skipped.');
    const sources = await readdir(join(root, 'sources'));
    expect(sources).not.toContain('leak.md');
    expect(sources).toContain('inside.md');
    expect(await readFile(join(root, 'sources', 'inside.md'), 'utf8')).toContain('articles/inside.html');
  });
});
