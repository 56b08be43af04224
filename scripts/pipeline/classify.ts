/**
 * Gives each claim the pillar of the framework it belongs to, from the pillars' own keywords and
 * text as the content root declares them, or none when nothing fits.
 */
import { DEMONYM_STEMS, canonicalPhrases } from './lang/en/lexicon.ts';
import { SETTINGS } from './settings.ts';
import { contentStems } from './text.ts';
import type { DraftClaim } from './types.ts';

/** A pillar as the classifier needs it. */
export interface PillarTerms {
  id: string;
  order: number;
  keywords: readonly string[];
  /** The pillar's title and body, whose words count a little. */
  text: string;
}

const cache = new Map<string, string[]>();
/** Content stems of a text, memoised: pillars and repeated sentences are scored many times. */
const stems = (text: string): string[] => {
  let out = cache.get(text);
  if (!out) {
    out = contentStems(canonicalPhrases(text), DEMONYM_STEMS);
    if (cache.size > 100_000) cache.clear();
    cache.set(text, out);
  }
  return out;
};

/** Scores one claim against one pillar: keyword phrases fully present count most. */
function pillarScore(claimText: string, evidence: readonly string[], pillar: PillarTerms): number {
  const own = new Set(stems(claimText));
  const all = new Set(evidence.flatMap(stems));
  let score = 0;
  // Keywords that fold to the same stems ("monitoring", "verification") count once.
  const seen = new Set<string>();
  for (const keyword of pillar.keywords) {
    const parts = stems(keyword);
    const key = [...new Set(parts)].sort().join(' ');
    if (parts.length === 0 || seen.has(key)) continue;
    seen.add(key);
    if (parts.every((p) => own.has(p))) score += 1 + 0.5 * (parts.length - 1);
    else if (parts.every((p) => all.has(p))) score += 0.5;
  }
  // The pillar's own words break ties and catch claims no keyword names.
  const words = new Set(stems(pillar.text));
  let shared = 0;
  for (const s of own) if (words.has(s)) shared++;
  return score + 0.1 * shared;
}

/** Sets `autoPillar` on every claim: the best-scoring pillar, the lowest `order` on a tie. */
export function classify(claims: DraftClaim[], pillars: readonly PillarTerms[]): DraftClaim[] {
  const ordered = [...pillars].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  for (const claim of claims) {
    const evidence = [...new Set(claim.appearances.map((a) => a.sentence))];
    let best: { id: string; score: number } | null = null;
    for (const pillar of ordered) {
      const score = pillarScore(claim.text, evidence, pillar);
      if (score >= SETTINGS.classify.minScore && (!best || score > best.score)) best = { id: pillar.id, score };
    }
    claim.autoPillar = best?.id ?? null;
  }
  return claims;
}
