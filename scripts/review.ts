/**
 * `npm run review`: the editors' work queue. Runs the pipeline (as `npm run content` does), then
 * lists what needs an editor, most urgent first, each item with the file and line to edit: reviewed
 * claims whose evidence changed, claims without a verdict (disputed, corroborated, single-source),
 * orphans, sources without outlet, date or address, and site settings publication needs. It ends
 * with what the run changed: new, changed, merged and orphaned claims.
 */
import type { ClaimChanges } from './pipeline/cache.ts';
import type { RunResult } from './pipeline/index.ts';
import type { ClaimOut } from './pipeline/render.ts';
import { CONFIRMED_LINE, evidenceFingerprint } from './pipeline/review.ts';

/** Line of `verdict:` in a claim file as the generator writes it. */
const VERDICT_LINE = 4;
/** How many items of a group the text report shows (`--json` has them all). */
const GROUP_CAP = 15;

export type QueueKind = 'changed-since-review' | 'disputed' | 'corroborated' | 'single-source' | 'orphaned' | 'source-metadata' | 'site-setting';

/** One thing an editor should do, with where to do it. */
export interface QueueItem {
  kind: QueueKind;
  /** The file to edit, relative to the content root, and the line. */
  file: string;
  line: number;
  /** The claim or source id, or the site setting. */
  id: string;
  /** What to do, in a sentence. */
  action: string;
  /** The claim's text or the source's title, for recognising it. */
  text: string;
}

/** What the run changed, by claim id. */
export type RunChanges = ClaimChanges;

export interface ReviewReport {
  queue: QueueItem[];
  changes: RunChanges;
}

/** Settings that come from outside the content root: the canonical origin a build would use. */
export interface ReviewEnvironment {
  siteUrl: string | undefined;
}

const VERDICT_TODO = "give each a `verdict:` from site.md's scale (or `hidden: true` if it is no claim of fact)";
const GROUPS: Array<{ kind: QueueKind; title: string; todo: string | null }> = [
  { kind: 'changed-since-review', title: 'Reviewed claims whose sources changed since the review', todo: null },
  { kind: 'disputed', title: 'Disputed claims without a verdict', todo: VERDICT_TODO },
  { kind: 'corroborated', title: 'Corroborated claims without a verdict', todo: VERDICT_TODO },
  { kind: 'single-source', title: 'Single-source claims without a verdict', todo: VERDICT_TODO },
  { kind: 'orphaned', title: 'Claims no article states any more', todo: null },
  { kind: 'source-metadata', title: 'Sources without outlet, date or address', todo: null },
  { kind: 'site-setting', title: 'Site settings missing for publication', todo: null },
];

