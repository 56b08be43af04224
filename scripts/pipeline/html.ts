/**
 * HTML article extraction: the main text of a news page through Mozilla Readability over linkedom,
 * cleaned of what Readability keeps but a reader does not (captions, credits, share widgets,
 * promos, related links, tag lists), plus the metadata the page declares (JSON-LD, then meta tags).
 * Pure: takes a string, returns data; linkedom never runs page scripts.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What an HTML page says about itself and the paragraph-level text of its article. */
export interface ExtractedArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** As the page gives it, trimmed to `YYYY-MM-DD` when it parses as a date. */
  published: string | null;
  url: string | null;
  /** Paragraphs, headings, list items and quoted paragraphs, in reading order, normalised. */
  blocks: string[];
  /** False when the page has no readable article (a section front, an empty or broken file). */
  isArticle: boolean;
}

/** Less article text than this (in characters of prose) means the page is not an article. */
const MIN_ARTICLE_CHARS = 250;

/** A list of at least this many linked headings, one for every two paragraphs or more, is a section front. */
const TEASER_MIN = 3;
const TEASER_RATIO = 0.5;

/** Normalises a piece of page text: NFC, no soft hyphens or zero-width characters, one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** Extracts the readable article and its metadata from an HTML page; never throws on bad input. */
export function extractArticle(html: string, options: { url?: string } = {}): ExtractedArticle {
  const document = parseDocument(html);
  const meta = readMetadata(document, options.url ?? null);
  let blocks: string[] = [];
  /** Headings that are only a link: the teaser cards of a section front. */
  let linkedHeadings = 0;
  let readabilityMeta: { title?: string | null | undefined; byline?: string | null | undefined; siteName?: string | null | undefined; publishedTime?: string | null | undefined } = {};
  try {
    if (document.body) {
      flattenDeepNesting(document.body);
      removeClutter(document.body);
    }
    const reader = new Readability<Node>(document as unknown as Document, {
      keepClasses: true,
      serializer: (node) => node,
    });
    const result = reader.parse();
    if (result?.content) {
      readabilityMeta = result;
      const root = result.content as unknown as Element;
      removeClutter(root);
      const collected = collectBlocks(root);
      blocks = tidyHeadings(collected.blocks, [meta.title, result.title, ...meta.titles]);
      linkedHeadings = collected.linkedHeadings;
    }
  } catch {
    blocks = [];
  }
  const paragraphs = blocks.filter((block) => block.length >= 40);
  const prose = paragraphs.reduce((sum, block) => sum + block.length, 0);
  const teaserList = linkedHeadings >= TEASER_MIN && linkedHeadings >= paragraphs.length * TEASER_RATIO;
  return {
    title: meta.title ?? clean(readabilityMeta.title),
    outlet: meta.outlet ?? clean(readabilityMeta.siteName),
    author: meta.author ?? personName(readabilityMeta.byline),
    published: meta.published ?? isoDate(readabilityMeta.publishedTime),
    url: meta.url,
    blocks,
    isArticle: prose >= MIN_ARTICLE_CHARS && !teaserList,
  };
}

/** Nesting deeper than this is pathological (Readability slows down quadratically with depth). */
const MAX_DEPTH = 64;

/** Unwraps wrapper elements holding only one element and no text, when nesting is too deep. */
function flattenDeepNesting(root: Element): void {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(el.children)) stack.push([child, depth + 1]);
  }
  if (deepest <= MAX_DEPTH) return;
  for (const el of Array.from(root.querySelectorAll('div, span, section, font, center'))) {
    const only = el.children.length === 1 ? el.firstElementChild : null;
    const hasText = Array.from(el.childNodes).some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '');
    if (only !== null && !hasText && el.parentNode !== null) el.replaceWith(only);
  }
}

/** Share of control or replacement characters above which the input is binary, not a page. */
const BINARY_RATIO = 0.02;

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  const odd = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return sample.length > 0 && odd / sample.length > BINARY_RATIO;
}

function parseDocument(html: string): Document {
  let source = typeof html === 'string' && !looksBinary(html) ? html : '';
  if (!/<html[\s>]/i.test(source)) {
    source = /<body[\s>]/i.test(source) ? `<html>${source}</html>` : `<html><head></head><body>${source}</body></html>`;
  }
  return parseHTML(source).document as unknown as Document;
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = normalizeText(decodeEntities(value));
  return text === '' ? null : text;
}

