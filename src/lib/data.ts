/**
 * The site's content, loaded once per build and shared by every page (module-level cache), with
 * the maps pages need precomputed so no page scans the whole collection.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { firstSentences } from './coverage.ts';
import { compareText } from './sort.ts';
import { DEFAULT_VERDICTS, STATUSES, mergeChain, type Claim, type Site, type Source, type Verdict } from '../schema.ts';

/** A pillar of the framework, with its claims (listed ones only, in reading order). */
export interface PillarView {
  id: string;
  entry: CollectionEntry<'pillars'>;
  title: string;
  order: number;
  claims: ClaimView[];
}

/** A source article with the short name used wherever space is tight. */
export interface SourceView {
  id: string;
  entry: CollectionEntry<'sources'>;
  data: Source;
  /** Outlet when known (with the headline if the outlet has several articles), else the title. */
  name: string;
}

/** A claim as the site shows it: effective pillar resolved, sources resolved. */
export interface ClaimView {
  id: string;
  entry: CollectionEntry<'claims'>;
  data: Claim;
  /** `pillar ?? autoPillar`, or null when that pillar does not exist. */
  pillar: string | null;
  /** Listed on pillar pages, home, feed and data: not hidden and not merged. */
  listed: boolean;
  /** For a merged claim, the listed claim it finally became (following chains), or null. */
  mergedInto: string | null;
  /** Distinct sources that state it, in site source order. */
  sourceIds: string[];
  /** The first sentence (its index, the anchor `#sN`) that states it in each source. */
  firstSentence: ReadonlyMap<string, number>;
  verdict: Verdict | null;
  /** How many of `sourceIds` are independent (outlets sharing wire copy count once). */
  independent: number;
  /** True when an editor gave a verdict: only then is the claim a review (page lead, ClaimReview, feed). */
  reviewed: boolean;
}

export interface SiteData {
  site: Site;
  siteEntry: CollectionEntry<'site'> | undefined;
  pillars: PillarView[];
  pillarById: Map<string, PillarView>;
  sources: SourceView[];
  sourceById: Map<string, SourceView>;
  claims: ClaimView[];
  claimById: Map<string, ClaimView>;
  /** Listed claims in reading order. */
  listed: ClaimView[];
  /** Listed claims whose pillar is missing or unknown. */
  unassigned: ClaimView[];
  /**
   * Listed claims some source still states (not orphaned): the ones a source can leave out. Counts
   * only, overall and per pillar (`null`: no pillar), so a page never filters the whole list.
   */
  comparable: { total: number; byPillar: Map<string | null, number> };
  /** Comparable claims each source states, in reading order. */
  statedBySource: Map<string, ClaimView[]>;
  /** Comparable claims, most sources first (reading order within a tie): omissions worth listing. */
  mostCorroborated: ClaimView[];
  /** Sources, those stating the most comparable claims first (site order within a tie). */
  sourcesByReach: SourceView[];
}

let cache: Promise<SiteData> | undefined;

/** The site's data; computed on first use and reused by every page of the build. */
export function loadSiteData(): Promise<SiteData> {
  cache ??= compute();
  return cache;
}

