/**
 * Which addresses may become links anywhere on the site: http(s), mailto where an address to write
 * to fits, and (in Markdown) references without a scheme, which stay on the site. Everything else
 * (`javascript:`, `data:`, `vbscript:`, …, in any case, with leading spaces or split by tabs as
 * browsers read them) is shown as text. One definition for the generator, which reports such
 * links, and for the site, which never renders them as links.
 */
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** Resolves scheme-less references, so that only an explicit scheme decides. */
const RELATIVE_BASE = 'http://relative.invalid/';

/**
 * True when `url` may be a link target. `absolute`: the url must name its own http(s) origin (an
 * article's address); otherwise a scheme-less reference is allowed. `mailto`: allow mailto:.
 */
export function isSafeLink(url: string, options: { absolute?: boolean; mailto?: boolean } = {}): boolean {
  let parsed: URL;
  try {
    // The URL parser strips what browsers strip (leading spaces and controls, tabs and newlines
    // anywhere) and lowercases the scheme, so the scheme checked is the one a browser would use.
    parsed = options.absolute ? new URL(url) : new URL(url, RELATIVE_BASE);
  } catch {
    return false;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' || (options.mailto === true && parsed.protocol === 'mailto:');
}

/** A link target for an article's address: the url when it is http(s), else null. */
export function articleHref(url: string | null | undefined): string | null {
  return typeof url === 'string' && isSafeLink(url.trim(), { absolute: true }) ? url.trim() : null;
}

/** An email address as a page links it (`mailto:` + the address): no scheme, path or space in it. */
export const EMAIL = /^[^\s@:/?#]+@[^\s@:/?#]+$/;

/** A link target for a contact (the corrections address): an http(s) address, `mailto:` an email address, else null. */
export function contactHref(contact: string | null | undefined): string | null {
  if (typeof contact !== 'string') return null;
  return articleHref(contact) ?? (EMAIL.test(contact.trim()) ? `mailto:${contact.trim()}` : null);
}

/** A Markdown link, image or link definition whose target may not become a link. */
export type UnsafeLinkNode = Link | Image | Definition;

/** The links, images and link definitions of a Markdown tree whose target is not a safe link. */
export function unsafeLinks(tree: Root): UnsafeLinkNode[] {
  const found: UnsafeLinkNode[] = [];
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'definition') && !isSafeLink(node.url, { mailto: true })) found.push(node);
    else if (node.type === 'image' && !isSafeLink(node.url)) found.push(node);
  });
  return found;
}
