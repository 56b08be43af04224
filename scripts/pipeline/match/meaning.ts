/**
 * Which words of a corpus mean nearly the same: the cosine of their GloVe vectors (see
 * lang/vectors.ts), looked up by the stems the matcher compares. Only words the corpus also
 * writes in lower case get a vector: names, places and organisations say who and where, and
 * vectors put "Denmark" beside "Norway" and "Monday" beside "Tuesday", so they are never
 * softened into one another.
 */
import { wordVectors } from '../lang/vectors.ts';
import { fold, stem, words } from '../text.ts';
import type { Mention } from '../types.ts';

/** How near two stems are in meaning, 0..1 (0 when either has no vector); 1 for the same stem. */
export type Nearness = (a: string, b: string) => number;

const wordMemo = new Map<string, number>();

/** How near two words (lemmas, as written) are in meaning: their vectors' cosine, 0 when either is unknown. */
export function wordNearness(a: string, b: string): number {
  if (a === b) return 1;
  const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
  let c = wordMemo.get(key);
  if (c === undefined) {
    const vectors = wordVectors();
    const x = new Float64Array(vectors.dimensions);
    const y = new Float64Array(vectors.dimensions);
    c = 0;
    if (vectors.addTo(x, a, 1) && vectors.addTo(y, b, 1)) for (let d = 0; d < x.length; d++) c += (x[d] ?? 0) * (y[d] ?? 0);
    if (wordMemo.size > 100_000) wordMemo.clear();
    wordMemo.set(key, c);
  }
  return c;
}

/** Learns the corpus's words and returns their nearness; memoised per pair of stems. */
export function nearness(mentions: readonly Mention[]): Nearness {
  const vectors = wordVectors();
  const dims = vectors.dimensions;
  const lower = new Map<string, string>();
  const seen = new Set<string>();
  for (const m of mentions) {
    const text = m.sentence.text;
    if (seen.has(text)) continue;
    seen.add(text);
    for (const token of words(text)) {
      for (const part of token.split('-')) {
        // A word the corpus writes in lower case somewhere is a common word, wherever it stands.
        if (!/^\p{Ll}+$/u.test(part)) continue;
        const s = stem(part);
        if (!lower.has(s)) lower.set(s, part);
      }
    }
  }
  const ids = new Map<string, number>();
  const table: number[] = [];
  let count = 0;
  for (const [s, word] of lower) {
    const v = new Float64Array(dims);
    if (!vectors.addTo(v, word, 1)) continue;
    ids.set(s, count++);
    for (let d = 0; d < dims; d++) table.push(v[d] ?? 0);
  }
  const data = Float32Array.from(table);
  const memo = new Map<number, number>();
  return (a, b) => {
    if (a === b) return 1;
    const i = ids.get(a);
    const j = ids.get(b);
    if (i === undefined || j === undefined) return 0;
    const key = i < j ? i * count + j : j * count + i;
    let c = memo.get(key);
    if (c === undefined) {
      c = 0;
      for (let d = 0, x = i * dims, y = j * dims; d < dims; d++) c += (data[x + d] ?? 0) * (data[y + d] ?? 0);
      memo.set(key, c);
    }
    return c;
  };
}

/**
 * The words a corpus writes in lower case somewhere (folded as names are): a capitalised word
 * among them ("Delegates" at the start of a sentence, "Governor" before a name) names no one.
 */
export function commonWords(mentions: readonly Mention[]): (word: string) => boolean {
  const lower = new Set<string>();
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.sentence.text)) continue;
    seen.add(m.sentence.text);
    for (const token of words(m.sentence.text)) for (const part of token.split('-')) if (/^\p{Ll}+$/u.test(part)) lower.add(fold(part));
  }
  return (word) => lower.has(word);
}
