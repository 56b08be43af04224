/**
 * remark plugin: renders the `:claim[sentence]{#s12 claims="a b" status="disputed"}` directives of
 * a cleaned source as anchored, status-highlighted spans that link to their claim, and keeps every
 * other piece of article text literal (stray directives and raw HTML are shown as written), and
 * shows a link whose target is not http(s) or mailto (`javascript:` and kin) as the text it was
 * written as, in every Markdown the site renders (notes, the intro, pillar bodies, sources).
 * Top-level (`#`) headings of a body become `##`: the page around it owns the `h1`.
 */
import type { PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Node } from 'unist';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { normaliseBase } from '../lib/base.ts';
import { unsafeLinks } from '../lib/safe-url.ts';
import { STATUS_INFO } from '../lib/status.ts';
import { STATUSES, type Status } from '../schema.ts';

export interface RemarkClaimsOptions {
  /** The site's base path (Astro `base`), so links work under a project path. Default `/`. */
  base?: string;
  /**
   * Where a claim's page is, or null when it has none (a hidden claim). A sentence links to the
   * first of its claims that has a page, and stays highlighted without a link when none has.
   * Default: every claim at `<base>claims/<id>/`.
   */
  claimHref?: (claimId: string) => string | null;
}

type Directive = TextDirective | LeafDirective | ContainerDirective;

/** Sentence anchors look like `s12`; anything else is not a usable anchor. */
const ANCHOR = /^s\d+$/;
const CLAIM_ID = /^[A-Za-z0-9][\w-]*$/;

export default function remarkClaims(options: RemarkClaimsOptions = {}) {
  const base = normaliseBase(options.base ?? '/');
  const claimHref = options.claimHref ?? ((id: string) => `${base}claims/${id}/`);
  return (tree: Root, file: VFile) => {
    const source = String(file.value ?? '');
    const unsafe = new Set<unknown>(unsafeLinks(tree));
    const unsafeDefinitions = new Set([...unsafe].flatMap((n) => ((n as { type: string }).type === 'definition' ? [(n as { identifier: string }).identifier] : [])));
    visit(tree, (node, index, parent) => {
      if (node.type === 'heading' && node.depth === 1) {
        // Pages own their h1; a body's top-level headings sit under it.
        node.depth = 2;
        return;
      }
      if (!parent || index === undefined) return;
      if (unsafe.has(node) || ((node.type === 'linkReference' || node.type === 'imageReference') && unsafeDefinitions.has(node.identifier))) {
        // Never a link: shown as the Markdown it was written as.
        const text = asWritten(node, source, '');
        (parent.children as RootContent[])[index] = node.type === 'definition' ? ({ type: 'paragraph', children: [text] } as RootContent) : text;
        return SKIP;
      }
      if (node.type === 'html') {
        // Article text is data, never markup: show tags as typed.
        (parent.children as RootContent[])[index] = { type: 'text', value: node.value } as Text;
        return SKIP;
      }
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      const directive = node as Directive;
      if (directive.type === 'textDirective' && directive.name === 'claim') {
        const span = claimSpan(directive, claimHref, file);
        if (span) {
          (parent.children as RootContent[])[index] = span as unknown as RootContent;
          return SKIP;
        }
      }
      (parent.children as RootContent[])[index] = literal(directive, source);
      return SKIP;
    });
  };
}

/** The `<mark id="sN">` element of a claim sentence, or null when its attributes are unusable. */
function claimSpan(node: TextDirective, claimHref: (id: string) => string | null, file: VFile): PhrasingContent | null {
  const attributes = node.attributes ?? {};
  const anchor = attributes.id ?? '';
  const ids = (attributes['claims'] ?? '').split(/\s+/).filter((id) => CLAIM_ID.test(id));
  if (!ANCHOR.test(anchor) || ids.length === 0) {
    file.message(`Unexpected claim directive without a sentence anchor (#sN) and claim ids, expected \`:claim[…]{#s12 claims="id"}\``, node, 'triangulate:claim-directive');
    return null;
  }
  const rawStatus = attributes['status'] ?? '';
  const status: Status = (STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as Status) : 'single-source';
  // The status's icon and word, so status is never shown by colour alone.
  const tag = STATUS_INFO[status];
  const url = ids.map(claimHref).find((h) => h !== null);
  const link: PhrasingContent =
    url === undefined
      ? { type: 'emphasis', data: { hName: 'span', hProperties: { className: ['claim-link'] } }, children: node.children }
      : { type: 'link', url, children: node.children, data: { hProperties: { className: ['claim-link'] } } };
  const label: PhrasingContent = {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className: ['claim-tag'] } },
    children: [
      { type: 'emphasis', data: { hName: 'span', hProperties: { ariaHidden: 'true' } }, children: [{ type: 'text', value: tag.icon }] },
      { type: 'text', value: ` ${tag.label.toLowerCase()}` },
    ],
  };
  return {
    type: 'emphasis',
    data: {
      hName: 'mark',
      hProperties: { id: anchor, className: ['claim', `claim--${status}`], dataStatus: status, dataClaims: ids.join(' ') },
    },
    children: [link, { type: 'text', value: ' ' }, label],
  };
}

/** Puts a directive back as the text it was written as (e.g. "BREAKING:Rome" in an article). */
function literal(node: Directive, source: string): RootContent {
  const text = asWritten(node, source, `:${node.name}`);
  return node.type === 'textDirective' ? text : ({ type: 'paragraph', children: [text] } as RootContent);
}

/** A node's source text as a text node (`fallback` when the tree has no positions). */
function asWritten(node: Node, source: string, fallback: string): Text {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return { type: 'text', value: start !== undefined && end !== undefined ? source.slice(start, end) : fallback };
}

