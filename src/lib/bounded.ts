/**
 * Bounded views of the lists that grow with the whole collection (silent sources, omitted claims,
 * the coverage matrix): a count and a capped excerpt, so a page's size does not grow with the site.
 * Each takes the shared, precomputed site data and touches at most the excerpt plus what the one
 * claim or source already lists.
 */
import type { Appearance, Conflict } from '../schema.ts';
import { coverageRow, type CoverageCell } from './coverage.ts';
import type { ClaimView, PillarView, SiteData, SourceView } from './data.ts';

/** Longest list of silent sources on a claim page, or of omitted claims on a source page. */
export const LIST_CAP = 10;
/** Sources the overview names (those stating the most claims); /sources/ lists them all. */
export const HOME_SOURCES = 40;
/** Sources per page of the /sources/ listing. */
export const SOURCES_PER_PAGE = 200;
/** Most claims (rows) in a coverage matrix. */
export const MATRIX_ROWS = 40;
/** Most sources (columns) in a coverage matrix. */
export const MATRIX_COLUMNS = 20;
/** Most distinct values a one-line conflict summary names. */
const CONFLICT_VALUES = 3;
/** Most distinct sentences quoted on a claim page ("What each source says"). */
const WORDINGS_CAP = 20;
/** Most sources named under one quoted sentence. */
export const NAMES_CAP = 20;
/** Most sources in a claim page's ClaimReview `appearance` list (and other wordings of a quote). */
export const APPEARANCES_CAP = 20;

/** One sentence as sources state it: the first `NAMES_CAP` places it appears, of `sources`. */
export interface Wording {
  sentence: string;
  shown: Appearance[];
  /** Distinct sources using this exact sentence. */
  sources: number;
}

/**
 * A claim's appearances grouped by exact sentence (one place per source), the sentence most
 * sources use first (first seen within a tie), capped at `wordings` sentences of `names` sources.
 */
export function appearancesByWording(
  appearances: Appearance[],
  limits: { wordings?: number; names?: number } = {},
): { wordings: Wording[]; otherWordings: number; otherSources: number } {
  const { wordings = WORDINGS_CAP, names = NAMES_CAP } = limits;
  const bySentence = new Map<string, Map<string, Appearance>>();
  for (const a of appearances) {
    const places = bySentence.get(a.sentence) ?? new Map<string, Appearance>();
    if (!places.has(a.source)) places.set(a.source, a);
    bySentence.set(a.sentence, places);
  }
  const all = [...bySentence.entries()].sort((a, b) => b[1].size - a[1].size);
  const shown = all.slice(0, wordings);
  const shownSources = new Set(shown.flatMap(([, places]) => [...places.keys()]));
  const otherSources = new Set(all.slice(wordings).flatMap(([, places]) => [...places.keys()]).filter((id) => !shownSources.has(id)));
  return {
    wordings: shown.map(([sentence, places]) => ({ sentence, shown: [...places.values()].slice(0, names), sources: places.size })),
    otherWordings: all.length - shown.length,
    otherSources: otherSources.size,
  };
}

/** How many sources do not state a claim, and the `cap` of them that state the most other claims. */
export function silentSources(
  data: Pick<SiteData, 'sources' | 'sourcesByReach'>,
  claim: Pick<ClaimView, 'sourceIds'>,
  cap = LIST_CAP,
): { total: number; shown: SourceView[] } {
  const stating = new Set(claim.sourceIds);
  const shown: SourceView[] = [];
  for (const source of data.sourcesByReach) {
    if (shown.length >= cap) break;
    if (!stating.has(source.id)) shown.push(source);
  }
  return { total: data.sources.length - stating.size, shown };
}

