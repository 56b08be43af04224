/**
 * How alike two mentions are, and which pairs are worth comparing at all: IDF-weighted overlap of
 * content stems and stem pairs, and an inverted index over each mention's rarest shared terms so
 * that matching never compares every pair.
 */
import { SETTINGS } from '../settings.ts';
import { personKey } from '../people.ts';
import { compatible, dimension } from '../values.ts';
import type { Mention } from '../types.ts';

/** How many of a mention's rarest terms index it for candidate pairs. */
const BLOCKING_TERMS = 10;

/** Scores how alike two mentions are, from 0 (nothing shared) to 1; `weight` is a term's IDF. */
export type Similarity = ((a: Mention, b: Mention) => number) & { weight(term: string): number };

/**
 * IDF-weighted overlap of term sets, learnt from this corpus, between cosine and the overlap
 * coefficient (a short sentence wholly inside a long one scores high). A sentence that joins
 * clauses is also compared clause by clause, and the best pairing counts.
 */
export function similarity(mentions: readonly Mention[]): Similarity {
  const df = new Map<string, number>();
  for (const m of mentions) for (const t of m.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(mentions.length, 2);
  // A term no other mention has cannot be shared; it only dilutes, so it weighs less.
  const weights = new Map<string, number>();
  for (const [t, d] of df) weights.set(t, Math.log((n + 1) / d) * (d === 1 ? SETTINGS.match.uniqueTermWeight : 1));
  const weight = (t: string): number => weights.get(t) ?? Math.log(n + 1) * SETTINGS.match.uniqueTermWeight;
  const bags = new Map<readonly string[], { set: Set<string>; norm: number }>();
  const bag = (terms: readonly string[]) => {
    let b = bags.get(terms);
    if (!b) bags.set(terms, (b = { set: new Set(terms), norm: Math.sqrt(terms.reduce((sum, t) => sum + weight(t) ** 2, 0)) || 1 }));
    return b;
  };
  const overlap = (x: readonly string[], y: readonly string[]): number => {
    const bx = bag(x);
    const by = bag(y);
    const [small, large] = bx.set.size <= by.set.size ? [bx.set, by.set] : [by.set, bx.set];
    let dot = 0;
    for (const t of small) if (large.has(t)) dot += weight(t) ** 2;
    return dot / (Math.min(bx.norm, by.norm) ** 1.2 * Math.max(bx.norm, by.norm) ** 0.8);
  };
  const score = (a: Mention, b: Mention): number => {
    let best = overlap(a.terms, b.terms);
    for (const ca of a.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(ca, b.terms));
    for (const cb of b.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(a.terms, cb));
    for (const ca of a.clauses) for (const cb of b.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(ca, cb));
    return Math.min(1, best + valueBonus(a, b) + (sameSpeaker(a, b) ? SETTINGS.match.sameSpeakerBonus : 0));
  };
  return Object.assign(score, { weight });
}

/** Agreeing on a counted figure ("35 countries", "more than 30 nations") is strong evidence of one claim. */
function valueBonus(a: Mention, b: Mention): number {
  let bonus = 0;
  for (const va of a.values) {
    if (va.field !== 'figure' && va.field !== 'percent') continue;
    if (b.values.some((vb) => dimension(vb) === dimension(va) && compatible(va, vb))) bonus += SETTINGS.match.sharedFigureBonus;
  }
  return Math.min(bonus, 2 * SETTINGS.match.sharedFigureBonus);
}

/** Why two mentions may not be one claim, or null when they may. */
export function conflictBetween(a: Mention, b: Mention, sim: number): string | null {
  if (a.speaker && b.speaker && personKey(a.speaker) !== personKey(b.speaker) && (a.kind === 'quote' || b.kind === 'quote')) {
    if (sim < SETTINGS.match.differentSpeakers) return 'speakers differ';
  }
  for (const va of a.values) {
    for (const vb of b.values) {
      if (dimension(va) === dimension(vb) && !compatible(va, vb) && !b.values.some((x) => compatible(va, x) && dimension(x) === dimension(va))) {
        if (sim < SETTINGS.match.differentValues) return `${va.field} differs`;
      }
    }
  }
  return null;
}

/** Candidate pairs of mentions from different sources that share a rare term. */
export function candidatePairs(mentions: readonly Mention[]): Array<[number, number]> {
  const df = new Map<string, number>();
  for (const m of mentions) for (const t of m.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const cap = Math.max(8, Math.min(Math.ceil(mentions.length * SETTINGS.match.maxBlockingShare), SETTINGS.match.maxPostings));
  const postings = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    // A term no other mention has cannot pair anything: index the rarest shared single stems
    // (stem pairs are rarer still, and would crowd the words out of the index).
    const rare = m.terms
      .filter((t) => !t.includes('_') && (df.get(t) ?? 0) >= 2)
      .sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0) || (x < y ? -1 : 1))
      .slice(0, BLOCKING_TERMS);
    for (const t of rare) if ((df.get(t) ?? 0) <= cap) (postings.get(t) ?? postings.set(t, []).get(t))?.push(i);
  });
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] ?? 0;
        const j = list[y] ?? 0;
        const id = i * mentions.length + j;
        if (seen.has(id) || mentions[i]?.source === mentions[j]?.source) continue;
        seen.add(id);
        pairs.push([i, j]);
      }
    }
  }
  return pairs;
}


/** True when both mentions quote words of the same person. */
export function sameSpeaker(a: Mention, b: Mention): boolean {
  const quoting = (m: Mention): boolean => m.kind === 'quote' || /[«“"]/.test(m.sentence.text);
  return a.speaker !== null && b.speaker !== null && quoting(a) && quoting(b) && personKey(a.speaker) === personKey(b.speaker);
}

const termSets = new WeakMap<Mention, Set<string>>();

/** How many single stems two mentions share (stem pairs and counted-unit markers excluded), counting an agreeing figure as one. */
export function sharedTerms(a: Mention, b: Mention): number {
  let set = termSets.get(b);
  if (!set) termSets.set(b, (set = new Set(b.terms)));
  let n = 0;
  for (const t of a.terms) if (!t.includes('_') && !t.startsWith('#') && set.has(t)) n++;
  for (const va of a.values) if (va.field === 'figure' && b.values.some((vb) => dimension(vb) === dimension(va) && compatible(va, vb))) n++;
  return n;
}