function decodeEntities(value: string): string {
  if (!/&[#a-z0-9]+;/i.test(value)) return value;
  const { document } = parseHTML(`<html><body><p>${value.replace(/</g, '&lt;')}</p></body></html>`);
  return document.querySelector('p')?.textContent ?? value;
}

function personName(value: string | null | undefined): string | null {
  const text = clean(value);
  if (text === null || /^https?:\/\//i.test(text) || text.length > 120) return null;
  const name = text.replace(/^by\b[:\s]*/i, '').trim();
  return /\p{L}/u.test(name) ? name : null;
}

const TITLE_SEPARATOR = /\s+[|\-–—·:]{1,2}\s+/g;

/** A page title without the site name pages append to it ("Headline | Outlet"). */
function stripSiteName(title: string | null, outlet: string | null, headings: string[]): string | null {
  if (title === null) return null;
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const key = (text: string): string => text.toLowerCase().replace(/\.(com|org|net|co\.uk|ca|in|info)\b/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const last = key(parts.at(-1) ?? '');
  const site = outlet === null ? '' : key(outlet);
  const separators = title.match(TITLE_SEPARATOR) ?? [];
  const head = title.slice(0, title.length - (parts.at(-1) ?? '').length - (separators.at(-1) ?? '').length).trim();
  if (site !== '' && last !== '' && (site.includes(last) || last.includes(site))) return head;
  return headings.some((h) => key(h) === key(head)) ? head : title;
}

/** `YYYY-MM-DD` when the value is or starts with an ISO date or parses as a date; else as given. */
export function isoDate(value: string | null | undefined): string | null {
  const text = clean(value);
  if (text === null) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return iso[0];
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// --- Metadata -----------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface PageMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

const ARTICLE_TYPE = /(Article|^ReportageNews|^BlogPosting|^LiveBlogPosting|^Report)$/;

function readMetadata(document: Document, givenUrl: string | null): PageMeta & { titles: string[] } {
  const ld = readJsonLd(document);
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      for (const el of Array.from(document.querySelectorAll('meta'))) {
        const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
        if (name?.toLowerCase() === key) {
          const value = clean(el.getAttribute('content'));
          if (value !== null) return value;
        }
      }
    }
    return null;
  };
  const canonical = Array.from(document.querySelectorAll('link')).find((el) =>
    (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
  );
  const titleElement = clean(document.querySelector('title')?.textContent);
  const metaAuthor = metaContent('author', 'article:author', 'sailthru.author', 'parsely-author', 'dc.creator');
  const titles = [ld.title, metaContent('og:title'), metaContent('twitter:title'), titleElement].filter((t): t is string => t !== null);
  return {
    titles,
    title: stripSiteName(
      ld.title ?? metaContent('og:title', 'twitter:title', 'dc.title') ?? titleElement,
      ld.outlet ?? metaContent('og:site_name', 'application-name'),
      Array.from(document.querySelectorAll('h1')).map((h) => normalizeText(h.textContent ?? '')),
    ),
    outlet: ld.outlet ?? metaContent('og:site_name', 'application-name', 'publisher'),
    author: ld.author ?? personName(metaAuthor),
    published:
      ld.published ??
      isoDate(metaContent('article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate', 'publishdate', 'og:published_time')),
    url: absoluteUrl(ld.url, givenUrl) ?? absoluteUrl(clean(canonical?.getAttribute('href')), givenUrl) ?? absoluteUrl(metaContent('og:url'), givenUrl) ?? givenUrl,
  };
}

function absoluteUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    return null;
  }
}

function readJsonLd(document: Document): PageMeta {
  const nodes: JsonObject[] = [];
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      nodes.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph']);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    try {
      visit(JSON.parse((script.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json);
    } catch {
      // Broken JSON-LD is common; the meta tags are the fallback.
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: Json | undefined): Json | undefined => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value['@id'] === 'string') {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const types = (node: JsonObject): string[] => {
    const type = node['@type'];
    return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  };
  const article = nodes.find((node) => types(node).some((type) => ARTICLE_TYPE.test(type)));
  if (article === undefined) return { title: null, outlet: null, author: null, published: null, url: null };
  const text = (value: Json | undefined): string | null => (typeof value === 'string' ? clean(value) : null);
  const names = (value: Json | undefined): string[] => {
    const resolved = resolve(value);
    if (Array.isArray(resolved)) return resolved.flatMap((item) => names(item));
    if (typeof resolved === 'string') return [resolved];
    if (resolved !== null && typeof resolved === 'object') return typeof resolved['name'] === 'string' ? [resolved['name']] : [];
    return [];
  };
  const authors = [...new Set(names(article['author']).map((name) => personName(name)).filter((n): n is string => n !== null))];
  const mainEntity = resolve(article['mainEntityOfPage']);
  const pageUrl =
    text(article['url']) ??
    text(mainEntity) ??
    (mainEntity !== null && typeof mainEntity === 'object' && !Array.isArray(mainEntity)
      ? (text(mainEntity['url']) ?? text(mainEntity['@id']))
      : null);
  return {
    title: text(article['headline']) ?? text(article['name']),
    outlet: names(article['publisher']).map((name) => clean(name)).find((n) => n !== null) ?? null,
    author: authors.length > 0 ? authors.join(', ') : null,
    published: isoDate(text(article['datePublished']) ?? text(article['dateCreated'])),
    url: pageUrl,
  };
}

// --- Cleaning what Readability keeps --------------------------------------------------------------

/** Tags whose content is never article text, wherever they are. */
const DROP_TAGS = new Set([
  'figcaption', 'script', 'style', 'noscript', 'template', 'svg', 'button', 'input', 'select',
  'textarea', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'dialog',
]);
/** Tags of page furniture, dropped unless they hold most of the text (some pages wrap all in a form). */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'form']);

/** Words in a class or id that mark clutter inside an article body. */
const CLUTTER_WORDS = new Set([
  'caption', 'captions', 'credit', 'credits', 'byline', 'bylines', 'share', 'sharing', 'shares',
  'social', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'promo', 'promotion',
  'related', 'readmore', 'recirc', 'recirculation', 'tags', 'taglist', 'keywords', 'breadcrumb',
  'breadcrumbs', 'advert', 'advertisement', 'ad', 'ads', 'sponsored', 'outbrain', 'taboola',
  'toolbar', 'popup', 'modal', 'paywall', 'author', 'authors', 'cookie', 'cookies', 'consent',
  'gdpr', 'cta', 'timestamp', 'pubdate', 'print', 'trending', 'copyright', 'rollover', 'tooltip', 'popover', 'hovercard', 'hidden', 'comments', 'menu',
]);
const CLUTTER_PAIRS = [
  /\bread-?more\b/, /\bsign-?up\b/, /\bmore-?stories\b/, /\bsee-?also\b/, /\bmost-?(read|popular)\b/,
  /\bsr-only\b/, /\bscreen-?reader\b/, /\bvisually-?hidden\b/,
];

function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return raw
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isClutter(el: Element, scopeText: number): boolean {
  const tag = el.localName;
  if (DROP_TAGS.has(tag)) return true;
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  if (/(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute('style') ?? '')) return true;
  const words = classWords(el);
  if (isMediaCaption(el, words)) return true;
  if (METADATA_ITEMPROP.test(el.getAttribute('itemprop') ?? '') && textLength(el) < 200) return true;
  const marked =
    FURNITURE_TAGS.has(tag) ||
    words.some((word) => CLUTTER_WORDS.has(word)) ||
    CLUTTER_PAIRS.some((re) => re.test(words.join('-')));
  // Never drop a container of the article itself (a body wrapper with a misleading class).
  return marked && !holdsProse(el, scopeText);
}

/** Microdata properties of the page, not of its text: dates, authors, tags. */
const METADATA_ITEMPROP = /^(datePublished|dateModified|dateCreated|author|creator|keywords|publisher)$/i;

/** Words in a class or id that mark a picture, video or gallery box. */
const MEDIA_WORDS = new Set(['image', 'images', 'img', 'photo', 'photos', 'picture', 'media', 'figure', 'gallery', 'video', 'slideshow']);
/** Text next to a picture inside a media box is its caption or credit. */
const MEDIA_CAPTION_CHARS = 400;

function isMediaCaption(el: Element, words: string[]): boolean {
  if (!words.some((word) => MEDIA_WORDS.has(word))) return false;
  if (el.querySelector('img, picture, video') === null) return false;
  return textLength(el) < MEDIA_CAPTION_CHARS;
}

/** Paragraph text this long (about three paragraphs) is article text, whatever the class says. */
const PROSE_CHARS = 400;

function holdsProse(el: Element, scopeText: number): boolean {
  const length = textLength(el);
  if (length < PROSE_CHARS) return false;
  if (length > scopeText * 0.5) return true;
  let prose = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) {
    const pLength = textLength(p);
    if (pLength >= 80) prose += pLength;
    if (prose >= PROSE_CHARS) return true;
  }
  return false;
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

function linkTextLength(el: Element): number {
  return Array.from(el.querySelectorAll('a')).reduce((sum, a) => sum + textLength(a), 0);
}

/** A list whose items are all links: related stories, tags, "more on this". */
function isLinkList(el: Element): boolean {
  const items = Array.from(el.children).filter((child) => child.localName === 'li');
  if (items.length === 0) return false;
  return items.every((item) => {
    const length = textLength(item);
    return length === 0 || linkTextLength(item) >= length * 0.8;
  });
}

/** Drops clutter under `root`; `scopeText` is the text length that counts as "most of the page". */
function removeClutter(root: Element): void {
  const scopeText = textLength(root);
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (root.contains(el) && isClutter(el, scopeText)) el.remove();
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) if (isLinkList(list)) list.remove();
}

