/**
 * HTML article extraction: the main text of a news page through Mozilla Readability over linkedom,
 * cleaned of what Readability keeps but a reader does not (captions, credits, share widgets,
 * promos, related links, tag lists), plus the metadata the page declares (JSON-LD, then meta tags).
 * Pure: takes a string, returns data; linkedom never runs page scripts.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { oneLine } from './text.ts';
import { clean, isoDate, personName, readMetadata } from './html-meta.ts';

export { isoDate };

/** What an HTML page says about itself and the paragraph-level text of its article. */
export interface ExtractedArticle {
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** As the page gives it, trimmed to `YYYY-MM-DD` when it parses as a date. */
  published: string | null;
  /** The page's http(s) address, never any other scheme. */
  url: string | null;
  /** The first address the page declares that is not http(s) (a `javascript:` canonical link), to report; absent when none. */
  refusedUrl?: string;
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

/** Normalises a piece of page text to one line: the pipeline's normal form, whitespace collapsed. */
export const normalizeText = oneLine;

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
      keepOwnArticleBody(document.body, [meta.title, ...meta.titles]);
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
    ...(meta.refusedUrl === null ? {} : { refusedUrl: meta.refusedUrl }),
    blocks,
    isArticle: prose >= MIN_ARTICLE_CHARS && !teaserList,
  };
}

/**
 * Pages that scroll on to the next story carry one `itemprop="articleBody"` per story, and the
 * next one is often the longer. The page's own story is the one whose article or section states
 * the page's title; failing that, the first. The other bodies are removed before Readability scores
 * the page. Paragraphs that each carry the property under one parent are one body.
 */
function keepOwnArticleBody(body: Element, titles: ReadonlyArray<string | null>): void {
  const groups = new Map<Element, Element[]>();
  for (const el of body.querySelectorAll('[itemprop~="articleBody"]') as Iterable<Element>) {
    const parent = el.parentElement ?? body;
    (groups.get(parent) ?? groups.set(parent, []).get(parent))?.push(el);
  }
  if (groups.size < 2) return;
  const wanted = titles.filter((t): t is string => t !== null && t.length > 0).map(titleKey).filter((t) => t !== '');
  const scope = (el: Element): Element => (el.closest('article, section') as Element | null) ?? el;
  const bodies = [...groups.values()];
  const own = bodies.find((list) => wanted.some((t) => titleKey(scope(list[0] as Element).textContent ?? '').includes(t))) ?? (bodies[0] as Element[]);
  const first = own[0] as Element;
  for (const list of bodies) {
    if (list === own) continue;
    for (const el of list) if (!el.contains(first) && !first.contains(el)) el.remove();
  }
}

function titleKey(text: string): string {
  return oneLine(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
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
