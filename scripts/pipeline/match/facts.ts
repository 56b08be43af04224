/**
 * Facts told inside longer sentences (days.ts: an act on a day; counts.ts: a count of people and
 * their fate): sentences that are different claims as wholes can still state one such fact. The
 * facts are grouped so that every two in a group are one fact from two sources; a group a claim
 * already holds in part joins that claim, the others become claims of their own, and every
 * sentence backs the fact as a second claim.
 */
import { standsAlone } from '../compare/title.ts';
import { contentStems, stem } from '../text.ts';
import type { Cluster, Mention, Value } from '../types.ts';

/** What else a mention is about: its single stems (no stem pairs or counted units), less `own` (the fact's own words, stemmed); for a quote, its whole sentence's. */
export function otherWords(m: Mention, own: readonly string[]): Set<string> {
  const skip = new Set(own.map((w) => stem(w)));
  const terms = m.kind === 'quote' ? contentStems(m.sentence.text) : m.terms;
  return new Set(terms.filter((t) => !t.includes('_') && !t.startsWith('#') && !skip.has(t)));
}

/** True for a clause of a statement that joins several (extract.ts: partOf), matched beside its whole sentence. */
export function isClause(m: Mention): boolean {
  return m.kind === 'statement' && m.partOf !== undefined;
}

/**
 * The mentions whose sentences may state facts: every whole statement, and one quote of each sentence
 * that is only quotes ("A report released on Friday says he acted to “advance his interests”"
 * is a quote mention, yet it tells when the report came out).
 */
export function factMentions(mentions: readonly Mention[]): Mention[] {
  // A clause of a statement states no fact its whole sentence does not.
  const whole = mentions.filter((m) => !isClause(m));
  const stated = new Set(whole.filter((m) => m.kind === 'statement').map((m) => `${m.source}\u0000${m.sentence.index}`));
  const out: Mention[] = [];
  for (const m of whole) {
    const at = `${m.source}\u0000${m.sentence.index}`;
    if (m.kind === 'statement') out.push(m);
    else if (!stated.has(at)) {
      stated.add(at);
      out.push(m);
    }
  }
  return out;
}

/**
 * Greedy groups: each item joins the first group all of whose items are `near` it and one of
 * which is `same` as it (`same` implies `near`). With `near` = `same` these are complete-linkage
 * groups; a weaker `near` lets a fact told in other words join through the source that tells it
 * most alike ("the report released Friday" → "the documents released Friday").
 */
export function completeGroups<T>(items: readonly T[], same: (a: T, b: T) => boolean, near: (a: T, b: T) => boolean = same, bucket: (item: T) => string = () => ''): T[][] {
  // Items of different buckets are never near (`bucket` names what `near` needs equal): only
  // groups of an item's own bucket are tried.
  const groups: T[][] = [];
  const byBucket = new Map<string, T[][]>();
  for (const item of items) {
    const key = bucket(item);
    const mine = byBucket.get(key) ?? byBucket.set(key, []).get(key) ?? [];
    const group = mine.find((g) => g.every((other) => near(item, other)) && g.some((other) => same(item, other)));
    if (group) group.push(item);
    else {
      const fresh = [item];
      mine.push(fresh);
      groups.push(fresh);
    }
  }
  return groups;
}

/** One mention stating a fact, with the value its sentence gives the fact ("on Friday", "15 wounded"). */
export interface FactMention {
  mention: Mention;
  value: Value;
}

/** Whether a mention that states a claim's fact is like enough the claim's other mentions to join it. */
export type Joins = (mention: Mention, cluster: Cluster) => boolean;

/**
 * The claims a group of mentions stating one fact adds: nothing when fewer than two sources state
 * it or one claim holds them all; the missing mentions, borrowed, when a claim holds two or more of
 * its sources' statements (the claim that holds the most, the first of those) and each of them
 * `joins` it; else a claim of its own, every mention borrowed. A borrowed mention backs the fact alone: only the fact's value of
 * its sentence is compared (`Cluster.compared`). Changes `clusters` in place for the first;
 * returns the new claims.
 */
