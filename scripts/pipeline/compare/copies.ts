/**
 * Which sources carry the same copy: outlets that run one wire story (near-identical article text)
 * are one report, not independent confirmations. Articles are compared on their word 8-grams
 * through an inverted index (an 8-gram found in more than `maxShingleSources` articles is
 * boilerplate and ignored), so the cost follows the shared text, not the square of the sources.
 */
import { SETTINGS } from '../settings.ts';
import { words } from '../text.ts';
import type { SegmentedArticle } from '../types.ts';

const SHINGLE = 8;

/** FNV-1a hash of a word. */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Groups of two or more source ids whose texts are mostly the same, each sorted, in order of their first id. */
export function sharedCopy(articles: readonly SegmentedArticle[]): string[][] {
  const ids = articles.map((a) => a.id);
  // Each 8-gram as a 32-bit hash of its words' hashes: collisions are rare enough not to matter
  // for "most of the text is shared", and numbers are far cheaper to index than strings.
  const shingles = articles.map((a) => {
    const w = words(a.text.toLowerCase()).map(wordHash);
    const set = new Set<number>();
    for (let i = 0; i + SHINGLE <= w.length; i++) {
      let h = 0;
      for (let k = 0; k < SHINGLE; k++) h = (Math.imul(h, 0x01000193) ^ (w[i + k] ?? 0)) >>> 0;
      set.add(h);
    }
    return set;
  });
  const postings = new Map<number, number[]>();
  shingles.forEach((set, i) => {
    for (const s of set) (postings.get(s) ?? postings.set(s, []).get(s))?.push(i);
  });
  const shared = new Map<number, number>();
  const n = articles.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > SETTINGS.compare.maxShingleSources) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = (list[x] ?? 0) * n + (list[y] ?? 0);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const root = ids.map((_, i) => i);
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i] ?? i)));
  for (const [key, count] of [...shared].sort((a, b) => a[0] - b[0])) {
    const i = Math.floor(key / n);
    const j = key % n;
    const smaller = Math.min(shingles[i]?.size ?? 0, shingles[j]?.size ?? 0);
    // Most of the shorter text is in the longer one: one copy, perhaps trimmed or with a line added.
    if (smaller > 0 && count / smaller >= SETTINGS.compare.sameCopy) {
      const [a, b] = [find(i), find(j)];
      if (a !== b) root[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => (groups.get(find(i)) ?? groups.set(find(i), []).get(find(i)))?.push(id));
  return [...groups.values()]
    .filter((g) => g.length > 1)
    .map((g) => g.sort())
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}

/** How many independent reports a set of sources is: those that share copy count once. */
export function independentCount(sources: readonly string[], groups: readonly string[][]): { independent: number; shared: string[][] } {
  const mine = new Set(sources);
  const shared = groups.map((g) => g.filter((s) => mine.has(s))).filter((g) => g.length > 1);
  return { independent: sources.length - shared.reduce((sum, g) => sum + g.length - 1, 0), shared };
}
