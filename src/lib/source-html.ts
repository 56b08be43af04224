/**
 * A source's body as HTML, read and rendered when its page is built (the sources collection
 * keeps only frontmatter: see loaders/markdown-data.ts). The same remark plugin as every other
 * page highlights and anchors its claim sentences; each links to a claim page that exists.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkClaims from '../remark/remark-claims.ts';

/**
 * Renders a source body. `claimHref` says where a claim's page is, or null when it has none (a
 * hidden claim): a sentence links to the first of its claims with a page, or is only highlighted.
 */
export function renderSourceBody(markdown: string, claimHref: (claimId: string) => string | null): string {
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkClaims, { claimHref }).use(remarkRehype).use(rehypeStringify);
  return String(processor.processSync(markdown));
}

/** The Markdown body of `sources/<id>.md`, read when its page is built (the loader already parsed its frontmatter). */
export function readSourceBody(id: string): string {
  const root = typeof __TRIANGULATE_CONTENT__ === 'string' ? __TRIANGULATE_CONTENT__ : path.resolve('content');
  const text = readFileSync(path.join(root, 'sources', `${id}.md`), 'utf8');
  const frontmatter = extractFrontmatter(text);
  return frontmatter === undefined ? text : text.replace(`---${frontmatter}---`, '');
}
