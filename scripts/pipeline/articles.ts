/**
 * Turns one article file's bytes into a RawArticle: decoding, refusing what is not an article, and
 * reading each format (.txt, .md, .html) into paragraph-level blocks and declared metadata.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { LIMITS } from '../../src/schema.ts';
import { articleHref } from '../../src/lib/safe-url.ts';
import { RULES, problem, quote, type RuleId } from '../errors.ts';
import { parseFrontmatter } from '../frontmatter.ts';
import { extractArticle } from './html.ts';
import { normalizeText } from './text.ts';
import type { ArticleMeta, Problem, RawArticle } from './types.ts';

/** Largest article accepted; a larger file is almost certainly not one article. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/** File endings read as articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

const EMPTY_META: ArticleMeta = { title: null, outlet: null, author: null, url: null, published: null };

/** An article that is skipped, with the one problem that says why. */
export function skippedArticle(id: string, file: string, rule: RuleId, message: string): RawArticle {
  return { id, file, meta: EMPTY_META, hasHeadline: false, blocks: [], problems: [problem(file, rule, message)] };
}

/** Decodes and parses one article; a fatal problem means the file is skipped. `size` is the file's size when only part of it was read. */
export function readArticle(id: string, file: string, bytes: Uint8Array, size = bytes.length): RawArticle {
  const skip = (rule: RuleId, message: string): RawArticle => skippedArticle(id, file, rule, message);
  if (size > MAX_ARTICLE_BYTES) {
    return skip(RULES.articleTooLarge, `File is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_ARTICLE_BYTES / 1048576} MB limit for one article; split it or remove what is not the article. Skipped.`);
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (!utf16 && looksBinary(bytes)) {
    return skip(RULES.articleBinary, 'File is binary, not text; save the article as .txt, .md or .html. Skipped.');
  }
  const problems: Problem[] = [];
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
    if (utf16) problems.push(problem(file, RULES.articleEncoding, `File is ${utf16.toUpperCase()}; read it as such. Re-save it as UTF-8 to silence this warning.`));
  } catch {
    // A page says what it is written in; a text file is most often Windows-1252.
    const declared = /\.html?$/i.test(file) ? supportedCharset(declaredCharset(bytes)) : null;
    text = new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    const as = declared ? `${declared}, the charset the page declares` : 'Windows-1252';
    problems.push(problem(file, RULES.articleEncoding, `File is not valid UTF-8; read it as ${as}. Re-save it as UTF-8 to silence this warning.`));
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return skip(RULES.articleEmpty, 'File is empty; add the article text or delete the file. Skipped.');
  const lower = file.toLowerCase();
  const parsed = lower.endsWith('.html') || lower.endsWith('.htm') ? readHtml(text, file) : lower.endsWith('.txt') ? readText(text, file) : readMarkdown(text, file);
  const all = [...problems, ...parsed.problems];
  if (!all.some((p) => p.fatal) && parsed.blocks.length === 0) {
    all.push(problem(file, RULES.articleEmpty, 'No article text was found in the file; add the text or delete the file. Skipped.'));
  }
  return { id, file, ...parsed, problems: all };
}

/** The charset an HTML page declares in a `<meta>` tag of its first 4 KB, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

/** A charset label TextDecoder knows, other than UTF-8 (which has already failed), or null. */
function supportedCharset(label: string | null): string | null {
  if (label === null) return null;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding === 'utf-8' ? null : label;
  } catch {
    return null;
  }
}

type Parsed = Pick<RawArticle, 'meta' | 'hasHeadline' | 'blocks' | 'problems'>;

