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
import { SETTINGS } from '../settings.ts';
import { candidatePairs, conflictBetween, sameSpeaker, sharedTerms, similarity, type Similarity } from './similarity.ts';
import { mainStory, storySimilarity, type StorySimilarity } from './stories.ts';
import { averageLinkage, type Edge } from './cluster.ts';
import type { Cluster, Mention } from '../types.ts';

/** Groups mentions into claims. */
export function match(mentions: readonly Mention[]): Cluster[] {
  // Wire copy repeats sentences word for word: each distinct wording is matched once, then every
  // copy joins the claims of its wording.
  const { nodes, copies, nodeOf } = distinct(mentions);
  const sim = similarity(nodes);
  const story = storySimilarity(mentions);
  const edges = graph(nodes, sim, story);
  const groups = averageLinkage(nodes.length, edges, SETTINGS.match.sameClaim, (a, b) => compatibleGroups(a, b, nodes, sim));
  const clusters: Cluster[] = groups.map((list) => {
    const members = list.map((k) => nodes[k] as Mention).sort(byKey);
    return { mentions: members, borrowed: [], representative: members[0] as Mention };
  });
  attachSecondary(clusters, edges, nodes, sim);
  mergeOverlapping(clusters, sim);
  for (const c of clusters) {
    c.representative = representative(c, sim);
    const borrowed = new Set(c.borrowed);
    c.mentions = c.mentions.flatMap((m) => copies.get(m) ?? [m]).sort(byKey);
    c.borrowed = c.mentions.filter((m) => borrowed.has((nodeOf.get(m) ?? m).key)).map((m) => m.key);
  }
  const timing = leadTiming(mentions, mainStory(edges, nodes, copies, story));
  if (timing && !clusters.some((c) => disputesTiming(c, timing))) clusters.push(timing);
  return clusters.sort((a, b) => byKey(a.mentions[0] as Mention, b.mentions[0] as Mention));
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
 * The similarity graph: candidate pairs from the index that share enough terms, each scored, with
 * a bonus when the two are each other's best match between their sources (as sentence aligners
 * pair sentences across translations).
 */
function graph(mentions: readonly Mention[], sim: Similarity, story: StorySimilarity): Edge[] {
  const candidates = candidatePairs(mentions)
    .filter(([i, j]) => {
      const a = mentions[i] as Mention;
      const b = mentions[j] as Mention;
      // One person's words need less in common: "reckless" twice from one mouth is telling.
      return sharedTerms(a, b) >= (sameSpeaker(a, b) ? 1 : SETTINGS.match.minSharedTerms);
    })
    .map(([i, j]) => ({ i, j, s: sim(mentions[i] as Mention, mentions[j] as Mention) }))
    // Between articles about different stories, shared words are a coincidence unless the sentences are near-identical.
    .filter(({ i, j, s }) => s >= SETTINGS.match.otherStory || story((mentions[i] as Mention).source, (mentions[j] as Mention).source) >= SETTINGS.match.sameStory);
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
  const ra = a.filter(risky);
  const rb = b.filter(risky);
  if (ra.length === 0 || rb.length === 0) return true;
  const closest = new Map<number, number>();
  const near = (x: number, group: readonly number[]): number => {
    let v = closest.get(x);
    if (v === undefined) closest.set(x, (v = Math.max(...group.map((k) => sim(mentions[x] as Mention, mentions[k] as Mention)))));
    return v;
  };
  for (const x of ra) {
    for (const y of rb) {
      const mx = mentions[x] as Mention;
      const my = mentions[y] as Mention;
      // Only a pair that could disagree costs the look for each side's closest match.
      if (!conflictBetween(mx, my, 0)) continue;
      if (conflictBetween(mx, my, Math.max(near(x, b), near(y, a)))) return false;
    }
  }
  return true;
}

