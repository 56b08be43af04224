/**
 * Keeps an editor's review on what was reviewed. The first run after a claim gets a verdict or a
 * note records what the editor saw (the statement, a fingerprint of its evidence, the sources) and
 * the date; from then on the claim keeps that statement as its text, a change of its evidence marks
 * it `changedSinceReview` (a warning) until an editor confirms with `confirmed: <fingerprint>`, and
 * a change of the verdict or the note is a dated entry of its corrections trail. Pure: the date is
 * passed in.
 */
import type { Appearance, Conflict, Review } from '../../src/schema.ts';
import { RULES, problem } from '../errors.ts';
import { hash, type ClaimChanges } from './cache.ts';
import type { ClaimOut } from './render.ts';
import type { Problem } from './types.ts';
import type { ClaimFile } from './validate.ts';

/** Line of `confirmed:` in a claim file as render.ts writes it (after the `---` and the two header lines). */
export const CONFIRMED_LINE = 9;

/** A fingerprint of a claim's evidence: which sources state it, in which sentences, and its conflicts. */
export function evidenceFingerprint(appearances: readonly Pick<Appearance, 'source' | 'sentence'>[], conflicts: readonly Conflict[]): string {
  const said = [...new Set(appearances.map((a) => `${a.source}\u0000${a.sentence}`))].sort();
  const disputed = conflicts.map((c) => `${c.field}\u0000${c.values.map((v) => `${v.source}=${v.value}`).sort().join('\u0001')}`).sort();
  return hash(JSON.stringify([said, disputed])).slice(0, 12);
}

/** A fingerprint of an editor's note, blind to line endings and trailing blank space. */
export function noteFingerprint(note: string): string {
  const text = note.replace(/\r\n?/g, '\n').trimEnd();
  return text === '' ? '' : hash(text).slice(0, 12);
}

/** True when an editor has looked at the claim: it has a verdict or a note. */
export function hasReview(claim: Pick<ClaimOut, 'verdict' | 'note'>): boolean {
  return claim.verdict !== null || claim.note.trim() !== '';
}

/** What a run did to the claims, for its summary line and `npm run review`. */
export interface ClaimTally {
  /** Claims that kept the id of an existing claim file and that some source still states. */
  kept: number;
  /** Claims with a file of their own for the first time. */
  fresh: string[];
  /** Reviewed claims whose evidence changed since the review. */
  changedSinceReview: string[];
  orphaned: string[];
}

export interface ReviewContext {
  /** Each claim file as the run read it. */
  files: ReadonlyMap<string, ClaimFile>;
  /** The label of a verdict id (for the corrections trail). */
  verdictLabel: (id: string) => string;
  /** Today, YYYY-MM-DD: the date a new review or update is recorded with. */
  today: string;
  /** False for `check`: the files are not rewritten, so places are the files' own. */
  writes: boolean;
}

/** Records, keeps and checks every claim's review in place; returns the run's tally and reports changes. */
export function anchorReviews(claims: ClaimOut[], context: ReviewContext, problems: Problem[]): ClaimTally {
  const tally: ClaimTally = { kept: 0, fresh: [], changedSinceReview: [], orphaned: [] };
  for (const claim of claims) {
    const file = context.files.get(claim.id);
    if (!file) tally.fresh.push(claim.id);
    else if (claim.orphaned) tally.orphaned.push(claim.id);
    else tally.kept++;
    const current = evidenceFingerprint(claim.appearances, claim.conflicts);
    const review = nextReview(claim, file, current, context);
    claim.review = review;
    claim.changedSinceReview = review !== null && review.evidence !== current;
    if (review === null) continue;
    claim.text = review.text;
    if (!claim.changedSinceReview || claim.hidden || claim.mergeInto !== null) continue;
    tally.changedSinceReview.push(claim.id);
    const place = !context.writes && file && 'confirmed' in file.facts ? file.locate(['confirmed']) : { line: CONFIRMED_LINE, column: 1 };
    problems.push(problem(`claims/${claim.id}.md`, RULES.changedSinceReview, changedMessage(claim, review, current, place.line), place));
  }
  return tally;
}