const SCRIPT = /<\s*(script|iframe|object|embed|style)\b|\bon[a-z]+\s*=\s*["']|javascript:/i;

/** Plain text: one block a line; the first line is the headline when it reads like one. */
function readText(text: string, file: string): Parsed {
  // A .txt file is never read for frontmatter, but executable frontmatter is refused all the same.
  if (/^---[ \t]*[A-Za-z]/.test(text)) {
    const refused = parseFrontmatter(text, file).problems.filter((p) => p.rule === RULES.frontmatterEngine);
    if (refused.length > 0) return { meta: EMPTY_META, hasHeadline: false, blocks: [], problems: refused };
  }
  const scripted = refuseScript(text, file);
  if (scripted) return scripted;
  const lines = splitLines(stripTags(text));
  const first = lines[0];
  const hasHeadline = first !== undefined && lines.length > 1 && isHeadline(first);
  return {
    meta: { ...EMPTY_META, title: hasHeadline ? (first ?? null) : null },
    hasHeadline,
    blocks: hasHeadline ? lines.slice(1) : lines,
    problems: [],
  };
}

/** Markdown with optional frontmatter (`title`, `outlet`, `author`, `url`, `published`). */
function readMarkdown(text: string, file: string): Parsed {
  const fm = parseFrontmatter(text, file);
  if (fm.problems.length > 0) return { meta: EMPTY_META, hasHeadline: false, blocks: [], problems: fm.problems };
  const scripted = refuseScript(fm.content, file);
  if (scripted) return scripted;
  const blocks = plainMarkdownBlocks(fm.content) ?? markdownBlocks(stripTags(fm.content));
  const problems: Problem[] = [];
  const str = (key: string): string | null => {
    const value = fm.data[key];
    if (typeof value === 'string') return value.trim() !== '' ? normalizeText(value.trim()) : null;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (value !== null && value !== undefined) problems.push(notText(file, key, value, fm.locate([key])));
    return null;
  };
  let title = str('title');
  let hasHeadline = title !== null;
  const headingFirst = /^\s*#\s/.test(fm.content);
  if (!title && blocks[0] !== undefined && (headingFirst || (blocks.length > 1 && isHeadline(blocks[0])))) {
    title = blocks.shift() ?? null;
    hasHeadline = true;
  }
  const url = str('url');
  if (url !== null && articleHref(url) === null) problems.push(unsafeUrl(file, url, fm.locate(['url'])));
  const meta = capMeta({ title, outlet: str('outlet'), author: str('author'), url: articleHref(url), published: str('published') }, file, (key) => fm.locate([key]), problems);
  return { meta, hasHeadline, blocks, problems };
}

/** An example of each metadata field, for messages. */
const META_EXAMPLES: Record<string, string> = { title: 'Council approves harbour budget', outlet: 'Reuters', author: 'Jane Doe', url: 'https://example.com/article', published: '2026-01-07' };

/** A metadata value YAML read as a number, a boolean, a list or a mapping: ignored, and reported. */
function notText(file: string, key: string, value: unknown, at: { line: number; column: number }): Problem {
  const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
  const scalar = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  const example = scalar ? String(value) : typeof first === 'string' || typeof first === 'number' ? String(first) : (META_EXAMPLES[key] ?? 'text');
  const hint = scalar ? 'put the value in quotes' : 'give one value in quotes';
  return problem(file, RULES.metadataType, `Expected ${key} to be text, received ${kind}: ${quote(value)}. It is ignored; ${hint}. Example: \`${key}: ${JSON.stringify(example)}\`.`, at);
}

/** The most characters each metadata field keeps. */
const META_LIMITS: Record<keyof ArticleMeta, number> = { title: LIMITS.title, outlet: LIMITS.name, author: LIMITS.name, url: LIMITS.url, published: LIMITS.name };

/**
 * Metadata cut to its limits, each cut reported: a 5 MB title would otherwise be on every page
 * that lists the source. An address is dropped rather than cut, since a cut one leads elsewhere.
 */
function capMeta(meta: ArticleMeta, file: string, locate: (key: string) => { line: number; column: number }, problems: Problem[]): ArticleMeta {
  const out = { ...meta };
  for (const key of Object.keys(META_LIMITS) as Array<keyof ArticleMeta>) {
    const value = out[key];
    const max = META_LIMITS[key];
    if (value === null || value.length <= max) continue;
    const cut = /[\uD800-\uDBFF]/.test(value[max - 2] ?? '') ? max - 2 : max - 1;
    out[key] = key === 'url' ? null : `${value.slice(0, cut).trimEnd()}…`;
    const what = key === 'url' ? 'so it is left out' : `so it is cut to ${max}`;
    problems.push(problem(file, RULES.metadataTooLong, `Unexpected ${key} of ${value.length.toLocaleString('en-US')} characters: over the ${max}-character limit, ${what}. Shorten it in the file.`, { line: locate(key).line, column: 1 }));
  }
  return out;
}

/** An article address that is not http(s) (`javascript:` and kin): left out, and reported. */
function unsafeUrl(file: string, url: string, at: { line: number; column: number }): Problem {
  return problem(file, RULES.unsafeLink, `Unexpected url ${quote(url)}: only an http(s) address becomes the "Original article" link, so this source has none. Give the article's http(s) address, or remove it.`, at);
}

/** The lines of a Markdown text's paragraphs and headings, as CommonMark reads them. */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  const walk = (nodes: RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'paragraph' || node.type === 'heading') {
        for (const line of splitLines(toString(node))) blocks.push(line);
      } else if ('children' in node) walk(node.children as RootContent[]);
    }
  };
  walk(fromMarkdown(markdown).children);
  return blocks;
}

