/**
 * Gives every claim a stable id. A claim keeps the id of the existing claim whose evidence (source
 * and exact words) it shares most, then whose text it repeats; only a new claim gets a new id, a
 * slug of its words. Existing claims nothing matched are never dropped: they are re-anchored where
 * their words can still be found (exact quote, then prefix and suffix, then a fuzzy match, as
 * annotation tools re-attach highlights), or kept as orphaned, pointing to the claim that took
 * over their evidence when there is one.
 */
import type { Appearance } from '../../src/schema.ts';
import { selectorAt } from './compare.ts';
import { contentStems, fold, isStopword, words } from './text.ts';
import type { DraftClaim, SegmentedArticle } from './types.ts';

/** What the previous run wrote for a claim: its id and the evidence it had. */
export interface PreviousClaim {
  id: string;
  text: string;
  appearances: readonly Appearance[];
}

/** A claim carried over from the previous run that no current claim took the place of. */
export interface CarriedClaim {
  id: string;
  appearances: Appearance[];
  orphaned: boolean;
  supersededBy: string | null;
  /** Where an orphaned claim was last found. */
  lastSeen: Appearance[];
}

const evidenceKey = (a: Pick<Appearance, 'source' | 'selector'>): string => `${a.source}\u0000${a.selector.exact}`;

/** Assigns ids in place and returns the previous claims that were not matched. */
export function identify(
  drafts: DraftClaim[],
  previous: readonly PreviousClaim[],
  articles: ReadonlyMap<string, SegmentedArticle>,
): CarriedClaim[] {
  const byEvidence = new Map<string, string[]>();
  for (const p of previous) {
    for (const a of p.appearances) {
      const key = evidenceKey(a);
      const ids = byEvidence.get(key);
      if (ids) ids.push(p.id);
      else byEvidence.set(key, [p.id]);
    }
  }
  const pairs: Array<{ d: number; id: string; overlap: number; same: number }> = [];
  const textOf = new Map(previous.map((p) => [p.id, normalise(p.text)]));
  drafts.forEach((draft, d) => {
    const counts = new Map<string, number>();
    for (const a of draft.appearances) for (const id of byEvidence.get(evidenceKey(a)) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // A claim split in two keeps its id on the part that still says what it said.
    for (const [id, overlap] of counts) pairs.push({ d, id, overlap, same: textOf.get(id) === normalise(draft.text) ? 1 : 0 });
  });
  pairs.sort((a, b) => b.overlap - a.overlap || b.same - a.same || a.d - b.d || (a.id < b.id ? -1 : 1));
  const taken = new Set<string>();
  for (const { d, id } of pairs) {
    const draft = drafts[d];
    if (!draft || draft.id !== '' || taken.has(id)) continue;
    draft.id = id;
    taken.add(id);
  }
  // A claim whose evidence moved (an edited article) is still found by its words.
  const byText = new Map(previous.map((p) => [normalise(p.text), p.id]));
  for (const draft of drafts) {
    const id = byText.get(normalise(draft.text));
    if (draft.id === '' && id !== undefined && !taken.has(id)) {
      draft.id = id;
      taken.add(id);
    }
  }
  // A claim whose sentence was edited ("101 people" → "106 people") is found by re-anchoring its old
  // words: the new claim its evidence now lands on is that claim, with the words it cites now.
  edited(drafts, previous.filter((p) => !taken.has(p.id)), articles, taken);
  const used = new Set([...previous.map((p) => p.id), ...taken]);
  for (const draft of drafts) {
    if (draft.id !== '') continue;
    draft.id = uniqueSlug(slug(draft.text), used);
    used.add(draft.id);
  }
  // Which claim now holds a piece of evidence: the first draft (in order) that has it.
  const holder = new Map<string, string>();
  for (const d of drafts) for (const a of d.appearances) if (!holder.has(evidenceKey(a))) holder.set(evidenceKey(a), d.id);
  return previous
    .filter((p) => !taken.has(p.id))
    .map((p) => {
      // Reworded evidence a current claim holds is that claim's: an old claim re-anchored onto it
      // would cite words other than its own (its exact words, still stated, it keeps).
      const takenBy: string[] = [];
      const appearances = p.appearances.flatMap((a) => {
        const at = reanchor(a, articles.get(a.source));
        const by = at && at.selector.exact !== a.selector.exact ? holder.get(evidenceKey(at)) : undefined;
        if (by !== undefined) takenBy.push(by);
        return at && by === undefined ? [at] : [];
      });
      const successor = [...p.appearances.map((a) => holder.get(evidenceKey(a))), ...takenBy].find((id) => id !== undefined);
      const orphaned = appearances.length === 0;
      return { id: p.id, appearances, orphaned, supersededBy: successor ?? null, lastSeen: orphaned ? [...p.appearances] : [] };
    });
}

/**
 * Gives id-less drafts the id of an unmatched previous claim whose old appearances re-anchor onto
 * their evidence, most shared evidence first (the claim was edited in its article).
 */
function edited(drafts: DraftClaim[], rest: readonly PreviousClaim[], articles: ReadonlyMap<string, SegmentedArticle>, taken: Set<string>): void {
  const waiting = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (d.id === '') for (const a of d.appearances) if (!waiting.has(evidenceKey(a))) waiting.set(evidenceKey(a), i);
  });
  if (waiting.size === 0 || rest.length === 0) return;
  const pairs: Array<{ d: number; id: string; overlap: number }> = [];
  for (const p of rest) {
    const counts = new Map<number, number>();
    for (const a of p.appearances) {
      const found = reanchor(a, articles.get(a.source));
      const d = found ? waiting.get(evidenceKey(found)) : undefined;
      if (d !== undefined) counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    for (const [d, overlap] of counts) pairs.push({ d, id: p.id, overlap });
  }
  pairs.sort((a, b) => b.overlap - a.overlap || a.d - b.d || (a.id < b.id ? -1 : 1));
  for (const { d, id } of pairs) {
    const draft = drafts[d];
    if (!draft || draft.id !== '' || taken.has(id)) continue;
    draft.id = id;
    taken.add(id);
  }
}