// --- Blocks ---------------------------------------------------------------------------------------

const BLOCK_TAGS = new Set([
  'address', 'article', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'ul', 'summary', 'caption',
]);

/** A short block that is all links ("Read more: …", share rows, a promo) is not article text. */
const LINK_LINE_MAX = 160;
/** Bylines and time stamps that Readability leaves at the top of an article. */
const BYLINE = /^(by|written by|words by)\s+\S/i;
const STAMP = /^(updated|published|posted|last updated|first published)\b/i;
/** Bare interface labels left between paragraphs. */
const LABEL = /^(advertisement|advert|sponsored( content)?|continue reading|read more|story continues below( advertisement)?)$/i;

interface Block {
  text: string;
  /** Heading level 1-6, or 0 for a paragraph or list item. */
  heading: number;
}

/**
 * Drops headings that head nothing (the "Related stories" title of a removed list) and a
 * headline repeated at the top of the body.
 */
function tidyHeadings(blocks: Block[], titles: (string | null | undefined)[]): string[] {
  const known = titles.filter((t): t is string => typeof t === 'string').map((t) => normalizeText(t).toLowerCase());
  const isTitle = (text: string): boolean => {
    const lower = text.toLowerCase();
    const similar = (a: string, b: string): boolean => a === b || (a.length >= 20 && b.length >= 20 && (a.startsWith(b) || b.startsWith(a)));
    return known.some((title) => similar(title, lower));
  };
  return blocks
    .filter((block, i) => {
      if (block.heading === 0) return true;
      if (i < 3 && isTitle(block.text)) return false;
      const next = blocks[i + 1];
      return next !== undefined && (next.heading === 0 || next.heading > block.heading);
    })
    .map((block) => block.text);
}

