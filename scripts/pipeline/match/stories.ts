/**
 * Which articles are about the same story. A folder of articles about one event shares the
 * event's vocabulary; an article that only happens to be in the folder does not, and a weak match
 * between its sentences and the others' is a coincidence of words (match.ts keeps such pairs
 * apart, and compares the event's date only among the main story's sources).
 */
import { SETTINGS } from '../settings.ts';
import { GENERAL_STEMS } from '../lang/en/lexicon.ts';
import type { Edge } from './cluster.ts';
import type { Mention } from '../types.ts';

/** How many sources of the main story a source is compared with to join it. */
const RELATED_PROBES = 20;

/** How much two sources (by id) are about the same story, 0..1. */
export type StorySimilarity = (a: string, b: string) => number;

/**
 * How much two sources are about the same story, 0..1: the overlap of the topic words of their
 * mentions (content stems that are not everyday English), between cosine and the overlap
 * coefficient (a brief inside a long report still scores). Articles about one event share its
 * vocabulary; articles that only happen to be in one folder do not, and a weak match between
 * their sentences is a coincidence of words.
 */
export function storySimilarity(mentions: readonly Mention[]): StorySimilarity {
  const index = new Map<string, number>();
  const stems: Array<Set<string>> = [];
  for (const m of mentions) {
    let i = index.get(m.source);
    if (i === undefined) {
      index.set(m.source, (i = stems.length));
      stems.push(new Set<string>());
    }
    const set = stems[i] as Set<string>;
    for (const t of m.terms) if (!t.includes('_') && !t.startsWith('#') && !GENERAL_STEMS.has(t)) set.add(t);
  }
  const n = stems.length;
  const memo = new Map<number, number>();
  return (a, b) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) return 0;
    if (i === j) return 1;
    const key = i < j ? i * n + j : j * n + i;
    let value = memo.get(key);
    if (value === undefined) {
      const x = stems[i] as Set<string>;
      const y = stems[j] as Set<string>;
      const [small, large] = x.size <= y.size ? [x, y] : [y, x];
      let shared = 0;
      for (const t of small) if (large.has(t)) shared++;
      value = small.size === 0 ? 0 : shared / (Math.sqrt(small.size) ** 1.2 * Math.sqrt(large.size) ** 0.8);
      memo.set(key, value);
    }
    return value;
  };
}

/**
 * The candidate pairs less the coincidences: two articles whose topics only just overlap (under
 * `looseStory`) are one story when more than one of their sentences match; one match between
 * them is a coincidence of words, unless it is near word for word (`otherStory`, as between
 * stories) or the same quoted words.
 */
export function withoutCoincidences(candidates: readonly Edge[], mentions: readonly Mention[], story: StorySimilarity): Edge[] {
  const sources = (e: Edge): [string, string] => [mentions[e.i]?.source ?? '', mentions[e.j]?.source ?? ''];
  const pairKey = (e: Edge): string => sources(e).sort().join('\u0000');
  const matches = new Map<string, number>();
  for (const e of candidates) if (e.s >= SETTINGS.match.sameClaim) matches.set(pairKey(e), (matches.get(pairKey(e)) ?? 0) + 1);
  return candidates.filter((e) => e.s >= SETTINGS.match.otherStory || story(...sources(e)) >= SETTINGS.match.looseStory || (matches.get(pairKey(e)) ?? 0) >= 2);
}

/**
 * The sources of the main story: the largest group linked by matched or copied sentences between
 * sources about the same story (the group of the first source, in order, on a tie), and the
 * sources whose topic words are close enough to its first ones. Linear in the edges and copies.
 */
export function mainStory(edges: readonly Edge[], mentions: readonly Mention[], copies: ReadonlyMap<Mention, Mention[]>, story: StorySimilarity): Set<string> {
  const root = new Map<string, string>();
  const find = (x: string): string => {
    const r = root.get(x) ?? x;
    if (r === x) return x;
    const top = find(r);
    root.set(x, top);
    return top;
  };
  const link = (a: string, b: string): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb || story(a, b) < SETTINGS.match.sameStory) return;
    root.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  for (const { i, j } of edges) link((mentions[i] as Mention).source, (mentions[j] as Mention).source);
  for (const [node, list] of copies) for (const copy of list) link(node.source, copy.source);
  const groups = new Map<string, string[]>();
  const sources = new Set([...copies.values()].flatMap((list) => list.map((m) => m.source)));
  for (const source of [...sources].sort()) {
    const group = groups.get(find(source));
    if (group) group.push(source);
    else groups.set(find(source), [source]);
  }
  const main = [...groups.values()].reduce((best, g) => (g.length > best.length ? g : best), [] as string[]);
  // A source none of whose sentences matched can still report the same event in other words.
  const core = main.slice(0, RELATED_PROBES);
  const members = new Set(main);
  for (const s of [...sources].sort()) if (!members.has(s) && core.some((m) => story(s, m) >= SETTINGS.match.relatedStory)) members.add(s);
  return members;
}
