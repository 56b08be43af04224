/**
 * Groups mentions that state the same claim across sources, in four passes:
 * 1. cluster by average linkage over a sparse graph of similar pairs (see cluster.ts), pairs that
 *    are each other's best match between two sources counting extra;
 * 2. (within 1) groups merge only while, on average, their mentions state the same thing;
 * 3. let a sentence that states two claims ("a monitoring mechanism and a multinational force")
 *    back the second one too;
 * 4. compare when each source says the event happened: the weekday or date its lead gives.
 * No rule may join two quotes by different speakers or two incompatible figures unless the
 * mentions are otherwise near-identical (then compare reports the conflict).
 */
import { SETTINGS } from './settings.ts';
import { candidatePairs, conflictBetween, sameSpeaker, sharedTerms, similarity, type Similarity } from './similarity.ts';
import { averageLinkage, type Edge } from './cluster.ts';
import type { Cluster, Mention } from './types.ts';

/** Groups mentions into claims. */
export function match(mentions: readonly Mention[]): Cluster[] {
  const sim = similarity(mentions);
  const edges = graph(mentions, sim);
  const groups = averageLinkage(mentions.length, edges, SETTINGS.match.sameClaim, (a, b) => compatibleGroups(a, b, mentions, sim));
  const clusters: Cluster[] = groups.map((list) => {
    const members = list.map((k) => mentions[k] as Mention).sort(byKey);
    return { mentions: members, borrowed: [], representative: members[0] as Mention };
  });
  attachSecondary(clusters, edges, mentions, sim);
  mergeOverlapping(clusters, sim);
  const timing = leadTiming(mentions);
  if (timing && !clusters.some((c) => disputesTiming(c, timing))) clusters.push(timing);
  for (const c of clusters) c.representative = representative(c, sim);
  return clusters.sort((a, b) => byKey(a.mentions[0] as Mention, b.mentions[0] as Mention));
}

/**
 * The similarity graph: candidate pairs from the index that share enough terms, each scored, with
 * a bonus when the two are each other's best match between their sources (as sentence aligners
 * pair sentences across translations).
 */
function graph(mentions: readonly Mention[], sim: Similarity): Edge[] {
  const candidates = candidatePairs(mentions)
    .filter(([i, j]) => {
      const a = mentions[i] as Mention;
      const b = mentions[j] as Mention;
      // One person's words need less in common: "reckless" twice from one mouth is telling.
      return sharedTerms(a, b) >= (sameSpeaker(a, b) ? 1 : SETTINGS.match.minSharedTerms);
    })
    .map(([i, j]) => ({ i, j, s: sim(mentions[i] as Mention, mentions[j] as Mention) }));
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
  const mutual = (i: number, j: number): boolean =>
    best.get(`${i}>${mentions[j]?.source}`)?.k === j && best.get(`${j}>${mentions[i]?.source}`)?.k === i;
  return candidates.map((e) => (mutual(e.i, e.j) ? { ...e, s: e.s + SETTINGS.match.mutualBestBonus } : e));
}

/**
 * Mentions that disagree on a value (a figure, a weekday) or a speaker may share a claim only when
 * each is clearly the same statement as some mention of the other group; then compare reports
 * the disagreement. Otherwise they are different claims that share words.
 */
function compatibleGroups(a: readonly number[], b: readonly number[], mentions: readonly Mention[], sim: Similarity): boolean {
  const risky = (k: number): boolean => {
    const m = mentions[k] as Mention;
    return m.values.length > 0 || m.speaker !== null;
  };
  const closest = (x: Mention, group: readonly number[]): number => Math.max(...group.map((k) => sim(x, mentions[k] as Mention)));
  for (const x of a.filter(risky)) {
    const mx = mentions[x] as Mention;
    for (const y of b.filter(risky)) {
      const my = mentions[y] as Mention;
      if (conflictBetween(mx, my, Math.max(closest(mx, b), closest(my, a)))) return false;
    }
  }
  return true;
}

/** The member that best stands for a cluster: most similar to the others, then shortest. */
function representative(cluster: Cluster, sim: Similarity): Mention {
  const own = cluster.mentions.filter((m) => !cluster.borrowed.includes(m.key));
  const pool = own.length > 0 ? own : cluster.mentions;
  let best = pool[0] as Mention;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const m of pool) {
    const score = pool.reduce((sum, o) => (o === m ? sum : sum + sim(m, o)), 0) - m.text.length / 10_000;
    if (score > bestScore) [best, bestScore] = [m, score];
  }
  return best;
}

/**
 * Pass 3: a sentence that states two claims backs both. A mention also joins any claim its source
 * is otherwise silent on when it would have joined it by the same average-linkage rule; a mention
 * left alone moves into the claim it fits best instead of standing as a claim of its own.
 */
