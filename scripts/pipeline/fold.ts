/**
 * A maintainer's `mergeInto` folds one claim into another: the claim it became is compared again
 * with the evidence of both, so its sources, status and conflicts count everything, while the
 * merged claim keeps its own page pointing there. Identification only ever sees a claim's own
 * evidence, so folding never moves an id.
 */
import { mergeChain, type Appearance } from '../../src/schema.ts';
import { compare } from './compare.ts';
import type { PreviousClaim } from './identify.ts';
import type { Cluster, DraftClaim, SegmentedArticle } from './types.ts';

const key = (a: Pick<Appearance, 'source' | 'selector'>): string => `${a.source}\u0000${a.selector.exact}`;

/** Follows `mergeInto` to the claim a chain ends at, or null (no merge, or a circle). */
export function finalTarget(id: string, mergeInto: ReadonlyMap<string, string | null>): string | null {
  const { chain, cycle } = mergeChain(id, (x) => mergeInto.get(x));
  return cycle === null ? (chain.at(-1) ?? null) : null;
}

/** Each previous claim's own evidence: what it was written with, less what claims merged into it lent it. */
export function ownEvidence(previous: readonly PreviousClaim[], mergeInto: ReadonlyMap<string, string | null>): PreviousClaim[] {
  const lent = new Map<string, Set<string>>();
  for (const p of previous) {
    const target = finalTarget(p.id, mergeInto);
    if (target === null) continue;
    const set = lent.get(target) ?? new Set<string>();
    for (const a of p.appearances) set.add(key(a));
    lent.set(target, set);
  }
  return previous.map((p) => {
    const borrowed = lent.get(p.id);
    return borrowed ? { ...p, appearances: p.appearances.filter((a) => !borrowed.has(key(a))) } : p;
  });
}

/**
 * Recompares every claim that others were merged into with the union of their clusters, in place.
 * `drafts[i]` was compared from `clusters[i]`; ids are already assigned.
 */
export function foldMerges(
  drafts: DraftClaim[],
  clusters: readonly Cluster[],
  mergeInto: ReadonlyMap<string, string | null>,
  articles: ReadonlyMap<string, SegmentedArticle>,
): void {
  const index = new Map(drafts.map((d, i) => [d.id, i]));
  const folded = new Map<number, Cluster>();
  drafts.forEach((draft, i) => {
    const target = finalTarget(draft.id, mergeInto);
    const t = target === null ? undefined : index.get(target);
    const from = clusters[i];
    if (t === undefined || !from) return;
    const into = folded.get(t) ?? clusters[t];
    if (!into) return;
    const mentions = [...new Set([...into.mentions, ...from.mentions])];
    const own = new Set(into.mentions);
    folded.set(t, { ...into, mentions, borrowed: [...into.borrowed, ...from.mentions.filter((m) => !own.has(m)).map((m) => m.key)] });
  });
  for (const [t, cluster] of folded) {
    const [fresh] = compare([cluster], articles);
    const draft = drafts[t];
    if (fresh && draft) drafts[t] = { ...fresh, id: draft.id, autoPillar: draft.autoPillar, text: draft.text, kind: draft.kind, speaker: draft.speaker };
  }
}
