/**
 * The catalogue of user-facing errors. Content problems become `Problem`s with a place (file, line,
 * column, rule id) and a message that says what happened, why, and what to do; programmer and
 * configuration mistakes throw `UserError` at once.
 */
import type { Problem } from './pipeline/types.ts';
import { compareText } from '../src/lib/sort.ts';

/** A mistake in how Triangulate was called or configured; its message says how to fix it. */
export class UserError extends Error {
  override name = 'UserError';
}

/** Stable rule ids, one per kind of content problem. */
export const RULES = {
  articleEmpty: 'article-empty',
  articleBinary: 'article-binary',
  articleEncoding: 'article-encoding',
  articleTooLarge: 'article-too-large',
  articleMarkup: 'article-markup',
  articleNotArticle: 'article-not-article',
  articleNameTooLong: 'article-name-too-long',
  articleOutsideRoot: 'article-outside-root',
  frontmatterEngine: 'frontmatter-engine',
  frontmatterSyntax: 'frontmatter-syntax',
  schema: 'schema',
  unknownField: 'unknown-field',
  frontmatterComment: 'frontmatter-comment',
  frontmatterAlias: 'frontmatter-alias',
  frontmatterStart: 'frontmatter-start',
  metadataTooLong: 'metadata-too-long',
  unknownPillar: 'unknown-pillar',
  unknownVerdict: 'unknown-verdict',
  mergeMissing: 'merge-missing',
  mergeCycle: 'merge-cycle',
  duplicateId: 'duplicate-id',
  duplicateOrder: 'duplicate-order',
  orphaned: 'claim-orphaned',
  changedSinceReview: 'claim-changed-since-review',
  reviewUnpublished: 'review-unpublished',
  siteUnset: 'site-unset',
  unsafeLink: 'unsafe-link',
  metadataType: 'metadata-type',
  writeFailed: 'write-failed',
} as const;
export type RuleId = (typeof RULES)[keyof typeof RULES];

/** Makes a problem at a place in a file. */
export function problem(
  file: string,
  rule: RuleId,
  message: string,
  options: { line?: number; column?: number } = {},
): Problem {
  return {
    file,
    line: options.line ?? 1,
    column: options.column ?? 1,
    rule,
    message,
    fatal: !WARNING_RULES.has(rule),
  };
}

/** Rules that only warn: the file is still used. Every other rule stops the build or skips the article. */
export const WARNING_RULES: ReadonlySet<RuleId> = new Set([RULES.articleEncoding, RULES.duplicateOrder, RULES.orphaned, RULES.changedSinceReview, RULES.reviewUnpublished, RULES.siteUnset, RULES.unsafeLink, RULES.metadataTooLong, RULES.metadataType]);

/**
 * What to say when the operating system refuses a write (`code` is its error code): why, and what
 * to do. `changed` is false when nothing was renamed into place yet.
 */
export function writeFailedMessage(rel: string, code: string, changed: boolean): string {
  const why =
    code === 'EROFS' ? `the content root is read-only (${code}). Make it writable, or copy it to a folder you can write and pass --content DIR`
    : code === 'EACCES' || code === 'EPERM' ? `permission denied (${code}). Make the content root writable for you, or copy it to a folder you can write and pass --content DIR`
    : code === 'ENOSPC' ? `the disk is full (${code}). Free some space and run again`
    : code === 'EDQUOT' ? `your disk quota is used up (${code}). Free some space and run again`
    : code === 'ENAMETOOLONG' ? `the name is too long for the file system (${code}). Shorten the article's file name and run again`
    : `the system refused it (${code}). Check the folder and the disk, and run again`;
  return `Cannot write ${rel}: ${why}; ${changed ? 'every file is either as it was or complete' : 'nothing was changed'}.`;
}

/** Longest part of a value a message quotes: a 10 MB value must not make a 10 MB message. */
export const QUOTE_MAX = 80;

/** A value as a message quotes it: JSON, cut to QUOTE_MAX characters with "…" when longer. */
export function quote(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  if (json.length <= QUOTE_MAX) return json;
  // Never cut inside a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(json[QUOTE_MAX - 1] ?? '') ? QUOTE_MAX - 1 : QUOTE_MAX;
  return `${json.slice(0, end)}…`;
}

/**
 * Formats a problem as `file:line:column  rule-id  message`, the way linters do. Whether it is an
 * error or a warning follows from the rule (see WARNING_RULES) and the message says what happens.
 */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}  ${p.rule}  ${p.message}`;
}

/** Sorts problems by file then position, so reports are stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule),
  );
}
