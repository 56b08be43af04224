/**
 * Groups mentions that state the same claim across sources, in four passes:
 * 1. link pairs that are each other's best match between two sources (as in sentence alignment),
 *    or very similar whatever else the sources say, best first, keeping every group coherent;
 * 2. merge groups that are, on average, about the same thing;
 * 3. let a sentence that states two claims ("a monitoring mechanism and a multinational force")
 *    back the second one too;
 * 4. compare when each source says the event happened: the weekday or date its lead gives.
 * No rule may join two quotes by different speakers or two incompatible figures unless the
 * mentions are otherwise near-identical (then compare reports the conflict).
 */
import { SETTINGS } from './settings.ts';
import { candidatePairs, conflictBetween, containment, core, sharedTerms, similarity, type Similarity } from './similarity.ts';
import type { Cluster, Mention } from './types.ts';

/** Groups mentions into claims. */
export function match(mentions: readonly Mention[]): Cluster[] {
  const sim = similarity(mentions);
  const { groups, candidates } = linkPairs(mentions, sim);
  const merged = mergeGroups(groups, candidates, mentions, sim);
  const clusters: Cluster[] = merged.map((list) => {
    const members = list.map((k) => mentions[k] as Mention).sort(byKey);
    return { mentions: members, borrowed: [], representative: members[0] as Mention };
  });
  attachSecondary(clusters, candidates, mentions, sim);
  const timing = leadTiming(mentions);
  if (timing) clusters.push(timing);
  for (const c of clusters) c.representative = representative(c, sim);
  return clusters.sort((a, b) => byKey(a.mentions[0] as Mention, b.mentions[0] as Mention));
}

interface Pair {
  i: number;
  j: number;
  s: number;
}

/** Pass 1: greedy single links, best first, under complete-linkage and conflict rules. */
function linkPairs(mentions: readonly Mention[], sim: Similarity): { groups: number[][]; candidates: Pair[] } {
  const candidates = candidatePairs(mentions)
    .map(([i, j]) => ({ i, j, s: sim(mentions[i] as Mention, mentions[j] as Mention) }))
    .filter((p) => sharedTerms(mentions[p.i] as Mention, mentions[p.j] as Mention) >= SETTINGS.match.minSharedTerms);
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
  const links = candidates
    .filter((p) => p.s >= SETTINGS.match.sameClaim || (p.s >= SETTINGS.match.mutualBest && mutual(p.i, p.j)))
    .sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const owner = mentions.map((_, i) => i);
  const members = new Map<number, number[]>(mentions.map((_, i) => [i, [i]]));
  for (const { i, j } of links) {
    const gi = owner[i] ?? i;
    const gj = owner[j] ?? j;
    if (gi === gj) continue;
    const a = members.get(gi) ?? [];
    const b = members.get(gj) ?? [];
    if (!coherent(a, b, mentions, sim, SETTINGS.match.clusterFloor)) continue;
    for (const k of b) owner[k] = gi;
    members.set(gi, [...a, ...b]);
    members.delete(gj);
  }
  return { groups: [...members.values()], candidates };
}