/** What a source leaves out: the count, the `cap` claims most sources state, and counts per pillar. */
export function omittedClaims(
  data: Pick<SiteData, 'comparable' | 'statedBySource' | 'mostCorroborated' | 'pillars'>,
  sourceId: string,
  cap = LIST_CAP,
): { total: number; shown: ClaimView[]; byPillar: Array<{ pillar: PillarView | null; count: number }> } {
  const stated = data.statedBySource.get(sourceId) ?? [];
  const statedIds = new Set(stated.map((c) => c.id));
  const shown: ClaimView[] = [];
  for (const claim of data.mostCorroborated) {
    if (shown.length >= cap) break;
    if (!statedIds.has(claim.id)) shown.push(claim);
  }
  const statedByPillar = new Map<string | null, number>();
  for (const claim of stated) statedByPillar.set(claim.pillar, (statedByPillar.get(claim.pillar) ?? 0) + 1);
  const omitted = (pillar: string | null) => (data.comparable.byPillar.get(pillar) ?? 0) - (statedByPillar.get(pillar) ?? 0);
  const byPillar = [...data.pillars.map((p) => ({ pillar: p as PillarView | null, count: omitted(p.id) })), { pillar: null, count: omitted(null) }];
  return { total: data.comparable.total - stated.length, shown, byPillar: byPillar.filter((g) => g.count > 0) };
}

/** A coverage matrix cut to size: its rows by group, its columns, and what was left out. */
export interface CoverageTable {
  groups: Array<{ title: string; rows: Array<{ claim: ClaimView; cells: CoverageCell[] }> }>;
  columns: SourceView[];
  /** Claims in the groups given, shown or not. */
  totalRows: number;
  /** Sources on the site, shown or not. */
  totalColumns: number;
}

/**
 * The `rows` claims stated by the most sources (kept in their groups and order) against all sources
 * when they fit in `columns`, else the `columns` sources stating the most of those claims (site order).
 */
export function coverageTable(
  data: Pick<SiteData, 'sources'>,
  groups: Array<{ title: string; claims: ClaimView[] }>,
  limits: { rows?: number; columns?: number } = {},
): CoverageTable {
  const { rows = MATRIX_ROWS, columns = MATRIX_COLUMNS } = limits;
  const all = groups.flatMap((g) => g.claims);
  const top = new Set([...all].sort((a, b) => b.sourceIds.length - a.sourceIds.length).slice(0, rows));
  let shownSources = data.sources;
  if (data.sources.length > columns) {
    const stated = new Map<string, number>();
    for (const claim of top) for (const id of claim.sourceIds) stated.set(id, (stated.get(id) ?? 0) + 1);
    const order = new Map(data.sources.map((s, i) => [s.id, i]));
    const chosen = new Set(
      data.sources
        .filter((s) => stated.has(s.id))
        .sort((a, b) => stated.get(b.id)! - stated.get(a.id)! || order.get(a.id)! - order.get(b.id)!)
        .slice(0, columns)
        .map((s) => s.id),
    );
    shownSources = data.sources.filter((s) => chosen.has(s.id));
  }
  const ids = shownSources.map((s) => s.id);
  return {
    groups: groups
      .map((g) => ({ title: g.title, rows: g.claims.filter((c) => top.has(c)).map((claim) => ({ claim, cells: coverageRow(claim.data, ids, claim.firstSentence) })) }))
      .filter((g) => g.rows.length > 0),
    columns: shownSources,
    totalRows: all.length,
    totalColumns: data.sources.length,
  };
}

/** How a conflicting field is named to readers. */
export const CONFLICT_FIELD_LABEL: Record<Conflict['field'], string> = {
  figure: 'Figure', percent: 'Percentage', date: 'Date', weekday: 'Day of the week', actor: 'Who',
};

/** A conflict in one line: each value with how many sources give it, most given first, at most `cap`. */
export function conflictSummary(conflict: Conflict, cap = CONFLICT_VALUES): string {
  const counts = new Map<string, number>();
  for (const v of conflict.values) counts.set(v.value, (counts.get(v.value) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const parts = ranked.slice(0, cap).map(([value, n]) => `${value} (${n} source${n === 1 ? '' : 's'})`);
  const rest = ranked.length - cap;
  if (rest > 0) parts.push(`${rest} other value${rest === 1 ? '' : 's'}`);
  return `${CONFLICT_FIELD_LABEL[conflict.field]}: ${parts.join(' · ')}`;
}
