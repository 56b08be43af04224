/**
 * Groups mentions that state the same claim across sources, precision first:
 * 1. candidates: an inverted index over each mention's rarest terms proposes pairs (no all-pairs
 *    comparison), and identical quoted words join whoever quotes them;
 * 2. scoring: IDF-weighted overlap of stems and stem pairs, softened by word vectors for words
 *    said in other words and added to by sentence vectors (similarity.ts, meaning.ts), with a
 *    bonus for pairs that are each other's best match between their sources;
 * 3. vetoes (vetoes.ts): different speakers, incompatible values, different or opposite verbs,
 *    different actors. A vetoed pair is never linked, and no merge puts it in one claim;
 * 4. clustering: average linkage over the pairs that remain (cluster.ts): groups merge only while
 *    their mentions, on average, clearly state the same thing;
 * 5. a sentence that states two claims may back the second one too, when it clearly states it;
 * 6. facts inside longer sentences (facts.ts): two sources that put one act on one day (days.ts),
 *    give one count of people and their fate, or one figure of a thing (counts.ts), back a claim
 *    of that fact;
 * 7. the event's date: the day each main-story lead gives, compared (see leadTiming).
 * A mention with no confident partner stays a claim of its own (single-source).
 */
import { SETTINGS } from '../settings.ts';
import { isPersonSpeaker, samePerson } from '../people.ts';
import { findQuotes } from '../quotes.ts';
import { contentStems } from '../text.ts';
import { candidatePairs, crossSourcePairs, sharedTerms, similarity, type Similarity } from './similarity.ts';
import { commonWords, nearness, type Nearness } from './meaning.ts';
import { mainStory, storySimilarity, withoutCoincidences, type StorySimilarity } from './stories.ts';
import { datedClaims, daysTold, type TellsDay } from './days.ts';
import { countClaims, thingClaims } from './counts.ts';
import { isClause } from './facts.ts';
import { averageLinkage, type Edge } from './cluster.ts';
import { veto, type VetoContext } from './vetoes.ts';
import { standsAlone } from '../compare/title.ts';
import { REPEATED } from '../lang/en/lexicon.ts';
import { compatible, isEventDay, sameQuantity } from '../values.ts';
import type { Cluster, Mention, Value } from '../types.ts';

