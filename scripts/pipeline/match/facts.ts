/**
 * Facts told inside longer sentences (days.ts: an act on a day; counts.ts: a count of people and
 * their fate): sentences that are different claims as wholes can still state one such fact. The
 * facts are grouped so that every two in a group are one fact from two sources; a group a claim
 * already holds in part joins that claim, the others become claims of their own, and every
 * sentence backs the fact as a second claim.
 */
import { stem } from '../text.ts';
import type { Cluster, Mention } from '../types.ts';

/** What else a mention is about: its single stems (no stem pairs or counted units), less `own` (the fact's own words, stemmed). */
export function otherWords(m: Mention, own: readonly string[]): Set<string> {
  const skip = new Set(own.map((w) => stem(w)));
  return new Set(m.terms.filter((t) => !t.includes('_') && !t.startsWith('#') && !skip.has(t)));
}

/** Greedy complete-linkage groups: each item joins the first group all of whose items are `same` as it. */
export function completeGroups<T>(items: readonly T[], same: (a: T, b: T) => boolean): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const group = groups.find((g) => g.every((other) => same(item, other)));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * The claims a group of mentions stating one fact adds: nothing when fewer than two sources state
 * it or one claim holds them all; the missing mentions, borrowed, when a claim holds two or more of
 * its sources (the claim that holds the most, the first of those); else a claim of its own, every
 * mention borrowed. Changes `clusters` in place for the first; returns the new claims.
 */
export function factClaims(groups: ReadonlyArray<readonly Mention[]>, clusters: Cluster[]): Cluster[] {
  const out: Cluster[] = [];
  for (const group of groups) {
    const members = [...new Set(group)];
    if (new Set(members.map((m) => m.source)).size < 2) continue;
    let best: { cluster: Cluster; sources: number } | null = null;
    for (const cluster of [...clusters, ...out]) {
      const held = new Set(cluster.mentions);
      const sources = new Set(members.filter((m) => held.has(m)).map((m) => m.source)).size;
      if (sources >= 2 && (!best || sources > best.sources)) best = { cluster, sources };
    }
    if (best) {
      const held = new Set(best.cluster.mentions);
      const missing = members.filter((m) => !held.has(m));
      best.cluster.mentions.push(...missing);
      best.cluster.borrowed.push(...missing.map((m) => m.key));
      continue;
    }
    out.push({ mentions: members, borrowed: members.map((m) => m.key), representative: [...members].sort((x, y) => x.text.length - y.text.length || (x.key < y.key ? -1 : 1))[0] as Mention });
  }
  return out;
}
