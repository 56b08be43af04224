/**
 * The pipeline, stage by stage: ingest → validate → clean → segment → extract → match → compare →
 * classify → identify (and fold maintainers' merges) → write. Only ingest reads and only write writes.
 */
import path from 'node:path';
import type { Status } from '../../src/schema.ts';
import { withLockWhereWritable } from '../lock.ts';
import { RULES, problem } from '../errors.ts';
import { clean } from './clean.ts';
import { classify } from './classify.ts';
import { compare } from './compare.ts';
import { extract, learnPeople } from './extract.ts';
import { assemble } from './assemble.ts';
import { foldMerges, ownEvidence } from './fold.ts';
import { identify } from './identify.ts';
import { ingest } from './ingest.ts';
import { match } from './match/index.ts';
import { anchorReviews, reviewDate, runChanges, type ClaimTally } from './review.ts';
import type { ClaimChanges } from './cache.ts';
import { segment } from './segment.ts';
import { validate } from './validate.ts';
import { indexClaims, renderKeptClaim, renderKeptSource, type ClaimOut } from './render.ts';
import { WriteFailure, commit, type WriteReport } from './write.ts';
import type { FileText, Problem, SegmentedArticle } from './types.ts';

export interface RunOptions {
  /** Validate only: never write. */
  dryRun?: boolean;
  /** Called as each stage finishes, with a one-line summary. */
  progress?: (stage: string, detail: string, ms: number) => void;
  /** The date new reviews and updates are recorded with (YYYY-MM-DD); default SOURCE_DATE_EPOCH, else today. */
  today?: string;
}

export interface RunResult {
  problems: Problem[];
  /** False when a curated file has a fatal problem (nothing was written) or the disk refused a write (a write-failed problem). */
  ok: boolean;
  sources: number;
  sentences: number;
  mentions: number;
  claims: ClaimOut[];
  counts: Record<Status, number>;
  /** Kept, new, changed since review and orphaned claims (null when nothing ran). */
  tally: ClaimTally | null;
  /** The claim files as this run read them: id → generator fields and maintainer edits. */
  before: ReadonlyMap<string, Record<string, unknown>>;
  /** What this run changed in claims, or (when it changed nothing) what the last run that did changed. */
  changes: ClaimChanges | null;
  /** The sources' metadata, for the review queue. */
  articles: Array<{ id: string; file: string; title: string; outlet: string | null; published: string | null; url: string | null }>;
  /** The site settings publication needs. */
  site: { corrections: string | null; publisher: string | null } | null;
  write: WriteReport | null;
}

/** The lock folder of a content root: held by the run writing it (see scripts/lock.ts). */
export const LOCK_NAME = '.triangulate.lock';

/**
 * Runs the whole pipeline on a content root. Runs that write take the root's lock first, so two at
 * once (two `npm run content`, a dev server and a build) run one after the other.
 */
export function run(root: string, options: RunOptions = {}): Promise<RunResult> {
  if (options.dryRun) return runStages(root, options);
  return withLockWhereWritable(path.join(path.resolve(root), LOCK_NAME), () => runStages(root, options));
}

