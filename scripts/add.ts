/**
 * `npm run add -- <url or file>`: saves one article page into `content/articles/`, as fetched,
 * named after its headline, after checking that it is an article and not one already there.
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from './errors.ts';
import { ARTICLE_EXTENSIONS, MAX_ARTICLE_BYTES, declaredCharset, readArticle } from './pipeline/articles.ts';
import { hash } from './pipeline/cache.ts';
import { extractArticle } from './pipeline/html.ts';
import { foldAccents } from './pipeline/text.ts';
import { sourceId } from './pipeline/ingest.ts';

/** The article found in the input, before it is saved. */
interface Candidate {
  bytes: Uint8Array;
  /** File ending the saved copy gets: `.html`, `.md` or `.txt`. */
  extension: string;
  title: string | null;
  /** Canonical URL the page declares, else the URL it was fetched from. */
  url: string | null;
  /** Normalised article text, to recognise the same article saved under another name. */
  text: string;
}

const FETCH_TIMEOUT_MS = 30_000;
const SLUG_MAX = 80;

/** Saves an article (http(s) URL or local .html/.htm/.md/.txt file) into `<contentDir>/articles/`. */
export async function addArticle(
  input: string,
  contentDir: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<{ file: string; title: string }> {
  const candidate = /^https?:\/\//i.test(input)
    ? await fetchPage(input, options.fetch ?? globalThis.fetch, options.timeoutMs ?? FETCH_TIMEOUT_MS)
    : await readLocal(input);
  const dir = path.join(contentDir, 'articles');
  await ensureDir(contentDir, dir);
  const title = candidate.title ?? 'Untitled article';
  const slug = notReserved(slugify(candidate.title ?? '') || slugFromUrl(candidate.url) || 'article');
  const names = await refuseDuplicates(input, candidate, slug, dir);
  // The pipeline names a source by its file's id (ingest.ts sourceId), which is the slug itself;
  // a name whose id another file already has (a.txt beside a.md) gets a piece of its hash.
  const taken = new Set(names.map(sourceId));
  const name = taken.has(sourceId(`${slug}${candidate.extension}`)) ? `${slug}-${hash(candidate.bytes).slice(0, 8)}` : slug;
  const file = path.join(dir, `${name}${candidate.extension}`);
  await writeAtomically(file, candidate.bytes, input);
  return { file, title };
}

/** A file-name slug from a headline: lower case, letters and digits of any script joined by hyphens; its source id (ingest.ts) is itself. */
export function slugify(text: string): string {
  const words = foldAccents(text)
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === '' && words[0] !== undefined ? words[0].slice(0, SLUG_MAX) : slug;
}

/** Names Windows reserves for devices, with or without an extension (`con.html` cannot be made there). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** A slug that is not a reserved device name: "con" becomes "con-article". */
function notReserved(slug: string): string {
  return RESERVED.test(slug) ? `${slug}-article` : slug;
}

function slugFromUrl(url: string | null): string {
  if (url === null) return '';
  try {
    const segments = new URL(url).pathname.split('/').filter(Boolean);
    return slugify((segments.at(-1) ?? '').replace(/\.[a-z0-9]+$/i, ''));
  } catch {
    return '';
  }
}

async function fetchPage(input: string, fetcher: typeof fetch, timeoutMs: number): Promise<Candidate> {
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetcher(input, {
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5', 'user-agent': 'triangulate-add/0.1 (+fact-check microsite generator)' },
    });
  } catch (error) {
    if (signal.aborted) throw unfinished(input, timeoutMs);
    throw new UserError(`${input}: could not fetch the page (${reasonOf(error)}); check the URL and your connection, or save the page from a browser and add the file.`);
  }
  if (!response.ok) {
    throw new UserError(`${input}: the server answered ${response.status} ${response.statusText}; check the URL, or save the page from a browser and add the file.`);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type !== '' && !/\b(html|xml|text\/plain)\b/i.test(type)) {
    throw new UserError(`${input}: the server sent ${type.split(';')[0]}, not a web page; give the address of the article page itself.`);
  }
  const bytes = await readBody(input, response, signal, timeoutMs);
  const html = decode(bytes, charsetOf(type));
  const url = response.url !== '' ? response.url : input;
  return fromHtml(input, bytes, html, url);
}