/** Pass 2: merge groups whose average similarity is high, best first. */
function mergeGroups(groups: number[][], candidates: readonly Pair[], mentions: readonly Mention[], sim: Similarity): number[][] {
  const owner = new Map<number, number>();
  groups.forEach((g, gi) => g.forEach((k) => owner.set(k, gi)));
  const members = new Map<number, number[]>(groups.map((g, gi) => [gi, g]));
  const average = (a: readonly number[], b: readonly number[]): number => {
    let sum = 0;
    for (const x of a) for (const y of b) sum += sim(mentions[x] as Mention, mentions[y] as Mention);
    return sum / (a.length * b.length);
  };
  // Only groups joined by at least one candidate pair are compared.
  const seen = new Set<string>();
  const proposals: Array<{ a: number; b: number; s: number }> = [];
  for (const { i, j } of candidates) {
    const a = owner.get(i) ?? -1;
    const b = owner.get(j) ?? -1;
    const id = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || seen.has(id)) continue;
    seen.add(id);
    const ga = members.get(a) ?? [];
    const gb = members.get(b) ?? [];
    if (ga.length < 2 || gb.length < 2) continue;
    const s = average(ga, gb);
    if (s >= SETTINGS.match.groupMerge) proposals.push({ a: Math.min(a, b), b: Math.max(a, b), s });
  }
  proposals.sort((x, y) => y.s - x.s || x.a - y.a || x.b - y.b);
  const root = (g: number): number => {
    let r = g;
    while (!members.has(r)) r = owner.get(-r - 1) ?? r;
    return r;
  };
  for (const { a, b } of proposals) {
    const ra = root(a);
    const rb = root(b);
    if (ra === rb) continue;
    const ga = members.get(ra) ?? [];
    const gb = members.get(rb) ?? [];
    if (!coherent(ga, gb, mentions, sim, 0) || average(ga, gb) < SETTINGS.match.groupMerge) continue;
    members.set(ra, [...ga, ...gb]);
    members.delete(rb);
    owner.set(-rb - 1, ra);
  }
  return [...members.values()];
}

/** Every cross pair at least `floor` similar and free of conflicts. */
function coherent(a: readonly number[], b: readonly number[], mentions: readonly Mention[], sim: Similarity, floor: number): boolean {
  for (const x of a) {
    for (const y of b) {
      const mx = mentions[x] as Mention;
      const my = mentions[y] as Mention;
      const s = sim(mx, my);
      if (s < floor || conflictBetween(mx, my, s)) return false;
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
 * Pass 3: a mention also backs another claim its source is otherwise silent on, when it states it
 * too; a mention alone in its group moves there instead of standing as a claim of its own.
 */
function attachSecondary(clusters: Cluster[], candidates: readonly Pair[], mentions: readonly Mention[], sim: Similarity): void {
  const home = new Map<Mention, Cluster>();
  for (const c of clusters) for (const m of c.mentions) home.set(m, c);
  const best = new Map<Mention, { cluster: Cluster; s: number }>();
  const offer = (m: Mention, other: Mention): void => {
    const target = home.get(other);
    const own = home.get(m);
    if (!target || target === own || target.mentions.length < 2 || target.mentions.some((x) => x.source === m.source)) return;
    if (target.mentions.some((x) => conflictBetween(m, x, sim(m, x)))) return;
    if (!target.mentions.some((x) => sharedTerms(m, x) >= SETTINGS.match.minSharedTerms)) return;
    // It must be close to one member and contain much of what the members share.
    const s = Math.max(...target.mentions.map((x) => sim(m, x)));
    if (containment(core(target.mentions), m.terms, sim) < SETTINGS.match.secondaryContainment) return;
    const current = best.get(m);
    if (s >= SETTINGS.match.secondaryClaim && (!current || s > current.s)) best.set(m, { cluster: target, s });
  };
  for (const { i, j } of candidates) {
    offer(mentions[i] as Mention, mentions[j] as Mention);
    offer(mentions[j] as Mention, mentions[i] as Mention);
  }
  for (const [m, { cluster }] of [...best].sort((x, y) => byKey(x[0], y[0]))) {
    const own = home.get(m);
    if (own && own.mentions.length === 1) {
      own.mentions = [];
      cluster.mentions.push(m);
    } else {
      cluster.mentions.push(m);
      cluster.borrowed.push(m.key);
    }
    cluster.mentions.sort(byKey);
  }
  for (let i = clusters.length - 1; i >= 0; i--) if (clusters[i]?.mentions.length === 0) clusters.splice(i, 1);
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

/** Orders mentions by source, then by position. */
export function byKey(a: Mention, b: Mention): number {
  return a.source < b.source ? -1 : a.source > b.source ? 1 : a.sentence.index - b.sentence.index || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