/** The member that best stands for a cluster: most similar to the others, then shortest. */
function representative(cluster: Cluster, sim: Similarity): Mention {
  const borrowed = new Set(cluster.borrowed);
  const own = cluster.mentions.filter((m) => !borrowed.has(m.key));
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
  const grown = new Set<Cluster>();
  for (const [m, target, alone] of moves) {
    const own = home.get(m);
    if (alone && own) own.mentions = [];
    else target.borrowed.push(m.key);
    target.mentions.push(m);
    grown.add(target);
  }
  for (const c of grown) c.mentions.sort(byKey);
  for (let i = clusters.length - 1; i >= 0; i--) if (clusters[i]?.mentions.length === 0) clusters.splice(i, 1);
}

/**
 * Pass 3b: two claims that came to share a sentence, and whose own mentions are on average alike,
 * are one claim told twice (a sentence that lent itself to the second claim shows the link).
 */
function mergeOverlapping(clusters: Cluster[], sim: Similarity): void {
  const own = (c: Cluster): Mention[] => {
    const borrowed = new Set(c.borrowed);
    return c.mentions.filter((m) => !borrowed.has(m.key));
  };
  const holders = new Map<Mention, number[]>();
  clusters.forEach((c, i) => c.mentions.forEach((m) => (holders.get(m) ?? holders.set(m, []).get(m))?.push(i)));
  const seen = new Set<string>();
  const pairs: Array<{ i: number; j: number; s: number }> = [];
  for (const list of holders.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = Math.min(list[x] ?? 0, list[y] ?? 0);
        const j = Math.max(list[x] ?? 0, list[y] ?? 0);
        if (i === j || seen.has(`${i}:${j}`)) continue;
        seen.add(`${i}:${j}`);
        const oa = own(clusters[i] as Cluster);
        const ob = own(clusters[j] as Cluster);
        let sum = 0;
        for (const a of oa) for (const b of ob) sum += sim(a, b);
        const s = sum / Math.max(oa.length * ob.length, 1);
        if (s >= SETTINGS.match.overlapMerge) pairs.push({ i, j, s });
      }
    }
  }
  pairs.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const root = clusters.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i] ?? i)));
  for (const { i, j } of pairs) {
    const a = find(i);
    const b = find(j);
    if (a === b) continue;
    const ca = clusters[a] as Cluster;
    const cb = clusters[b] as Cluster;
    const ownKeys = new Set([...own(ca), ...own(cb)].map((m) => m.key));
    ca.mentions = [...new Set([...ca.mentions, ...cb.mentions])].sort(byKey);
    ca.borrowed = ca.mentions.filter((m) => !ownKeys.has(m.key)).map((m) => m.key);
    cb.mentions = [];
    root[b] = a;
  }
  for (let i = clusters.length - 1; i >= 0; i--) if (clusters[i]?.mentions.length === 0) clusters.splice(i, 1);
}

/**
 * Pass 4: news leads say when the event happened. The first weekday or date each source's lead
 * (its first sentences) gives becomes one claim, so sources that disagree on the day show up.
 * Only sources about the main story are compared (see mainStory).
 */
function leadTiming(mentions: readonly Mention[], main: ReadonlySet<string>): Cluster | null {
  const bySource = new Map<string, Mention[]>();
  for (const m of mentions) (bySource.get(m.source) ?? bySource.set(m.source, []).get(m.source))?.push(m);
  const leads: Mention[] = [];
  for (const list of bySource.values()) {
    const first = [...list].sort((a, b) => a.sentence.index - b.sentence.index).slice(0, SETTINGS.match.leadSentences);
    const dated = first.find((m) => m.values.some((v) => v.field === 'weekday' || v.field === 'date'));
    if (dated) leads.push(dated);
  }
  const list = leads.filter((m) => main.has(m.source)).sort(byKey);
  if (list.length < 2) return null;
  return { mentions: list, borrowed: list.map((m) => m.key), timing: true, representative: list[0] as Mention };
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
