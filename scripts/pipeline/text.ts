/**
 * Text normalisation and word-level helpers shared by the stages: one canonical form of whitespace
 * and Unicode, tokens, stems and name keys.
 */
import { stemmer } from 'stemmer';

/**
 * Accents dropped from Latin and Greek letters (é → e, ά → α), where names and addresses
 * conventionally go without them; every other script keeps its marks (Ukrainian ї and й,
 * Devanagari vowel signs are letters of their own). NFC.
 */
export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/([\p{Script=Latin}\p{Script=Greek}])\p{M}+/gu, '$1').normalize('NFC');
}

/**
 * NFC, Unix newlines, no soft hyphens, zero-width spaces or bidi controls, single spaces within
 * lines. Zero-width joiners (ZWNJ, ZWJ) stay: Persian words and emoji sequences need them. Bidi
 * overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069) go: they can show a quote
 * reversed or reordered while its characters say something else.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00AD\u200B\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n');
}

/** The normal form on one line: whitespace, newlines included, collapsed to single spaces. */
export function oneLine(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/** Folds a name or word for comparison: no accents, lower case, doubled letters single. */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/([a-z])\1+/g, '$1');
}

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with about as into onto over under after before ' +
    'during since until while than then that this these those there here which who whom whose what when where why how ' +
    'is are was were be been being am do does did done have has had having will would shall should can could may might must ' +
    'it its it\'s they them their theirs he him his she her hers we us our ours you your yours i me my mine ' +
    'not no also just only very more most much many some any each every all both either neither such own same other another ' +
    'said says say saying told tell according added noted stated described remarked pointed announced indicated ' +
    'emphasized emphasised stressed highlighted mentioned acknowledged explained declared insisted argued warned cautioned ' +
    'entail entails involve involves involving include includes included outlined outline also including ' +
    'if because though although however whether despite against between among within without across through ' +
    'up down out off again further once new one two event ' + // numerals are values, not terms
    // Roles that introduce people: they say who speaks, not what is claimed.
    'president prime minister chancellor envoy secretary official officials spokesperson spokesman spokeswoman adviser advisor leader mr mrs ms dr'
  ).split(/\s+/),
);

/** True for words that carry no claim on their own. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

/** Word tokens of a text (letters and digits, keeping inner apostrophes, dots and hyphens). */
export function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu) ?? [];
}

const stems = new Map<string, string>();

/** Stem of a word, for matching inflections ("deployed", "deployment" → "deploy"); memoised. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemWord(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

function stemWord(word: string): string {
  const folded = fold(word).replace(/'s$/, '').replace(/[.']/g, '');
  // Porter turns a final y into i only sometimes ("deployed" → deploi, "deployment" → deploy): undo it.
  return folded.length <= 3 ? folded : stemmer(folded).replace(/i$/, 'y');
}

/** Splits hyphenated compounds so "U.S.-led" also yields "us" and "led". */
export function contentStems(text: string, synonyms: ReadonlyMap<string, string> = new Map()): string[] {
  const out: string[] = [];
  for (const token of words(text)) {
    // "non-negotiable" is not "negotiable": a negating prefix stays with its word.
    // "we’re", "it’s", "don’t": a contraction is its word, and its clitic is no content.
    const word = token.replace(/n?[’'](?:s|re|ll|ve|d|m|t)$/iu, '');
    for (const part of word.replace(/^(non|anti|un)-(?=\p{L})/iu, '$1').split('-')) {
      const acronym = part.length <= 4 && part === part.toUpperCase() && /\p{Lu}/u.test(part);
      if (part === '' || /^\d/.test(part) || (!acronym && isStopword(part))) continue;
      const s = stem(part);
      if (s.length < 2) continue;
      out.push(synonyms.get(s) ?? s);
    }
  }
  return out;
}

/** Levenshtein distance between two short strings ("did you mean", names spelt two ways). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length] ?? 0;
}
