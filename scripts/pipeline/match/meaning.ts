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

/** How alike two mentions' sentence vectors are: cosine, -1..1 (0 when either has no known word). */
export type SentenceNearness = (a: Mention, b: Mention) => number;

/**
 * Sentence vectors after Arora, Liang and Ma, "A simple but tough-to-beat baseline for sentence
 * embeddings" (ICLR 2017): the words' vectors weighted by a / (a + p(w)), p(w) the word's
 * frequency (estimated from its frequency rank in the vectors' training corpus, by Zipf's law), and
 * the corpus's common component (its first principal component: what every sentence of one event
 * shares) removed. They see paraphrases that share few words; on their own they also rate two
 * sentences about one event alike, so they only add to the word overlap (similarity.ts).
 */
export function sentenceNearness(mentions: readonly Mention[]): SentenceNearness {
  const vectors = wordVectors();
  const dims = vectors.dimensions;
  const index = new Map<string, number>();
  const texts: string[] = [];
  // The common component is the corpus's: a sentence of a quote (partOf) is read in its whole quote.
  const wholes = mentions.filter((m) => m.partOf === undefined);
  for (const m of [...wholes, ...mentions.filter((x) => x.partOf !== undefined)]) {
    if (index.has(m.text)) continue;
    index.set(m.text, texts.length);
    texts.push(m.text);
  }
  const corpus = new Set(wholes.map((m) => m.text)).size;
  const table = new Float32Array(texts.length * dims);
  const known = new Uint8Array(texts.length);
  // Zipf: p(rank) ≈ 1 / ((rank + 10) · ln(1.78 · V)) for a vocabulary of V words.
  const zipf = Math.log(1.78 * VOCABULARY_SIZE);
  texts.forEach((text, k) => {
    const v = new Float64Array(dims);
    for (const token of words(text)) {
      const word = token.toLowerCase();
      const rank = vectors.rank(word);
      if (rank < 0) continue;
      const p = 1 / ((rank + 10) * zipf);
      if (vectors.addTo(v, word, SIF_A / (SIF_A + p))) known[k] = 1;
    }
    table.set(unit(v), k * dims);
  });
  const pc = principalComponent(table, corpus, dims);
  for (let k = 0; k < texts.length; k++) {
    const row = table.subarray(k * dims, (k + 1) * dims);
    let d = 0;
    for (let i = 0; i < dims; i++) d += (row[i] ?? 0) * (pc[i] ?? 0);
    for (let i = 0; i < dims; i++) row[i] = (row[i] ?? 0) - d * (pc[i] ?? 0);
    row.set(unit(Float64Array.from(row)));
  }
  return (a, b) => {
    const i = index.get(a.text);
    const j = index.get(b.text);
    if (i === undefined || j === undefined || !known[i] || !known[j]) return 0;
    let c = 0;
    for (let d = 0, x = i * dims, y = j * dims; d < dims; d++) c += (table[x + d] ?? 0) * (table[y + d] ?? 0);
    return c;
  };
}

/** SIF's smoothing weight: words more frequent than about one in a thousand weigh little. */
const SIF_A = 1e-3;
/** The words GloVe 6B was trained with, for the Zipf estimate of a word's frequency. */
const VOCABULARY_SIZE = 400_000;

/** `v` scaled to length 1 (unchanged when it is zero). */
function unit(v: Float64Array): Float64Array {
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n);
  return n === 0 ? v : new Float64Array(v.map((x) => x / n));
}

/** The first principal component (uncentred, as SIF removes it) of `rows` row vectors, by power iteration from a fixed start. */
function principalComponent(table: Float32Array, rows: number, dims: number): Float64Array {
  let u: Float64Array = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let iteration = 0; iteration < 15; iteration++) {
    const next = new Float64Array(dims);
    for (let k = 0; k < rows; k++) {
      let d = 0;
      for (let i = 0; i < dims; i++) d += (table[k * dims + i] ?? 0) * (u[i] ?? 0);
      for (let i = 0; i < dims; i++) next[i] = (next[i] ?? 0) + d * (table[k * dims + i] ?? 0);
    }
    u = unit(next);
  }
  return u;
}