/** The review record a claim leaves this run with: recorded when first seen, then updated. */
function nextReview(claim: ClaimOut, file: ClaimFile | undefined, current: string, context: ReviewContext): Review | null {
  const reviewed = hasReview(claim);
  const note = noteFingerprint(claim.note);
  const prior = file?.review ?? null;
  if (prior === null) {
    if (!reviewed) return null;
    // What the editor saw when writing the verdict or note: the file as the last run left it.
    const seen = file !== undefined && file.previous.text !== '' ? file : undefined;
    const appearances = seen ? seen.previous.appearances : claim.appearances;
    return {
      date: context.today,
      text: seen ? seen.previous.text : claim.text,
      evidence: seen ? evidenceFingerprint(appearances, seen.conflicts) : current,
      sources: [...new Set(appearances.map((a) => a.source))].sort(),
      verdict: claim.verdict,
      note,
      updates: [],
    };
  }
  const updates = [...prior.updates];
  const label = (id: string | null) => (id === null ? 'none' : context.verdictLabel(id));
  if (prior.verdict !== claim.verdict) {
    updates.push({ date: context.today, change: claim.verdict === null ? `Verdict ${label(prior.verdict)} withdrawn.` : prior.verdict === null ? `Verdict given: ${label(claim.verdict)}.` : `Verdict changed from ${label(prior.verdict)} to ${label(claim.verdict)}.` });
  }
  if (prior.note !== note) updates.push({ date: context.today, change: note === '' ? "Editor's note removed." : prior.note === '' ? "Editor's note added." : "Editor's note revised." });
  let { evidence, sources } = prior;
  if (claim.confirmed === current && evidence !== current) {
    evidence = current;
    sources = [...new Set(claim.appearances.map((a) => a.source))].sort();
    updates.push({ date: context.today, change: 'The sources changed; the editors checked that the review still holds.' });
  }
  return { ...prior, evidence, sources, verdict: claim.verdict, note, updates };
}

function changedMessage(claim: ClaimOut, review: Review, current: string, line: number): string {
  const now = new Set(claim.appearances.map((a) => a.source));
  const then = new Set(review.sources);
  const added = [...now].filter((s) => !then.has(s)).sort();
  const removed = [...then].filter((s) => !now.has(s)).sort();
  const what = [
    ...(added.length > 0 ? [`${added.length === 1 ? 'a source was' : 'sources were'} added (${added.join(', ')})`] : []),
    ...(removed.length > 0 ? [`${removed.length === 1 ? 'a source was' : 'sources were'} removed (${removed.join(', ')})`] : []),
    ...(added.length === 0 && removed.length === 0 ? ['a sentence or a conflict changed'] : []),
  ].join(', ');
  return `Unexpected change since review: the evidence reviewed on ${review.date} changed: ${what}. Check that the verdict and note still hold, then confirm with \`confirmed: ${current}\` in the frontmatter (line ${line}).`;
}

/** Today as YYYY-MM-DD: from SOURCE_DATE_EPOCH (seconds, as reproducible builds set it) when given, else the clock, in UTC. */
export function reviewDate(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const ms = epoch !== undefined && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : now();
  return new Date(ms).toISOString().slice(0, 10);
}

/** What a run changed against the claim files it read: new, changed (text, status or sources), merged and orphaned ids. */
export function runChanges(claims: readonly ClaimOut[], before: ReadonlyMap<string, Record<string, unknown>>, fresh: readonly string[]): ClaimChanges {
  const changes: ClaimChanges = { new: [...fresh], changed: [], merged: [], orphaned: [] };
  for (const c of claims) {
    const was = before.get(c.id);
    if (!was) continue;
    if (c.orphaned && was['orphaned'] !== true) changes.orphaned.push(c.id);
    else if (c.mergeInto !== null && (was['mergeInto'] ?? null) === null) changes.merged.push(c.id);
    else if (was['text'] !== c.text || was['status'] !== c.status || JSON.stringify(was['sources']) !== JSON.stringify(c.sources)) changes.changed.push(c.id);
  }
  return changes;
}

/**
 * What a site would publish wrong or not at all, as warnings: reviews without a publisher get no
 * ClaimReview markup; `check` also warns while no corrections contact is set.
 */
export function publicationProblems(site: { corrections: string | null; publisher: string | null } | null, claims: readonly ClaimOut[], options: { check: boolean }): Problem[] {
  if (site === null) return [];
  const out: Problem[] = [];
  const reviewed = claims.filter((c) => c.verdict !== null && !c.hidden && c.mergeInto === null).length;
  if (site.publisher === null && reviewed > 0) {
    out.push(problem('site.md', RULES.reviewUnpublished, `Unexpected missing publisher: ${reviewed} claim${reviewed === 1 ? ' has a verdict' : 's have verdicts'}, but without \`publisher:\` their pages carry no ClaimReview markup. Add \`publisher: "Your newsroom"\` to site.md.`));
  }
  if (options.check && site.corrections === null) {
    out.push(problem('site.md', RULES.siteUnset, 'Unexpected missing corrections contact: readers cannot report a mistake, and the methodology page says none is published. Add `corrections: corrections@example.org` (an email or a web address) to site.md.'));
  }
  return out;
}