async function readLocal(input: string): Promise<Candidate> {
  const extension = path.extname(input).toLowerCase();
  if (!(ARTICLE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new UserError(`${input}: expected an http(s) URL or a saved article ending in ${ARTICLE_EXTENSIONS.join(', ')}; save the page as "Web page, HTML only" or as text and add that file.`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT'
      ? `${input}: no such file; give the path of a saved article or an http(s) URL.`
      : `${input}: could not read the file (${code ?? String(error)}); check its permissions.`);
  }
  tooLarge(input, bytes);
  if (extension === '.html' || extension === '.htm') {
    return fromHtml(input, bytes, decode(bytes, null), null);
  }
  const article = readArticle('new', path.basename(input), bytes);
  const fatal = article.problems.find((p) => p.fatal);
  if (fatal !== undefined || article.blocks.length === 0) {
    throw notAnArticle(input, fatal?.message.replace(/\s*Skipped\.$/, '') ?? 'the file has no paragraphs');
  }
  return {
    bytes,
    extension: extension === '.txt' ? '.txt' : '.md',
    title: article.meta.title,
    url: article.meta.url,
    text: article.blocks.join('\n'),
  };
}

function fromHtml(input: string, bytes: Uint8Array, html: string, url: string | null): Candidate {
  const page = extractArticle(html, url === null ? {} : { url });
  if (!page.isArticle) {
    const chars = page.blocks.join(' ').length;
    const reason = html.trim() === '' ? 'the page is empty' : chars === 0 ? 'the page has no readable text' : `only ${chars} characters of text, mostly links or short lines`;
    throw notAnArticle(input, reason);
  }
  return { bytes, extension: '.html', title: page.title, url: page.url ?? url, text: page.blocks.join('\n') };
}

/**
 * The body of a response, refused by its declared length before reading, and read only up to the
 * limit: bytes are counted as decoded, so a small gzip bomb or an endless chunked body stops there.
 */
async function readBody(input: string, response: Response, signal: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  // Content-Length counts the bytes on the wire (compressed ones too: a page decodes to at least as
  // many), so it refuses early; the decoded count below decides for every other page.
  if (declared > MAX_ARTICLE_BYTES) {
    await response.body?.cancel().catch(() => undefined);
    throw new UserError(`${input}: the server says the page is ${(declared / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article; save the article page itself.`);
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_ARTICLE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new UserError(`${input}: the page is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article (reading stopped there); save the article page itself.`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (signal.aborted) throw unfinished(input, timeoutMs);
    throw new UserError(`${input}: the connection broke while reading the page (${reasonOf(error)}); try again, or save the page from a browser and add the file.`);
  }
  return Buffer.concat(chunks);
}

function unfinished(input: string, timeoutMs: number): UserError {
  return new UserError(`${input}: the server did not finish sending the page within ${timeoutMs / 1000} s; try again later, or save the page from a browser and add the file.`);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
}

function notAnArticle(input: string, reason: string): UserError {
  return new UserError(`${input}: no article text found (${reason}); save the article page itself, not a section front`);
}

function tooLarge(input: string, bytes: Uint8Array): void {
  if (bytes.length > MAX_ARTICLE_BYTES) {
    throw new UserError(`${input}: ${(bytes.length / 1048576).toFixed(1)} MB is over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article; save the article page itself.`);
  }
}

function charsetOf(contentType: string): string | null {
  return /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1] ?? null;
}

/** Decodes page bytes by the declared charset (header, then meta tag), else UTF-8. */
function decode(bytes: Uint8Array, declared: string | null): string {
  const label = declared ?? declaredCharset(bytes) ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** URLs that differ only by scheme, `www.`, a trailing slash, a fragment or tracking query are one. */
function sameUrl(a: string, b: string): boolean {
  const key = (value: string): string => {
    try {
      const url = new URL(value);
      for (const name of [...url.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/i.test(name)) url.searchParams.delete(name);
      const query = url.searchParams.toString();
      return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${query === '' ? '' : `?${query}`}`.toLowerCase();
    } catch {
      return value.trim().toLowerCase();
    }
  };
  return key(a) === key(b);
}

/** Refuses an article already saved (same URL, text or headline); returns the article files there are. */
async function refuseDuplicates(input: string, candidate: Candidate, slug: string, dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => (ARTICLE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase()));
  for (const name of names) {
    const existing = path.join('articles', name);
    // Only regular files are articles (a symlink may point anywhere, even at a device that never ends).
    const info = await lstat(path.join(dir, name));
    if (!info.isFile() || info.size > MAX_ARTICLE_BYTES) continue;
    const bytes = await readFile(path.join(dir, name));
    const extension = path.extname(name).toLowerCase();
    let url: string | null;
    let text: string;
    if (extension === '.html' || extension === '.htm') {
      const page = extractArticle(decode(bytes, null));
      url = page.url;
      text = page.blocks.join('\n');
    } else {
      const article = readArticle(name, existing, bytes);
      url = article.meta.url;
      text = article.blocks.join('\n');
    }
    if (url !== null && candidate.url !== null && sameUrl(url, candidate.url)) {
      throw new UserError(`${input}: this article is already saved as ${existing} (same canonical URL ${url}); nothing to add.`);
    }
    if (sameText(text, candidate.text)) {
      throw new UserError(`${input}: this article is already saved as ${existing} (same text); nothing to add.`);
    }
  }
  const taken = names.find((name) => path.parse(name).name === slug);
  if (taken !== undefined) {
    throw new UserError(`${input}: articles/${taken} already exists with the same headline; delete or rename it first if this is a different article.`);
  }
  return names;
}

/** Share of word 4-grams two texts must share to count as the same article (a headline or a footer may differ). */
const SAME_TEXT_OVERLAP = 0.9;

function wordGrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const grams = new Set<string>();
  for (let i = 0; i + 4 <= words.length; i++) grams.add(words.slice(i, i + 4).join(' '));
  return grams;
}

function sameText(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [small, large] = [wordGrams(a), wordGrams(b)].sort((x, y) => x.size - y.size) as [Set<string>, Set<string>];
  if (small.size < 10) return false;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size >= SAME_TEXT_OVERLAP;
}

async function ensureDir(contentDir: string, dir: string): Promise<void> {
  try {
    if (!(await stat(contentDir)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new UserError(`${contentDir}: no content folder here; run from the project root or pass the right folder with --content DIR.`);
  }
  await mkdir(dir, { recursive: true });
}

/** Writes through a temporary file, then links it into place so an existing file is never replaced. */
async function writeAtomically(file: string, bytes: Uint8Array, input: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  try {
    await link(temp, file);
    await unlink(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await unlink(temp);
      throw new UserError(`${input}: ${path.join('articles', path.basename(file))} appeared while saving; run the command again.`);
    }
    // File systems without hard links: a rename is still atomic.
    await rename(temp, file).catch(async (renameError: unknown) => {
      await unlink(temp).catch(() => undefined);
      throw renameError;
    });
  }
}
