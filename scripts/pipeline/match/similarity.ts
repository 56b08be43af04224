/**
 * How alike two mentions are, and which pairs are worth comparing at all: IDF-weighted overlap of
 * content stems and stem pairs, and an inverted index over each mention's rarest shared terms so
 * that matching never compares every pair.
 */
import { SETTINGS } from '../settings.ts';
import { isPersonSpeaker, personKey, samePerson } from '../people.ts';
import { compatible, sameQuantity, saysWhere } from '../values.ts';
import { contentStems, fold } from '../text.ts';
import { nearness, sentenceNearness, type Nearness, type SentenceNearness } from './meaning.ts';
import { isClause } from './facts.ts';
import type { Mention, Value } from '../types.ts';

/** How many of a mention's rarest terms index it for candidate pairs. */
const BLOCKING_TERMS = 10;

/** Scores how alike two mentions are, from 0 (nothing shared) to 1; `weight` is a term's IDF. */
export type Similarity = ((a: Mention, b: Mention) => number) & { weight(term: string): number };

/**
 * IDF-weighted overlap of term sets, learnt from this corpus, between cosine and the overlap
 * coefficient (a short sentence wholly inside a long one scores high). A sentence that joins
 * clauses is also compared clause by clause, and the best pairing counts.
 */
export function similarity(mentions: readonly Mention[], near: Nearness = nearness(mentions), sentences: SentenceNearness = sentenceNearness(mentions)): Similarity {
  const df = documentFrequencies(mentions);
  const n = Math.max(mentions.filter((m) => m.partOf === undefined).length, 2);
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
    dot += softOverlap(bx.set, by.set, weight, near);
    return dot / (Math.min(bx.norm, by.norm) ** 1.2 * Math.max(bx.norm, by.norm) ** 0.8);
  };
  const score = (a: Mention, b: Mention): number => {
    // A place both only set the scene in ("in Keswan") is not something both state; but one
    // speaker's affiliation ("Lind of the Harbour Union said") is who speaks, said twice.
    const scene = a.speaker !== null && b.speaker !== null && samePerson(a.speaker, b.speaker) ? NO_SCENE : sharedSetting(a, b);
    const own = (terms: readonly string[]): readonly string[] => (scene.size === 0 ? terms : withoutScene(terms, scene));
    const [ta, tb] = [own(a.terms), own(b.terms)];
    let best = overlap(ta, tb);
    for (const ca of a.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(own(ca), tb));
    for (const cb of b.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(ta, own(cb)));
    for (const ca of a.clauses) for (const cb of b.clauses) best = Math.max(best, SETTINGS.match.clauseFactor * overlap(own(ca), own(cb)));
    // Sentence vectors add what the words say in other words; they never decide alone.
    const said = SETTINGS.match.sentenceWeight * Math.max(0, sentences(a, b) - SETTINGS.match.sentenceFloor);
    // A clause cut from its sentence says less than the sentence: it counts as a clause does.
    const cut = isClause(a) || isClause(b) ? SETTINGS.match.clauseFactor : 1;
    const s = cut * (best + said) + valueBonus(a, b);
    // One person's words count extra only when they already say much the same: "know" twice from
    // one mouth is not a claim told twice.
    return Math.min(1, s + (s >= SETTINGS.match.sameClaim && sameSpeaker(a, b) ? SETTINGS.match.sameSpeakerBonus : 0));
  };
  return Object.assign(score, { weight });
}

const settings = new WeakMap<Mention, Set<string>>();

/** The stems of the places a mention only sets the scene in ("at a dinner in Keswan"): a name it qualifies with a preposition of place. */
function setting(m: Mention): Set<string> {
  let set = settings.get(m);
  if (!set) {
    const text = fold(m.sentence.text);
    const placed = (e: string): boolean => new RegExp(`\\b(?:in|at|near|outside|inside)\\s+(?:the\\s+)?${e.split(' ')[0]?.replace(/[^\p{L}\p{N}]/gu, '') ?? ''}\\b`, 'u').test(text);
    set = new Set(m.who.filter((e) => e.startsWith("'") && placed(e.slice(1))).flatMap((e) => contentStems(e.slice(1))));
    settings.set(m, set);
  }
  return set;
}

const NO_SCENE: ReadonlySet<string> = new Set();
const sceneless = new WeakMap<readonly string[], Map<string, readonly string[]>>();

/**
 * Terms less those made only of scene words, one array per terms and scene: the overlap caches
 * its bags by array, so the same pair of mentions, scored again, reuses them.
 */
function withoutScene(terms: readonly string[], scene: ReadonlySet<string>): readonly string[] {
  const key = [...scene].sort().join(' ');
  let byScene = sceneless.get(terms);
  if (!byScene) sceneless.set(terms, (byScene = new Map()));
  let out = byScene.get(key);
  if (!out) byScene.set(key, (out = terms.filter((t) => !t.split('_').every((w) => scene.has(w)))));
  return out;
}

/** The qualifier stems two mentions share. */
function sharedSetting(a: Mention, b: Mention): ReadonlySet<string> {
  const [x, y] = [setting(a), setting(b)];
  if (x.size === 0 || y.size === 0) return NO_SCENE;
  const both = new Set([...x].filter((w) => y.has(w)));
  return both.size === 0 ? NO_SCENE : both;
}