async function runStages(root: string, options: RunOptions): Promise<RunResult> {
  const timer = stageTimer(options.progress);
  const input = await ingest(root);
  timer('ingest', `${input.articles.length} articles, ${input.pillars.length} pillars, ${input.claims.length} claims`);
  const curated = validate(input);
  const problems = [...curated.problems, ...input.articles.flatMap((a) => a.problems)];
  const fatal = curated.problems.some((p) => p.fatal);
  timer('validate', fatal ? 'curated files have errors: nothing will be written' : 'curated files are valid');
  const counts: Record<Status, number> = { corroborated: 0, 'single-source': 0, disputed: 0 };
  const before = new Map(curated.claims.map((c) => [c.id, c.facts]));
  const result: RunResult = { problems, ok: !fatal, sources: 0, sentences: 0, mentions: 0, claims: [], counts, tally: null, before, changes: null, articles: [], site: null, write: null };
  if (fatal) return result;

  const usable = input.articles.filter((a) => !a.problems.some((p) => p.fatal));
  const firstIndex = new Map<string, number>();
  usable.forEach((a, i) => firstIndex.set(a.id, firstIndex.get(a.id) ?? i));
  const duplicates = new Set(usable.filter((a, i) => firstIndex.get(a.id) !== i).map((a) => a.id));
  for (const a of usable.filter((x) => duplicates.has(x.id))) {
    problems.push(problem(a.file, RULES.duplicateId, `Unexpected second article with id "${a.id}": another file in articles/ has the same name. Rename one of them. Skipped.`));
  }
  const { cache } = input;
  const cleaned = usable.filter((a) => !duplicates.has(a.id)).map((a) => cache.clean(a, clean));
  timer('clean', `${cleaned.reduce((n, a) => n + a.removed.length, 0)} clutter blocks removed`);
  const articles = cleaned.map((a) => cache.segment(a, segment));
  const byId = new Map<string, SegmentedArticle>(articles.map((a) => [a.id, a]));
  result.sources = articles.length;
  result.sentences = articles.reduce((n, a) => n + a.sentences.length, 0);
  timer('segment', `${result.sentences} sentences`);
  const people = learnPeople(articles, cache);
  const mentions = articles.flatMap((a) => cache.extract(a, people, extract));
  // A quote's sentences and a statement's clauses (partOf) are matched on their own, but counted once.
  result.mentions = mentions.filter((m) => m.partOf === undefined).length;
  timer('extract', `${result.mentions} statements and quotes`);
  const clusters = match(mentions);
  timer('match', `${clusters.length} claims`);
  const drafts = compare(clusters, byId);
  timer('compare', `${drafts.filter((d) => d.conflicts.length > 0).length} with conflicts`);
  // When the event happened is about the event itself, not one pillar of it: that claim is not
  // classified (compare gives drafts[i] for clusters[i]).
  const pillars = curated.pillars.map((p) => ({ id: p.id, order: p.order, keywords: p.keywords, text: `${p.title}\n${p.summary ?? ''}\n${p.body}` }));
  classify(drafts.filter((_, i) => !clusters[i]?.timing), pillars);
  timer('classify', `${drafts.filter((d) => d.autoPillar !== null).length} in a pillar`);
  const mergeInto = new Map(curated.claims.map((c) => [c.id, c.edits.mergeInto]));
  const carried = identify(drafts, ownEvidence(curated.claims.map((c) => c.previous), mergeInto), byId);
  foldMerges(drafts, clusters, mergeInto, byId);
  const claims = assemble(drafts, carried, curated, problems);
  const verdicts = new Map(curated.site.verdicts.map((v) => [v.id, v.label]));
  const tally = anchorReviews(claims, {
    files: new Map(curated.claims.map((c) => [c.id, c])),
    verdictLabel: (id) => verdicts.get(id) ?? id,
    today: options.today ?? reviewDate(),
    writes: !options.dryRun,
  }, problems);
  for (const c of claims) if (!c.hidden && c.mergeInto === null) counts[c.status]++;
  result.claims = claims;
  result.tally = tally;
  result.articles = articles.map((a) => ({ id: a.id, file: a.file, title: a.title, outlet: a.meta.outlet, published: a.meta.published, url: a.meta.url }));
  result.site = { corrections: curated.site.corrections, publisher: curated.site.publisher };
  const changes = runChanges(claims, before, tally.fresh);
  result.changes = options.dryRun ? changes : cache.recordChanges(changes);
  timer('identify', `${tally.kept} kept, ${tally.fresh.length} new, ${tally.changedSinceReview.length} changed since review, ${tally.orphaned.length} orphaned`);
  if (options.dryRun) return result;
  const files = new Map<string, FileText>();
  for (const c of claims) files.set(`claims/${c.id}.md`, renderKeptClaim(c, cache));
  const index = indexClaims(claims);
  for (const a of articles) files.set(`sources/${a.id}.md`, renderKeptSource(a, index, cache));
  try {
    result.write = await commit(input.root, files, ['sources'], cache);
  } catch (error) {
    // The disk refused a write (read-only, full): a problem like any other, not a stack trace.
    if (!(error instanceof WriteFailure)) throw error;
    problems.push(error.problem);
    result.ok = false;
    return result;
  }
  timer('write', `${result.write.written.length} written, ${result.write.unchanged} unchanged, ${result.write.deleted.length} removed`);
  return result;
}

function stageTimer(progress: RunOptions['progress']): (stage: string, detail: string) => void {
  let last = performance.now();
  return (stage, detail) => {
    const now = performance.now();
    progress?.(stage, detail, now - last);
    last = now;
  };
}