/** Groups mentions into claims. */
export function match(mentions: readonly Mention[]): Cluster[] {
  // Wire copy repeats sentences word for word: each distinct wording is matched once, then every
  // copy joins the claims of its wording.
  const { nodes, copies, nodeOf } = distinct(mentions);
  // The sentences of a quote (partOf) are matched beside the whole quote; every other reading of
  // the corpus counts each quote once.
  const wholes = mentions.filter((m) => m.partOf === undefined);
  const near = nearness(nodes);
  const sim = similarity(nodes, near);
  const story = storySimilarity(wholes);
  const told = daysTold(wholes);
  const context = { common: commonWords(nodes), tells: told };
  const { edges, apart } = graph(nodes, sim, story, context, near);
  const linked = new Map<number, Map<number, number>>();
  for (const { i, j, s } of edges) {
    (linked.get(i) ?? linked.set(i, new Map()).get(i))?.set(j, s);
    (linked.get(j) ?? linked.set(j, new Map()).get(j))?.set(i, s);
  }
  const groups = averageLinkage(nodes.length, edges, SETTINGS.match.sameClaim, (a, b) => !crosses(a, b, apart) && everyPairLinked(a, b, linked, nodes));
  const formed: Cluster[] = groups.map((list) => {
    const members = list.map((k) => nodes[k] as Mention).sort(byKey);
    return { mentions: members, borrowed: [], representative: members[0] as Mention };
  });
  const vetoed = (a: Mention, b: Mention): boolean => veto(a, b, { ...context, sim: sim(a, b) }) !== null;
  attachSecondary(formed, edges, nodes, sim, vetoed);
  const clusters = wholesOverParts(formed, nodes);
  for (const c of clusters) {
    c.representative = representative(c, sim);
    const borrowed = new Set(c.borrowed);
    c.mentions = c.mentions.flatMap((m) => copies.get(m) ?? [m]).sort(byKey);
    c.borrowed = c.mentions.filter((m) => borrowed.has((nodeOf.get(m) ?? m).key)).map((m) => m.key);
  }
  // A fact joins a claim that holds it only when it is not unlike any of the claim's mentions.
  const joins = (m: Mention, c: Cluster): boolean => c.mentions.every((x) => x.source === m.source || sim(x, m) >= SETTINGS.match.minPairSimilarity);
  // Two sources of the main story tell one story, however little of it they share in words.
  const main = mainStory(edges, nodes, copies, story);
  const oneStory: StorySimilarity = (a, b) => (main.has(a) && main.has(b) ? 1 : story(a, b));
  clusters.push(...datedClaims(wholes, clusters, oneStory, joins));
  clusters.push(...countClaims(wholes, clusters, oneStory, joins));
  clusters.push(...thingClaims(wholes, clusters, oneStory, joins));
  // A fact may have joined a claim that held part of it; a sentence that joined a claim one of its clauses was in stands for the clause.
  for (const c of clusters) {
    const keys = new Set(c.mentions.map((m) => m.key));
    const dropped = new Set(c.mentions.filter((m) => isClause(m) && keys.has(m.partOf ?? '')).map((m) => m.key));
    if (dropped.size > 0) {
      c.mentions = c.mentions.filter((m) => !dropped.has(m.key));
      c.borrowed = c.borrowed.filter((k) => !dropped.has(k));
      if (dropped.has(c.representative.key)) c.representative = representative(c, sim);
    }
    c.mentions.sort(byKey);
  }
  const timing = leadTiming(wholes, main, sim, told);
  const kept = withoutRepeats(clusters);
  if (timing && !kept.some((c) => disputesTiming(c, timing))) kept.push(timing);
  return kept.sort((a, b) => byKey(a.mentions[0] as Mention, b.mentions[0] as Mention));
}

/**
 * Claims less those that state what another does from the very same sentences (a claim of two
 * sentences' clauses and a claim of the two sentences read the same to a reader, and so do a claim
 * of one sentence of a quote and a claim of the whole quote): the one with more whole sentences
 * and quotes, then the first, stays.
 */
function withoutRepeats(clusters: readonly Cluster[]): Cluster[] {
  // A statement and its clauses by their sentence; a quote and its sentences by the whole quote.
  const anchors = (c: Cluster): string => [...new Set(c.mentions.map((m) => (m.kind === 'statement' ? `${m.source}\u0000${m.sentence.start}` : `\u0002${m.partOf ?? m.key}`)))].sort().join('\u0001');
  const wholes = (c: Cluster): number => c.mentions.filter((m) => m.partOf === undefined).length;
  const best = new Map<string, Cluster>();
  for (const c of clusters) {
    const key = anchors(c);
    const other = best.get(key);
    if (!other || wholes(c) > wholes(other)) best.set(key, c);
  }
  const kept = new Set(best.values());
  return clusters.filter((c) => kept.has(c));
}

/**
 * The similarity graph: candidate pairs from the index that share enough terms, each scored, with
 * a bonus when the two are each other's best match between their sources (as sentence aligners
 * pair sentences across translations). Vetoed pairs are left out and kept apart (`apart`).
 */