/**
 * Anything CommonMark could read as more than paragraph text: escapes, code, emphasis, links, HTML
 * and entities anywhere; a marker or indentation at a line start; hard breaks; control characters.
 */
const MARKDOWN_SYNTAX = /[\\`*_[\]<>&~|]|^[^\S\n]|^[#+=-]|^\d{1,9}[.)]|[ \t]$|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/m;

/**
 * The same lines as `markdownBlocks` without parsing, for text that is only paragraphs of plain
 * words (most articles); null when the text has any Markdown syntax. `test/perf/markdown.test.ts`
 * checks the two agree.
 */
export function plainMarkdownBlocks(markdown: string): string[] | null {
  return MARKDOWN_SYNTAX.test(markdown) ? null : splitLines(markdown);
}

/** A saved web page: Readability's main text and the page's declared metadata. */
function readHtml(text: string, file: string): Parsed {
  const page = extractArticle(text);
  if (!page.isArticle) {
    return { meta: EMPTY_META, hasHeadline: false, blocks: [], problems: [problem(file, RULES.articleNotArticle, 'No article text found in the page (it may be a section front or an error page); save the article page itself. Skipped.')] };
  }
  const blocks = page.blocks.map((b) => normalizeText(b)).filter((b) => b !== '');
  const problems = page.refusedUrl === undefined ? [] : [unsafeUrl(file, page.refusedUrl, { line: lineOf(text, page.refusedUrl), column: 1 })];
  const meta = capMeta({ title: page.title, outlet: page.outlet, author: page.author, url: page.url, published: page.published }, file, () => ({ line: 1, column: 1 }), problems);
  return { meta, hasHeadline: page.title !== null, blocks, problems };
}

/** A line reads as a headline when it is short and does not end like a sentence. */
function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return line.length <= 200 && words <= 30 && !/[.:;,]["'”’»)]?$/.test(line);
}

function refuseScript(text: string, file: string): Parsed | null {
  if (!SCRIPT.test(text)) return null;
  return {
    meta: EMPTY_META,
    hasHeadline: false,
    blocks: [],
    problems: [problem(file, RULES.articleMarkup, 'Text contains script or embedded markup (<script>, <iframe>, event handlers); save the article as clean text or as the full .html page. Skipped.')],
  };
}

/** The line a page declares an address on: the first whose text, entities decoded, has its scheme. */
function lineOf(text: string, url: string): number {
  const scheme = (/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? url).toLowerCase();
  const lines = text.split('\n');
  const numeric = (_: string, hex: string, digits: string) => String.fromCodePoint(Math.min(Number.parseInt(digits, hex ? 16 : 10), 0x10ffff));
  const at = lines.findIndex((line) => line.replace(/&#(x?)([0-9a-f]{1,7});?/gi, numeric).replace(/\s+/g, '').toLowerCase().includes(scheme));
  return at + 1 || 1;
}

function stripTags(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
}

function splitLines(text: string): string[] {
  return normalizeText(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
