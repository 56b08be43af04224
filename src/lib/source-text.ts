/**
 * The cleaned text of a source, as every selector of its claims counts it, rebuilt from the body of
 * `sources/<id>.md`: the text of each heading and paragraph (claim directives included), the blocks
 * joined by a blank line as the cleaner joins them. Published as `data/sources/<id>.txt`.
 */
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The cleaned text a source body was written from. */
export function cleanedText(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkDirective).parse(markdown) as Root;
  const textOf = (node: Nodes): string => {
    if (node.type === 'break') return '\n';
    // Anything but a claim directive is article text that looks like one ("BREAKING:Rome", "10:30"): as written, as the page shows it.
    if ((node.type === 'textDirective' && node.name !== 'claim') || node.type === 'leafDirective' || node.type === 'containerDirective') {
      const { start, end } = node.position ?? {};
      return start?.offset !== undefined && end?.offset !== undefined ? markdown.slice(start.offset, end.offset) : `:${node.name}`;
    }
    if ('value' in node) return node.value;
    if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
    return '';
  };
  return tree.children.map(textOf).join('\n\n');
}