function graph(
  mentions: readonly Mention[],
  sim: Similarity,
  story: StorySimilarity,
  context: Omit<VetoContext, 'sim'>,
  near: Nearness,
): { edges: Edge[]; apart: Map<number, Set<number>> } {
  const apart = new Map<number, Set<number>>();
  const keepApart = (i: number, j: number): void => {
    (apart.get(i) ?? apart.set(i, new Set()).get(i))?.add(j);
    (apart.get(j) ?? apart.set(j, new Set()).get(j))?.add(i);
  };
  let candidates: Edge[] = [];
  const seen = new Set<number>();
  for (const [i, j] of [...candidatePairs(mentions), ...sameQuotes(mentions)]) {
    // The index and identical quotes may propose one pair twice: it is one edge.
    if (seen.has(pairId(i, j, mentions.length))) continue;
    seen.add(pairId(i, j, mentions.length));
    const a = mentions[i] as Mention;
    const b = mentions[j] as Mention;
    // A clause cut from a statement states a fact, never someone's quoted words.
    if ((isClause(a) && b.kind === 'quote') || (isClause(b) && a.kind === 'quote')) continue;
    const quoted = identicalQuote(a, b);
    // One person's words need as much in common as anyone's: a speaker says "know" in many claims.
    if (!quoted && sharedTerms(a, b, near) < SETTINGS.match.minSharedTerms) continue;
    const s = quoted ? 1 : sim(a, b);
    // Between articles about different stories, shared words are a coincidence unless the sentences are near-identical.
    if (s < SETTINGS.match.otherStory && story(a.source, b.source) < SETTINGS.match.sameStory) continue;
    if (!quoted && veto(a, b, { ...context, sim: s }) !== null) {
      keepApart(i, j);
      continue;
    }
    candidates.push({ i, j, s });
  }
  const best = new Map<string, { k: number; s: number }>();
  const consider = (from: number, to: number, s: number): void => {
    const key = `${from}>${mentions[to]?.source}`;
    const current = best.get(key);
    if (!current || s > current.s || (s === current.s && to < current.k)) best.set(key, { k: to, s });
  };
  for (const { i, j, s } of candidates) {
    consider(i, j, s);
    consider(j, i, s);
  }
  // A sentence of a quote links only where its whole quote does not: the whole is the claim;
  // but an outlet that quotes just that sentence quotes the sentence, not the whole.
  const n = mentions.length;
  const index = new Map(mentions.map((m, k) => [m.key, k]));
  const whole = (k: number): number => index.get(mentions[k]?.partOf ?? '') ?? k;
  const given = new Set<number>();
  for (const { i, j } of candidates) {
    for (const [p, x] of [[i, j], [j, i]] as const) {
      if (whole(p) !== p && identicalQuote(mentions[p] as Mention, mentions[x] as Mention)) given.add(pairId(whole(p), x, n));
    }
  }
  const strong = new Set(candidates.filter((e) => e.s >= SETTINGS.match.sameClaim).map((e) => pairId(e.i, e.j, n)).filter((id) => !given.has(id)));
  const carried = (e: Edge): boolean => {
    if (given.has(pairId(e.i, e.j, n))) return true;
    const [I, J] = [whole(e.i), whole(e.j)];
    if (I === e.i && J === e.j) return false;
    // A clause links wherever it is like: its sentence joins one claim, and its other clauses may state others.
    if (isClause(mentions[e.i] as Mention) || isClause(mentions[e.j] as Mention)) return false;
    return [[I, e.j], [e.i, J], [I, J]].some(([x, y]) => (x !== e.i || y !== e.j) && strong.has(pairId(x ?? 0, y ?? 0, n)));
  };
  candidates = candidates.filter((e) => !carried(e));
  const mutual = (i: number, j: number): boolean =>
    best.get(`${i}>${mentions[j]?.source}`)?.k === j && best.get(`${j}>${mentions[i]?.source}`)?.k === i;
  // The bonus orders pairs that already pass; it never lifts a weak pair over the bar.
  const edges = withoutCoincidences(candidates, mentions, story)
    .map((e) => (e.s >= SETTINGS.match.sameClaim && mutual(e.i, e.j) ? { ...e, s: e.s + SETTINGS.match.mutualBestBonus } : e));
  return { edges, apart };
}

/** One number for an unordered pair of indices below `n`. */
function pairId(i: number, j: number, n: number): number {
  return i < j ? i * n + j : j * n + i;
}

/**
 * A quote's sentence (partOf) backs a claim its whole quote is not in; where the whole is there
 * too, or a sentence of the same quote already is, it adds nothing. A claim left with sentences of
 * one quote alone is that quote's, which is a claim of its own already.
 */