function attachSecondary(clusters: Cluster[], candidates: readonly Edge[], mentions: readonly Mention[], sim: Similarity): void {
  const home = new Map<Mention, Cluster>();
  for (const c of clusters) for (const m of c.mentions) home.set(m, c);
  const offers = new Map<Mention, Map<Cluster, number>>();
  const offer = (m: Mention, other: Mention): void => {
    const target = home.get(other);
    const own = home.get(m);
    if (!target || target === own || target.mentions.length < 2 || offers.get(m)?.has(target)) return;
    const alone = (own?.mentions.length ?? 0) === 1;
    if (!alone && target.mentions.some((x) => x.source === m.source)) return;
    const closest = Math.max(...target.mentions.map((x) => sim(m, x)));
    if (target.mentions.some((x) => conflictBetween(m, x, closest))) return;
    const others = target.mentions.filter((x) => x.source !== m.source);
    const avg = others.reduce((sum, x) => sum + sim(m, x), 0) / Math.max(others.length, 1);
    const list = offers.get(m) ?? new Map<Cluster, number>();
    list.set(target, avg >= SETTINGS.match.secondaryClaim ? avg : Number.NEGATIVE_INFINITY);
    offers.set(m, list);
  };
  for (const { i, j } of candidates) {
    offer(mentions[i] as Mention, mentions[j] as Mention);
    offer(mentions[j] as Mention, mentions[i] as Mention);
  }
  const moves: Array<[Mention, Cluster, boolean]> = [];
  for (const [m, list] of offers) {
    const ranked = [...list].filter(([, s]) => s > Number.NEGATIVE_INFINITY).sort((a, b) => b[1] - a[1]);
    const alone = (home.get(m)?.mentions.length ?? 0) === 1;
    for (const [target] of ranked.slice(0, alone ? 1 : SETTINGS.match.maxSecondary)) moves.push([m, target, alone]);
  }
  moves.sort((x, y) => byKey(x[0], y[0]));
  for (const [m, target, alone] of moves) {
    const own = home.get(m);
    if (alone && own) own.mentions = [];
    else target.borrowed.push(m.key);
    target.mentions.push(m);
    target.mentions.sort(byKey);
  }
  for (let i = clusters.length - 1; i >= 0; i--) if (clusters[i]?.mentions.length === 0) clusters.splice(i, 1);
}

/**
 * Pass 3b: two claims that came to share a sentence, and whose own mentions are on average alike,
 * are one claim told twice (a sentence that lent itself to the second claim shows the link).
 */
function mergeOverlapping(clusters: Cluster[], sim: Similarity): void {
  const own = (c: Cluster): Mention[] => c.mentions.filter((m) => !c.borrowed.includes(m.key));
  for (let changed = true; changed; ) {
    changed = false;
    let best: { a: Cluster; b: Cluster; s: number } | null = null;
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const a = clusters[i] as Cluster;
        const b = clusters[j] as Cluster;
        if (!a.mentions.some((m) => b.mentions.includes(m))) continue;
        const oa = own(a);
        const ob = own(b);
        let sum = 0;
        for (const x of oa) for (const y of ob) sum += sim(x, y);
        const s = sum / Math.max(oa.length * ob.length, 1);
        if (s >= SETTINGS.match.overlapMerge && (!best || s > best.s)) best = { a, b, s };
      }
    }
    if (!best) break;
    const { a, b } = best;
    const ownKeys = new Set([...own(a), ...own(b)].map((m) => m.key));
    a.mentions = [...new Set([...a.mentions, ...b.mentions])].sort(byKey);
    a.borrowed = a.mentions.filter((m) => !ownKeys.has(m.key)).map((m) => m.key);
    clusters.splice(clusters.indexOf(b), 1);
    changed = true;
  }
}

/**
 * Pass 4: news leads say when the event happened. The first weekday or date each source's lead
 * (its first sentences) gives becomes one claim, so sources that disagree on the day show up.
 */
function leadTiming(mentions: readonly Mention[]): Cluster | null {
  const leads = new Map<string, Mention>();
  for (const m of mentions) {
    if (leads.has(m.source) || m.sentence.index >= SETTINGS.match.leadSentences + 2) continue;
    const order = mentions.filter((o) => o.source === m.source && o.sentence.index < m.sentence.index).length;
    if (order < SETTINGS.match.leadSentences && m.values.some((v) => v.field === 'weekday' || v.field === 'date')) leads.set(m.source, m);
  }
  if (leads.size < 2) return null;
  const list = [...leads.values()].sort(byKey);
  return { mentions: list, borrowed: list.map((m) => m.key), timing: true, representative: list[0] as Mention };
}

/** True when a claim already holds two of the leads and they give different days. */
function disputesTiming(cluster: Cluster, timing: Cluster): boolean {
  const leads = timing.mentions.filter((m) => cluster.mentions.includes(m));
  const days = new Set(leads.flatMap((m) => m.values.filter((v) => v.field === 'weekday' || v.field === 'date').map((v) => v.norm)));
  return new Set(leads.map((m) => m.source)).size >= 2 && days.size >= 2;
}

/** Orders mentions by source, then by position. */
export function byKey(a: Mention, b: Mention): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.sentence.index - b.sentence.index || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