async function compute(): Promise<SiteData> {
  const [siteEntries, pillarEntries, claimEntries, sourceEntries] = await Promise.all([
    getCollection('site'),
    getCollection('pillars'),
    getCollection('claims'),
    getCollection('sources'),
  ]);
  const siteEntry = siteEntries[0];
  const site: Site = siteEntry?.data ?? {
    title: 'Triangulate',
    description: 'Claims compared across sources.',
    publisher: null,
    published: null,
    corrections: null,
    verdicts: DEFAULT_VERDICTS,
  };
  const verdictById = new Map(site.verdicts.map((v) => [v.id, v]));

  const sortedSources = [...sourceEntries].sort((a, b) => compareText(a.id, b.id));
  const outletCount = new Map<string, number>();
  for (const s of sortedSources) if (s.data.outlet) outletCount.set(s.data.outlet, (outletCount.get(s.data.outlet) ?? 0) + 1);
  const sources: SourceView[] = sortedSources.map((entry) => ({
    id: entry.id,
    entry,
    data: entry.data,
    name: sourceName(entry.data, outletCount),
  }));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));

  const pillars: PillarView[] = [...pillarEntries]
    .sort((a, b) => a.data.order - b.data.order || compareText(a.id, b.id))
    .map((entry) => ({ id: entry.id, entry, title: entry.data.title, order: entry.data.order, claims: [] }));
  const pillarById = new Map(pillars.map((p) => [p.id, p]));

  const rawById = new Map(claimEntries.map((c) => [c.id, c]));
  const claims: ClaimView[] = claimEntries.map((entry) => {
    const data = entry.data;
    const effective = data.pillar ?? data.autoPillar;
    const firstSentence = firstSentences(data.appearances);
    const sourceIds = [...new Set([...data.sources, ...firstSentence.keys()])]
      .filter((id) => sourceById.has(id))
      .sort((a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0));
    return {
      id: entry.id,
      entry,
      data,
      pillar: effective && pillarById.has(effective) ? effective : null,
      listed: !data.hidden && !data.mergeInto,
      mergedInto: data.hidden ? null : finalTarget(entry.id, rawById),
      sourceIds,
      firstSentence,
      verdict: data.verdict ? (verdictById.get(data.verdict) ?? null) : null,
      independent: Math.min(data.independent, sourceIds.length),
      reviewed: data.verdict !== null && verdictById.has(data.verdict),
    };
  });
  claims.sort(readingOrder);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const listed = claims.filter((c) => c.listed);
  for (const claim of listed) if (claim.pillar) pillarById.get(claim.pillar)?.claims.push(claim);
  const unassigned = listed.filter((c) => c.pillar === null);

  // Linear in the claims' source lists: a source's omissions are never materialised (that is
  // sources × claims); pages derive a bounded list from these (see bounded.ts).
  const comparableClaims = listed.filter((c) => !c.data.orphaned);
  const comparable = { total: comparableClaims.length, byPillar: new Map<string | null, number>() };
  const statedBySource = new Map(sources.map((s) => [s.id, [] as ClaimView[]]));
  for (const claim of comparableClaims) {
    comparable.byPillar.set(claim.pillar, (comparable.byPillar.get(claim.pillar) ?? 0) + 1);
    for (const id of claim.sourceIds) statedBySource.get(id)?.push(claim);
  }
  const mostCorroborated = [...comparableClaims].sort((a, b) => b.sourceIds.length - a.sourceIds.length);
  const reach = (s: SourceView) => statedBySource.get(s.id)?.length ?? 0;
  const sourcesByReach = [...sources].sort((a, b) => reach(b) - reach(a));

  return {
    site, siteEntry, pillars, pillarById, sources, sourceById, claims, claimById, listed, unassigned,
    comparable, statedBySource, mostCorroborated, sourcesByReach,
  };
}

/** How many of the claims have a verdict, as "3 of 40 claims reviewed". */
export function reviewedPhrase(claims: readonly ClaimView[]): string {
  const reviewed = claims.filter((c) => c.reviewed).length;
  return `${reviewed} of ${claims.length} claim${claims.length === 1 ? '' : 's'} reviewed`;
}

/** The date a review was last touched: its latest update, else when it was first recorded. */
export function lastReviewed(claim: ClaimView): string | null {
  const review = claim.data.review;
  if (!review) return null;
  return review.updates.reduce((latest, u) => (u.date > latest ? u.date : latest), review.date);
}

/** Orphans last, then by status (solid first), then most sources, then id. */
function readingOrder(a: ClaimView, b: ClaimView): number {
  return (
    Number(a.data.orphaned) - Number(b.data.orphaned) ||
    STATUSES.indexOf(a.data.status) - STATUSES.indexOf(b.data.status) ||
    b.sourceIds.length - a.sourceIds.length ||
    compareText(a.id, b.id)
  );
}

/** Follows `mergeInto` to a claim that is neither hidden nor merged; null if none (or a cycle). */
function finalTarget(id: string, byId: Map<string, CollectionEntry<'claims'>>): string | null {
  const { chain, cycle } = mergeChain(id, (x) => byId.get(x)?.data.mergeInto);
  if (cycle !== null || chain.some((x) => !byId.has(x) || byId.get(x)?.data.hidden)) return null;
  return chain.at(-1) ?? null;
}

function sourceName(source: Source, outletCount: Map<string, number>): string {
  if (source.outlet && (outletCount.get(source.outlet) ?? 0) < 2) return source.outlet;
  const title = truncate(source.title, 60);
  return source.outlet ? `${source.outlet}: ${title}` : title;
}

/** Cuts text at a word boundary, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
