/**
 * Links in what maintainers write (the site intro, pillar bodies, claim notes, the corrections
 * contact) that the site will not make links: anything but http(s) and mailto. Each is a warning
 * with its place; the site shows it as text (src/remark/remark-claims.ts, src/lib/safe-url.ts).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { contactHref, unsafeLinks } from '../../src/lib/safe-url.ts';
import { RULES, problem, quote } from '../errors.ts';
import type { CuratedFile } from './ingest.ts';
import type { Problem } from './types.ts';

/** Problems for the links of a curated file's Markdown body that may not become links. */
export function bodyLinkProblems(file: CuratedFile): Problem[] {
  // Every link that names a scheme has a colon, written or as an entity.
  if (!/[:&]/.test(file.content)) return [];
  return unsafeLinks(fromMarkdown(file.content)).map((node) =>
    problem(file.file, RULES.unsafeLink, `Unexpected link to ${quote(node.url)}: only http(s) and mailto: addresses become links, so it is shown as text. Link to an http(s) address instead.`, {
      line: file.bodyLine + (node.position?.start.line ?? 1) - 1,
      column: node.position?.start.column ?? 1,
    }),
  );
}

/** A problem when site.md's corrections contact is neither an http(s) address nor an email address. */
export function correctionsProblem(file: CuratedFile, corrections: string | null): Problem | null {
  if (corrections === null || contactHref(corrections) !== null) return null;
  return problem(file.file, RULES.unsafeLink, `Unexpected corrections contact ${quote(corrections)}: only an http(s) address or an email address becomes a link, so it is shown as text. Give a web address (https://…) or an email address.`, file.locate(['corrections']));
}