function wholesOverParts(clusters: readonly Cluster[], all: readonly Mention[]): Cluster[] {
  const out: Cluster[] = [];
  for (const c of clusters) {
    const keys = new Set(c.mentions.map((m) => m.key));
    const seen = new Set<string>();
    const kept = c.mentions.filter((m) => {
      if (m.partOf === undefined) return true;
      if (keys.has(m.partOf) || seen.has(m.partOf)) return false;
      seen.add(m.partOf);
      return true;
    });
    if (kept.every((m) => m.partOf !== undefined) && new Set(kept.map((m) => m.source)).size < 2) continue;
    const left = new Set(kept.map((m) => m.key));
    out.push({ ...c, mentions: kept, borrowed: c.borrowed.filter((k) => left.has(k)) });
  }
  // A quote alone in its claim, each of whose sentences backs another claim, is said by those.
  const backed = new Set<string>();
  for (const c of out) if (c.mentions.length > 1) for (const m of c.mentions) if (m.partOf !== undefined) backed.add(m.key);
  const parts = new Map<string, string[]>();
  for (const m of all) if (m.partOf !== undefined) (parts.get(m.partOf) ?? parts.set(m.partOf, []).get(m.partOf))?.push(m.key);
  return out.filter((c) => {
    const only = c.mentions.length === 1 ? c.mentions[0] : undefined;
    const own = only ? parts.get(only.key) : undefined;
    return !own || !own.every((k) => backed.has(k));
  });
}

/** The words of a quote, folded, when it is long enough to be telling. */
function quoteKey(m: Mention): string | null {
  if (m.kind !== 'quote') return null;
  const words = folded(m.text);
  return words.split(' ').length >= SETTINGS.extract.minQuoteWords ? words : null;
}

/**
 * Identical quoted words from one speaker (or from a speaker one side does not name, or a
 * document) always state one claim, and so do words one outlet quotes in full and another in
 * part; so do a quote and a sentence that quotes a fragment of it from the same speaker
 * ("Fenwick called that decision “reckless”").
 */
