/** Which source reports a claim, reports it with a different value, or is silent about it. */
import type { Claim } from '../schema.ts';

export type CoverageState = 'agrees' | 'differs' | 'silent';

/** One cell of the claim-by-source coverage matrix. */
export interface CoverageCell {
  source: string;
  state: CoverageState;
  /** The values this source gives where sources conflict (e.g. ["Monday"]). */
  values: string[];
  /** Sentence index of the source's first appearance, for a link to it. */
  sentence: number | null;
}

export const COVERAGE_INFO: Record<CoverageState, { icon: string; label: string }> = {
  agrees: { icon: '●', label: 'Reports it' },
  differs: { icon: '≠', label: 'Reports a different detail' },
  silent: { icon: '·', label: 'Does not mention it' },
};

/**
 * A claim's coverage across `sourceIds`. A source "differs" when, on some conflicting field, its
 * value is not the one most sources give (with a tie, every value differs: nobody is the majority).
 */
export function coverageRow(
  claim: Pick<Claim, 'appearances' | 'conflicts' | 'sources'>,
  sourceIds: string[],
  firstSentence: ReadonlyMap<string, number> = firstSentences(claim.appearances),
): CoverageCell[] {
  const reporting = new Set([...claim.sources, ...firstSentence.keys()]);
  const differing = new Set<string>();
  const valuesBySource = new Map<string, string[]>();
  for (const conflict of claim.conflicts) {
    const counts = new Map<string, number>();
    for (const v of conflict.values) counts.set(v.value, (counts.get(v.value) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const majority = ranked.length > 1 && ranked[0]![1] > ranked[1]![1] ? ranked[0]![0] : null;
    for (const v of conflict.values) {
      (valuesBySource.get(v.source) ?? valuesBySource.set(v.source, []).get(v.source))?.push(v.value);
      if (v.value !== majority) differing.add(v.source);
    }
  }
  return sourceIds.map((source) => ({
    source,
    state: !reporting.has(source) ? 'silent' : differing.has(source) ? 'differs' : 'agrees',
    values: valuesBySource.get(source) ?? [],
    sentence: firstSentence.get(source) ?? null,
  }));
}

/** The first sentence (its index) that states a claim in each source. */
export function firstSentences(appearances: ReadonlyArray<{ source: string; index: number }>): Map<string, number> {
  const first = new Map<string, number>();
  for (const a of appearances) if (!first.has(a.source)) first.set(a.source, a.index);
  return first;
}