/** The paragraph-level texts of a cleaned article, in reading order. */
function collectBlocks(root: Element): { blocks: Block[]; linkedHeadings: number } {
  const blocks: Block[] = [];
  let linkedHeadings = 0;
  let heading = 0;
  let buffer = '';
  let linkChars = 0;
  let inList = false;
  const flush = (): void => {
    const text = normalizeText(buffer);
    const raw = buffer.replace(/\s+/g, ' ').trim().length;
    const linkOnly = !inList && raw > 0 && raw < LINK_LINE_MAX && linkChars >= raw * 0.8;
    const furniture =
      text.length < 120 && ((blocks.length < 4 && BYLINE.test(text)) || STAMP.test(text) || LABEL.test(text));
    if (linkOnly && heading > 0) linkedHeadings++;
    if (text !== '' && !linkOnly && !furniture) blocks.push({ text, heading });
    buffer = '';
    linkChars = 0;
  };
  const walk = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      buffer += value;
      if (inLink) linkChars += value.replace(/\s+/g, ' ').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (tag === 'br') {
      buffer += ' ';
      return;
    }
    if (DROP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    const wasInList = inList;
    const wasHeading = heading;
    if (block) {
      flush();
      inList = tag === 'li' || (inList && tag !== 'blockquote');
      heading = /^h[1-6]$/.test(tag) ? Number(tag.slice(1)) : 0;
    }
    for (const child of Array.from(el.childNodes)) walk(child, inLink || tag === 'a');
    if (block) {
      flush();
      inList = wasInList;
      heading = wasHeading;
    }
  };
  walk(root, false);
  flush();
  return { blocks, linkedHeadings };
}