/** Finds an appearance again in the current text of its source, or null when it is gone. */
export function reanchor(old: Appearance, article: SegmentedArticle | undefined): Appearance | null {
  if (!article) return null;
  const text = article.text;
  const { exact, prefix, suffix } = old.selector;
  let start = -1;
  const hits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1 && hits.length < 50; i = text.indexOf(exact, i + 1)) hits.push(i);
  if (hits.length === 1) start = hits[0] ?? -1;
  else if (hits.length > 1) {
    // Several places: the one whose context matches best, then the one nearest the old position.
    const score = (i: number): number => common(text.slice(Math.max(0, i - prefix.length), i), prefix, true) + common(text.slice(i + exact.length, i + exact.length + suffix.length), suffix, false);
    // Selector positions count code points; the hits are string offsets.
    const distance = (i: number): number => Math.abs(selectorAt(text, i, i).start - old.selector.start);
    start = [...hits].sort((a, b) => score(b) - score(a) || distance(a) - distance(b))[0] ?? -1;
  }
  let end = start === -1 ? -1 : start + exact.length;
  if (start === -1 && prefix.length >= 8 && suffix.length >= 8) {
    const p = text.indexOf(prefix);
    const s = p === -1 ? -1 : text.indexOf(suffix, p + prefix.length);
    if (p !== -1 && s !== -1 && s - (p + prefix.length) < exact.length * 2 + 40) [start, end] = [p + prefix.length, s];
  }
  const sentence =
    start === -1
      ? fuzzy(exact, article)
      : article.sentences.find((x) => x.start <= start && x.end >= start);
  if (!sentence) return null;
  if (start === -1) [start, end] = [sentence.start, sentence.end];
  return {
    ...old,
    sentence: sentence.text,
    index: sentence.index,
    selector: selectorAt(text, start, end),
  };
}

/**
 * The sentence sharing most words with the old text, when it shares at least half of them.
 * Measured against approx-string-match (Hypothesis's matcher, scored by quote, prefix and suffix)
 * on 775 edited sentences of the test pool and the first edition (a figure, a word, a clause, a
 * typo, two leading words dropped): re-anchoring found the edited sentence 769 times, the library
 * 628 (53 of 193 after a trimmed start, whose match begins in the sentence before), 2-10x slower.
 * Evidence is a sentence, not a character range, so matching words of sentences stays.
 */
function fuzzy(exact: string, article: SegmentedArticle): SegmentedArticle['sentences'][number] | undefined {
  const want = new Set(contentStems(exact));
  if (want.size === 0) return undefined;
  let best: { s: SegmentedArticle['sentences'][number]; score: number } | undefined;
  for (const s of article.sentences) {
    const have = new Set(contentStems(s.text));
    let shared = 0;
    for (const w of want) if (have.has(w)) shared++;
    const score = shared / (want.size + have.size - shared);
    if (!best || score > best.score) best = { s, score };
  }
  return best && best.score >= 0.5 ? best.s : undefined;
}

function common(a: string, b: string, fromEnd: boolean): number {
  let n = 0;
  while (n < a.length && n < b.length && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
  return n;
}

function normalise(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A readable id from a claim's first content words: "council-approves-harbour-budget". */
export function slug(text: string): string {
  const parts = words(text)
    .map((w) => w.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter((w) => w !== '' && !isStopword(w));
  let out = '';
  for (const part of parts) {
    if (out.length + part.length + 1 > 60) break;
    out = out === '' ? part : `${out}-${part}`;
  }
  return out || 'claim';
}

function uniqueSlug(base: string, used: ReadonlySet<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