/** Builds the queue and the run's changes from a pipeline run that wrote the content root. */
export function reviewReport(result: RunResult, env: ReviewEnvironment): ReviewReport {
  const sources = result.articles;
  const site = result.site ?? { corrections: null, publisher: null };
  const queue: QueueItem[] = [];
  const live = result.claims.filter((c) => !c.hidden && c.mergeInto === null);
  const file = (c: ClaimOut) => `claims/${c.id}.md`;
  for (const c of live.filter((x) => x.changedSinceReview)) {
    const fingerprint = evidenceFingerprint(c.appearances, c.conflicts);
    queue.push({ kind: 'changed-since-review', file: file(c), line: CONFIRMED_LINE, id: c.id, text: c.text, action: `Reviewed ${c.review?.date ?? ''}; its sources changed. Check that the verdict and note still hold, then set \`confirmed: ${fingerprint}\`.` });
  }
  for (const status of ['disputed', 'corroborated', 'single-source'] as const) {
    for (const c of live.filter((x) => !x.orphaned && x.verdict === null && x.status === status)) {
      const why = status === 'disputed' ? `sources disagree (${c.conflicts.map((k) => k.field).join(', ') || 'values'}); ` : '';
      queue.push({ kind: status, file: file(c), line: VERDICT_LINE, id: c.id, text: c.text, action: `${why}${c.sources.length} source${c.sources.length === 1 ? '' : 's'}: give it a verdict.` });
    }
  }
  for (const c of live.filter((x) => x.orphaned)) {
    const where = c.supersededBy ? ` Its evidence is now in claims/${c.supersededBy}.md.` : '';
    queue.push({ kind: 'orphaned', file: file(c), line: VERDICT_LINE + 3, id: c.id, text: c.text, action: `No article states it any more.${where} Set \`mergeInto:\` or \`hidden: true\`, or delete the file.` });
  }
  for (const s of sources) {
    const missing = [s.outlet ? null : 'outlet', s.published ? null : 'date', s.url ? null : 'address (url)'].filter((x) => x !== null);
    if (missing.length === 0) continue;
    const how = s.file.endsWith('.txt') ? ' Save it as .md with `outlet:`, `published:` and `url:` in its frontmatter.' : s.file.endsWith('.md') ? ' Add `outlet:`, `published:` and `url:` to its frontmatter.' : ' Save the page again with its metadata, or as .md with frontmatter.';
    queue.push({ kind: 'source-metadata', file: s.file, line: 1, id: s.id, text: s.title, action: `No ${missing.length > 1 ? `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}` : missing[0]}: readers cannot tell who published it or when.${how}` });
  }
  if (site.corrections === null) queue.push({ kind: 'site-setting', file: 'site.md', line: 1, id: 'corrections', text: 'Corrections contact', action: 'No corrections contact: readers cannot report a mistake. Add `corrections: corrections@example.org` (an email or a web address).' });
  if (site.publisher === null) queue.push({ kind: 'site-setting', file: 'site.md', line: 1, id: 'publisher', text: 'Publisher', action: 'No publisher: claim pages carry no ClaimReview markup. Add `publisher: "Your newsroom"`.' });
  if (!env.siteUrl || /^https?:\/\/(localhost|127\.0\.0\.1)([:/]|$)/.test(env.siteUrl)) {
    queue.push({ kind: 'site-setting', file: 'site.md', line: 1, id: 'site-url', text: 'Canonical site address', action: `Canonical URLs, the feed and the sitemap point at ${env.siteUrl ?? 'http://localhost:4321'}. Build with \`npm run build -- --site https://your.domain\` (or set SITE_URL).` });
  }
  return { queue, changes: result.changes ?? { new: [], changed: [], merged: [], orphaned: [] } };
}

/** The report as text lines. */
export function formatReport(report: ReviewReport): string[] {
  const lines: string[] = [];
  const { queue, changes } = report;
  lines.push(queue.length === 0 ? 'Nothing needs an editor.' : `${queue.length} item${queue.length === 1 ? '' : 's'} need an editor, most urgent first:`);
  for (const group of GROUPS) {
    const items = queue.filter((q) => q.kind === group.kind);
    if (items.length === 0) continue;
    lines.push('', `${group.title} (${items.length})${group.todo ? `: ${group.todo}` : ''}`);
    for (const q of items.slice(0, GROUP_CAP)) {
      if (group.todo) lines.push(`  ${q.file}:${q.line}  ${short(q.text)}  (${q.action.replace(/: give it a verdict\.$/, '')})`);
      else lines.push(`  ${q.file}:${q.line}  ${short(q.text)}`, `      ${q.action}`);
    }
    if (items.length > GROUP_CAP) lines.push(`  … and ${items.length - GROUP_CAP} more (npm run review -- --json lists every item)`);
  }
  const list = (ids: string[]) => (ids.length === 0 ? '0' : `${ids.length} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`);
  lines.push('', `Since the last run: ${list(changes.new)} new, ${list(changes.changed)} changed, ${list(changes.merged)} merged, ${list(changes.orphaned)} orphaned.`);
  return lines;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 72 ? `"${one.slice(0, 70)}…"` : `"${one}"`;
}