function identicalQuote(a: Mention, b: Mention): boolean {
  const ka = quoteKey(a);
  const kb = quoteKey(b);
  // The same words, or one outlet quoting more of them ("I do not plan to resign" in "I do not
  // plan to resign. I have done nothing illegal."), from one speaker or a document.
  if (ka !== null && kb !== null && (ka === kb || ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `))) {
    return !isPersonSpeaker(a.speaker) || !isPersonSpeaker(b.speaker) || samePerson(a.speaker, b.speaker);
  }
  if (!a.speaker || !b.speaker || !samePerson(a.speaker, b.speaker)) return false;
  const [quote, other] = a.kind === 'quote' ? [a, b] : [b, a];
  if (quote.kind !== 'quote' || other.kind === 'quote') return false;
  const whole = ` ${folded(quote.text)} `;
  const fragments = findQuotes(other.sentence.text).map((q) => folded(other.sentence.text.slice(q.start, q.end))).filter((f) => f !== '');
  return fragments.length > 0 && fragments.every((f) => whole.includes(` ${f} `) && contentStems(f).length > 0);
}

/** Words only, lower case, single spaces: how quoted words are compared. */
function folded(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Pairs of quotes from different sources with identical words, whatever the index proposes. */
function sameQuotes(mentions: readonly Mention[]): Array<[number, number]> {
  const byWords = new Map<string, number[]>();
  mentions.forEach((m, i) => {
    const key = quoteKey(m);
    if (key !== null) (byWords.get(key) ?? byWords.set(key, []).get(key))?.push(i);
  });
  return crossSourcePairs(byWords.values(), mentions);
}

/**
 * True when every two mentions of different sources across the groups were compared and found at
 * least `minPairSimilarity` alike: a claim's sources must each state it, not merely be linked
 * through a third mention that shares words with both.
 */
function everyPairLinked(a: readonly number[], b: readonly number[], linked: ReadonlyMap<number, ReadonlyMap<number, number>>, nodes: readonly Mention[]): boolean {
  for (const x of a) {
    const near = linked.get(x);
    for (const y of b) {
      if (nodes[x]?.source === nodes[y]?.source) continue;
      if ((near?.get(y) ?? 0) < SETTINGS.match.minPairSimilarity) return false;
    }
  }
  return true;
}

/** True when two groups hold a pair that a veto keeps apart. */
function crosses(a: readonly number[], b: readonly number[], apart: ReadonlyMap<number, ReadonlySet<number>>): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const other = new Set(large);
  for (const x of small) {
    const away = apart.get(x);
    if (away) for (const y of away) if (other.has(y)) return true;
  }
  return false;
}

/**
 * A sentence that states two claims ("a new crane and a second berth") backs the
 * second one too, when its source is otherwise silent on that claim, nothing vetoes it, and it is
 * on average clearly like the claim's mentions. A mention never leaves its own claim for another.
 */
export function attachSecondary(clusters: Cluster[], candidates: readonly Edge[], mentions: readonly Mention[], sim: Similarity, vetoed: (a: Mention, b: Mention) => boolean): void {
  const home = new Map<Mention, Cluster>();
  for (const c of clusters) for (const m of c.mentions) home.set(m, c);
  const offers = new Map<Mention, Map<Cluster, number>>();
  // Many candidate edges lead one mention to one claim: each is weighed once.
  const tried = new Map<Mention, Set<Cluster>>();
  const offer = (m: Mention, other: Mention): void => {
    const target = home.get(other);
    if (!target || target === home.get(m) || target.mentions.length < 2) return;
    const seen = tried.get(m) ?? tried.set(m, new Set()).get(m);
    if (!seen || seen.has(target)) return;
    seen.add(target);
    if (target.mentions.some((x) => x.source === m.source || vetoed(m, x))) return;
    const sims = target.mentions.map((x) => sim(m, x));
    // Like a merge: the mention must be like every mention of the claim, and clearly like them on average.
    if (Math.min(...sims) < SETTINGS.match.minPairSimilarity) return;
    const avg = sims.reduce((sum, x) => sum + x, 0) / sims.length;
    const list = offers.get(m) ?? new Map<Cluster, number>();
    list.set(target, avg);
    offers.set(m, list);
  };
  for (const { i, j } of candidates) {
    offer(mentions[i] as Mention, mentions[j] as Mention);
    offer(mentions[j] as Mention, mentions[i] as Mention);
  }
  const moves: Array<[Mention, Cluster, number]> = [];
  for (const [m, list] of offers) {
    const ranked = [...list].filter(([, s]) => s >= SETTINGS.match.secondaryClaim).sort((a, b) => b[1] - a[1]);
    for (const [target, s] of ranked.slice(0, SETTINGS.match.maxSecondary)) moves.push([m, target, s]);
  }
  // The likest first; each was offered against the claim as it was, so it is checked again
  // against what the claim has borrowed since: like every mention of it from another source.
  moves.sort((x, y) => y[2] - x[2] || byKey(x[0], y[0]));
  const grown = new Set<Cluster>();
  for (const [m, target] of moves) {
    if (target.mentions.some((x) => x.source !== m.source && (sim(m, x) < SETTINGS.match.minPairSimilarity || vetoed(m, x)))) continue;
    target.borrowed.push(m.key);
    target.mentions.push(m);
    grown.add(target);
  }
  for (const c of grown) c.mentions.sort(byKey);
}

/** One mention per distinct wording (same kind, words, speaker and sentence), with its copies. */
function distinct(mentions: readonly Mention[]): { nodes: Mention[]; copies: Map<Mention, Mention[]>; nodeOf: Map<Mention, Mention> } {
  const byWording = new Map<string, Mention>();
  const copies = new Map<Mention, Mention[]>();
  const nodeOf = new Map<Mention, Mention>();
  for (const m of mentions) {
    const key = `${m.kind}\u0000${m.speaker ?? ''}\u0000${m.text}\u0000${m.sentence.text}`;
    const node = byWording.get(key);
    if (node) {
      copies.get(node)?.push(m);
      nodeOf.set(m, node);
    } else {
      byWording.set(key, m);
      copies.set(m, [m]);
      nodeOf.set(m, m);
    }
  }
  return { nodes: [...byWording.values()], copies, nodeOf };
}

/**
 * The member that best stands for a cluster: one that can stand on its own as a title ("This
 * pledge …" cannot), then a whole sentence, then the most similar to the others, then the shortest.
 */
function representative(cluster: Cluster, sim: Similarity): Mention {
  const borrowed = new Set(cluster.borrowed);
  const own = cluster.mentions.filter((m) => !borrowed.has(m.key));
  const pool = own.length > 0 ? own : cluster.mentions;
  let best = pool[0] as Mention;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const m of pool) {
    // A whole sentence before one of its clauses: the clause alone may lack its subject.
    const whole = isClause(m) ? 0 : 100;
    const score = (standsAlone(m) ? 1_000 : 0) + whole + pool.reduce((sum, o) => (o === m ? sum : sum + sim(m, o)), 0) - m.text.length / 10_000;
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return best;
}

/**
 * News leads say when the event happened. The first weekday or date each source's lead (its first
 * sentences) gives for what happened (not the day someone spoke) is compared, and when two leads
 * that tell the same thing give different days they become one disputed claim; not when a story
 * runs over several days (either source gives both days, or a lead tells of a repeat). Leads that
 * agree say nothing the claims do not: they make no claim of their own. Only sources about the
 * main story are compared (see mainStory).
 */
function leadTiming(mentions: readonly Mention[], main: ReadonlySet<string>, sim: Similarity, tells: TellsDay): Cluster | null {
  const bySource = new Map<string, Mention[]>();
  for (const m of mentions) (bySource.get(m.source) ?? bySource.set(m.source, []).get(m.source))?.push(m);
  const leads: Mention[] = [];
  for (const list of bySource.values()) {
    const first = [...list].sort((a, b) => a.sentence.index - b.sentence.index).slice(0, SETTINGS.match.leadSentences);
    const dated = first.find((m) => m.values.some(isEventDay));
    if (dated) leads.push(dated);
  }
  const list = leads.filter((m) => main.has(m.source)).sort(byKey);
  const days = list.map((m) => m.values.filter(isEventDay));
  const clash = (a: readonly Value[], b: readonly Value[]): boolean =>
    a.some((x) => b.some((y) => sameQuantity(x, y))) && !a.some((x) => b.some((y) => sameQuantity(x, y) && compatible(x, y)));
  // Leads that give different days must be telling the same thing, or they are about different
  // events; a source that itself gives the other lead's day tells of two days, not another day for
  // one ("the assault began on Sunday" in a report of Tuesday's); and a lead that tells of a repeat
  // ("a second attack", "struck again") may be telling of a later act than the other.
  const disagree = days.some((a, i) =>
    days.slice(i + 1).some((b, k) => {
      const x = list[i] as Mention;
      const y = list[i + 1 + k] as Mention;
      if (REPEATED.test(x.sentence.text) || REPEATED.test(y.sentence.text)) return false;
      return clash(a, b) && !b.some((d) => tells(x.source, d)) && !a.some((d) => tells(y.source, d)) && sim(x, y) >= SETTINGS.match.sameEventLead;
    }),
  );
  if (list.length < 2 || !disagree) return null;
  return { mentions: list, borrowed: list.map((m) => m.key), timing: true, representative: list.find(standsAlone) ?? (list[0] as Mention) };
}

/** True when a claim already holds two of the leads and they give different days. */
function disputesTiming(cluster: Cluster, timing: Cluster): boolean {
  const members = new Set(cluster.mentions);
  const leads = timing.mentions.filter((m) => members.has(m));
  const days = new Set(leads.flatMap((m) => m.values.filter((v) => v.field === 'weekday' || v.field === 'date').map((v) => v.norm)));
  return new Set(leads.map((m) => m.source)).size >= 2 && days.size >= 2;
}

/** Orders mentions by source, then by position. */
function byKey(a: Mention, b: Mention): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.sentence.index - b.sentence.index || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