/**
 * Words of one mention that the other says in other words ("purchased" for "bought"): each
 * unshared single stem pairs with at most one of the other's, nearest first, when their vectors
 * are at least `sameMeaning` alike; a pair counts its nearness times both words' weights.
 */
function softOverlap(x: ReadonlySet<string>, y: ReadonlySet<string>, weight: (t: string) => number, near: Nearness): number {
  const own = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] => [...a].filter((t) => !b.has(t) && !t.includes('_') && !t.startsWith('#'));
  const xs = own(x, y);
  const ys = own(y, x);
  if (xs.length === 0 || ys.length === 0) return 0;
  const pairs: Array<{ t: string; u: string; c: number }> = [];
  for (const t of xs) {
    for (const u of ys) {
      const c = near(t, u);
      if (c >= SETTINGS.match.sameMeaning) pairs.push({ t, u, c });
    }
  }
  if (pairs.length === 0) return 0;
  pairs.sort((a, b) => b.c - a.c || (a.t < b.t ? -1 : a.t > b.t ? 1 : a.u < b.u ? -1 : 1));
  const used = new Set<string>();
  let dot = 0;
  for (const { t, u, c } of pairs) {
    if (used.has(`x${t}`) || used.has(`y${u}`)) continue;
    used.add(`x${t}`);
    used.add(`y${u}`);
    dot += c * weight(t) * weight(u);
  }
  return dot;
}

/**
 * Whether two percentages can be shares of one thing: the words that follow each ("20% of the
 * port's cranes", "a fifth of its cranes") share a stem. "10% live in camps" and "10% to girls
 * under 18" are two shares that happen to be equal.
 */
function shareOfOne(a: Mention, va: Value, b: Mention, vb: Value): boolean {
  const after = (m: Mention, v: Value): Set<string> => {
    const first = v.raw.split(/\s+/)[0] ?? v.raw;
    const at = m.sentence.text.indexOf(first);
    if (at < 0) return new Set();
    const rest = m.sentence.text.slice(at + first.length).replace(/^\s*(?:%|per\s*cent|percent)/i, '');
    return new Set(contentStems(rest.split(/\s+/).filter((w) => w !== '').slice(0, 6).join(' ')));
  };
  const x = after(a, va);
  return [...after(b, vb)].some((t) => x.has(t));
}

/**
 * Agreeing on a counted figure ("35 countries", "more than 30 nations") is strong evidence of one
 * claim; a figure with no floor ("up to 40 tonnes", "fewer than 10") allows too much to agree with.
 */
function valueBonus(a: Mention, b: Mention): number {
  let bonus = 0;
  const floored = (v: Value): boolean => (v.min ?? 0) > 0;
  for (const va of a.values) {
    if ((va.field !== 'figure' && va.field !== 'percent') || !floored(va) || saysWhere(a.sentence.text, va)) continue;
    if (b.values.some((vb) => floored(vb) && sameQuantity(va, vb) && compatible(va, vb) && (va.field !== 'percent' || shareOfOne(a, va, b, vb)))) bonus += SETTINGS.match.sharedFigureBonus;
  }
  return Math.min(bonus, 2 * SETTINGS.match.sharedFigureBonus);
}

/** How many mentions have each term; a sentence of a quote (partOf) is counted in its whole quote. */
function documentFrequencies(mentions: readonly Mention[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const m of mentions) if (m.partOf === undefined) for (const t of m.terms) df.set(t, (df.get(t) ?? 0) + 1);
  return df;
}

/** Candidate pairs of mentions from different sources that share a rare term. */
export function candidatePairs(mentions: readonly Mention[]): Array<[number, number]> {
  const df = documentFrequencies(mentions);
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
  return crossSourcePairs(postings.values(), mentions);
}

/** Every pair of mentions that share a list and come from different sources, each once. */
export function crossSourcePairs(lists: Iterable<readonly number[]>, mentions: readonly Mention[]): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const list of lists) {
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
  // A report or a ministry says many things: only a person's words are telling twice.
  return isPersonSpeaker(a.speaker) && isPersonSpeaker(b.speaker) && quoting(a) && quoting(b) && personKey(a.speaker ?? '') === personKey(b.speaker ?? '');
}

const termSets = new WeakMap<Mention, Set<string>>();

/**
 * How many single stems two mentions share (stem pairs and counted-unit markers excluded), a stem
 * the other says in other words (`near`, at `sameShared`) counting too, an agreeing counted
 * figure as two (the number and what it counts), and a person both name as one.
 */
export function sharedTerms(a: Mention, b: Mention, near?: Nearness): number {
  let set = termSets.get(b);
  if (!set) termSets.set(b, (set = new Set(b.terms)));
  const single = (t: string): boolean => !t.includes('_') && !t.startsWith('#');
  let n = 0;
  for (const t of a.terms) {
    if (!single(t)) continue;
    if (set.has(t) || (near && b.terms.some((u) => single(u) && u !== t && near(t, u) >= SETTINGS.match.sameShared))) n++;
  }
  // An agreeing counted figure is the number and the thing counted: two shared words.
  for (const va of a.values) if (va.field === 'figure' && b.values.some((vb) => sameQuantity(va, vb) && compatible(va, vb))) n += 2;
  // Names are not matched on, but one person named by both is worth comparing them for.
  if (a.actors.some((x) => b.actors.includes(x))) n++;
  return n;
}
