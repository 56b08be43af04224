/**
 * What a saved web page says about itself: headline, outlet, author, date and canonical URL, from
 * JSON-LD (`NewsArticle` and kin, inside `@graph` or arrays, `@id` references followed), then meta
 * tags, then the canonical link. Pure; used by html.ts.
 */
import { parseHTML } from 'linkedom';
import { articleHref } from '../../src/lib/safe-url.ts';
import { oneLine as normalizeText } from './text.ts';

export function clean(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const text = normalizeText(decodeEntities(value));
  return text === '' ? null : text;
}

function decodeEntities(value: string): string {
  if (!/&[#a-z0-9]+;/i.test(value)) return value;
  const { document } = parseHTML(`<html><body><p>${value.replace(/</g, '&lt;')}</p></body></html>`);
  return document.querySelector('p')?.textContent ?? value;
}

export function personName(value: string | null | undefined): string | null {
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

/**
 * The page's metadata, and the first address it declares that is not http(s) (`refusedUrl`, e.g. a
 * `javascript:` canonical link): never the source's url, and reported by the caller.
 */
export function readMetadata(document: Document, givenUrl: string | null): PageMeta & { titles: string[]; refusedUrl: string | null } {
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
  const urls = [absoluteUrl(ld.url, givenUrl), absoluteUrl(canonical?.getAttribute('href')?.trim() || null, givenUrl), absoluteUrl(metaContent('og:url'), givenUrl), givenUrl].filter((u): u is string => u !== null);
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
    url: urls.find((u) => articleHref(u) !== null) ?? null,
    refusedUrl: urls.find((u) => articleHref(u) === null) ?? null,
  };
}

/** A declared address resolved against the page's own (any scheme; the caller decides); null when not a URL. */
function absoluteUrl(value: string | null, base: string | null): string | null {
  if (value === null) return null;
  try {
    return new URL(value, base ?? undefined).href;
  } catch {
    // Something before a colon reads as a scheme (`java script:`): not an address, but reported.
    return /^[^/?#]*:/.test(value) ? value : null;
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