export function factClaims(groups: ReadonlyArray<readonly FactMention[]>, clusters: Cluster[], joins: Joins = () => true): Cluster[] {
  const out: Cluster[] = [];
  // Which claims hold each mention, or a statement through one of its clauses, kept as facts join
  // them; and each claim's place, the existing ones first, for the first of equally good claims.
  const holders = new Map<string, Set<Cluster>>();
  const place = new Map<Cluster, number>();
  const hold = (cluster: Cluster, mentions: readonly Mention[]): void => {
    if (!place.has(cluster)) place.set(cluster, place.size);
    for (const m of mentions) for (const k of isClause(m) ? [m.key, m.partOf ?? ''] : [m.key]) (holders.get(k) ?? holders.set(k, new Set()).get(k))?.add(cluster);
  };
  for (const c of clusters) hold(c, c.mentions);
  // The sentences other claims already show as their titles.
  const titles = new Set(clusters.map((c) => c.representative.key));
  for (const group of groups) {
    const valueOf = new Map<Mention, Value[]>();
    for (const { mention, value } of group) valueOf.set(mention, [...(valueOf.get(mention) ?? []), value]);
    const members = [...valueOf.keys()];
    if (new Set(members.map((m) => m.source)).size < 2) continue;
    const lend = (cluster: Cluster, lent: readonly Mention[]): void => {
      cluster.borrowed.push(...lent.map((m) => m.key));
      const compared = cluster.compared ?? (cluster.compared = {});
      for (const m of lent) compared[m.key] = valueOf.get(m) ?? [];
    };
    // A quote stands in for its sentence's fact, and its claim is the quoted words: only
    // statements say which claim already holds the fact.
    const sourcesIn = new Map<Cluster, Set<string>>();
    for (const m of members) if (m.kind === 'statement') for (const c of holders.get(m.key) ?? []) (sourcesIn.get(c) ?? sourcesIn.set(c, new Set()).get(c))?.add(m.source);
    let best: { cluster: Cluster; sources: number } | null = null;
    for (const [cluster, sources] of sourcesIn) {
      const better = !best || sources.size > best.sources || (sources.size === best.sources && (place.get(cluster) ?? 0) < (place.get(best.cluster) ?? 0));
      if (sources.size >= 2 && better) best = { cluster, sources: sources.size };
    }
    const target = best?.cluster;
    const missing = members.filter((m) => target === undefined || !holders.get(m.key)?.has(target));
    // A claim that holds the fact and says more takes only the mentions that are like all of it.
    if (target && missing.every((m) => joins(m, target))) {
      target.mentions.push(...missing);
      lend(target, missing);
      hold(target, missing);
      continue;
    }
    const claim: Cluster = { mentions: members, borrowed: [], representative: factTitle(members, titles) };
    titles.add(claim.representative.key);
    lend(claim, members);
    hold(claim, members);
    out.push(claim);
  }
  return out;
}

/**
 * The mention a claim of a fact is titled by: a statement, not a quote; one that stands on its own
 * ("This pledge was signed on Tuesday" does not), then one no other claim is titled by (two claims
 * of one sentence read as one claim shown twice, with two statuses), then the shortest.
 */
function factTitle(members: readonly Mention[], titles: ReadonlySet<string>): Mention {
  // A quote's words are someone's, not the fact its sentence tells ("A report released on Friday says he acted to “advance his interests”").
  const rank = (m: Mention): number => (m.kind === 'quote' ? 4 : 0) + (standsAlone(m) ? 0 : 2) + (titles.has(m.key) ? 1 : 0);
  return [...members].sort((x, y) => rank(x) - rank(y) || x.text.length - y.text.length || (x.key < y.key ? -1 : 1))[0] as Mention;
}
