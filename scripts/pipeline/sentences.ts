/**
 * Sentence spans of plain news text, for the segment stage. textlint's `sentence-splitter` runs at
 * ~0.5 MB/s on whole paragraphs here (its abbreviation marker scans its lexicon at every character),
 * so a linear pre-pass finds every candidate end (terminal punctuation, closing quotes, a space) and
 * settles the clear ones; a period after a word of the library's English abbreviation lexicon is a
 * "hard span" that the library itself judges on a short window (verdicts cached per feature set).
 * Corrections cover what the library gets wrong: dotted acronyms and company suffixes ("U.S. Army" vs
 * "the U.S. It…"), initials before names, numbers after "No."/"p."/months, closing quotes, ellipses,
 * lines, inline numbered lists, photo credits and datelines.
 */
import { split } from 'sentence-splitter';
import { English } from 'sentence-splitter/lang';

/** A sentence as character offsets into the text it was split from (end exclusive, trimmed). */
export interface SentenceSpan {
  start: number;
  end: number;
}

const lower = (words: readonly string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));
const LIBRARY_ABBREVIATIONS = lower([...English.ABBREVIATIONS, ...English.PREPOSITIVE_ABBREVIATIONS]);
/** Words after which a period never ends a sentence, whatever follows. */
const NEVER_FINAL = lower(['e.g.', 'i.e.', 'vs.', 'v.', 'cf.', 'viz.', 'approx.', 'ca.', 'incl.', 'esp.']);
/** Abbreviations a number usually follows: "No. 5", "p. 55", "Dec. 7". */
const BEFORE_NUMBER = lower(['no.', 'nos.', 'n°.', 'nº.', 'p.', 'pp.', 'vol.', 'fig.', 'art.', 'sec.', 'ch.',
  'para.', 'op.', 'tel.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.',
  'nov.', 'dec.', 'approx.', 'ca.', 'rev.', 'rt.']);
/** Abbreviations that can close a sentence or sit inside one ("the U.S. How…" / "the U.S. Army"). */
const AMBIGUOUS_FINAL = lower(['co.', 'inc.', 'corp.', 'ltd.', 'plc.', 'llc.', 'jr.', 'sr.', 'bros.', 'etc.',
  'st.', 'ave.', 'rd.', 'blvd.', 'dept.', 'univ.', 'esq.', 'pty.']);
/** Titles the library's lexicon lacks; like its own they always precede a name. */
const EXTRA_TITLES = lower(['pres.', 'amb.', 'atty.', 'fr.', 'sgt.', 'cmdr.', 'insp.', 'supt.', 'hon.', 'gov.', 'lt.']);
/** Words that typically open a sentence; after an ambiguous abbreviation they mark a boundary. */
const SENTENCE_OPENERS = new Set(('The A An It Its He She They We I You This That These Those There Here But And ' +
  'Or So Yet However In On At As After Before When While If How What Why Where Who Which His Her Their Our My ' +
  'Some Many Most Meanwhile Also Although Though Since Because Both Each One No Not Officials Police ' +
  'According Later Earlier Then Now Today Yesterday Still Such Other Another All Several Last Next During ' +
  'Despite Instead Under Over Among With Without For From By To Of Is Are Was Were Do Does Did Can Will').split(' '));

const OPENING = '"\'“‘«([¿¡';
/** Terminal punctuation (and spaced ". . ." ellipses), closing quotes/brackets (or stray end tags), then a space. */
const CANDIDATE = /(?<![.!?…‽])[.!?…‽](?:[.!?…‽]|[ \u00a0](?=[.…]))*(?:["'”’“‘)\]]|[ \u00a0\u202f]?»|<\/[A-Za-z][A-Za-z0-9]{0,9}>)*(?=\s|$)/g;
const LINE = /[^\n\r\u2028\u2029]+/g;
const DATELINE = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}(?=\s+\S)/;
const CREDIT = /\s(?=(?:Image|Photo|Photograph|Picture|Video|Audio|Credit|Illustration|Graphic)s?: \S)/g;
const LIST_MARKER = /^([•⁃▪◦‣·*-]?)\s*(\d{1,3}|[a-zA-Z])(\.\)|\.|\))(?=\s)/;
const BULLET_ONLY = /^([•⁃▪◦‣])\s/;
const SPACE = /\s/;
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;

/** Split `text` into sentence spans; never throws, every non-space character lands in one span. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  if (typeof text !== 'string' || text.length === 0) return spans;
  // One pass of the candidate pattern over the whole text, consumed line by line (linear time).
  const re = new RegExp(CANDIDATE.source, 'g');
  const cursor: Cursor = { re, m: re.exec(text) };
  const lines = new RegExp(LINE.source, 'g');
  for (let m = lines.exec(text); m !== null; m = lines.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && SPACE.test(text[s]!)) s++;
    while (e > s && SPACE.test(text[e - 1]!)) e--;
    if (s === e) continue;
    let from = s;
    for (const cut of forcedStarts(text.slice(s, e))) {
      splitSegment(text, from, trimEnd(text, from, s + cut), spans, cursor);
      from = s + cut;
    }
    splitSegment(text, from, e, spans, cursor);
  }
  return spans;
}

function trimEnd(text: string, s: number, e: number): number {
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return e;
}

/** Offsets in a line where a sentence starts without terminal punctuation: list items, credits, datelines. */
function forcedStarts(line: string): number[] {
  const cuts: number[] = [];
  const date = DATELINE.exec(line);
  if (date) cuts.push(nextNonSpace(line, date[0].length));
  if (line.includes(': ')) {
    CREDIT.lastIndex = 0;
    for (let m = CREDIT.exec(line); m !== null; m = CREDIT.exec(line)) cuts.push(m.index + 1);
  }
  const marker = LIST_MARKER.exec(line);
  const bullet = marker ? null : BULLET_ONLY.exec(line);
  if (cuts.length === 0 && !marker && !bullet) return cuts;
  if (marker) {
    const [, lead, label, close] = marker as unknown as [string, string, string, string];
    let next = successor(label);
    const probe = new RegExp(`\\s${escape(lead)}\\s*(\\d{1,3}|[a-zA-Z])${escape(close)}(?=\\s)`, 'g');
    probe.lastIndex = marker[0].length;
    for (let hit = probe.exec(line); hit !== null && next !== null; hit = probe.exec(line)) {
      if (hit[1] !== next) continue;
      cuts.push(hit.index + 1);
      next = successor(next);
    }
  } else if (bullet) {
    for (let i = line.indexOf(` ${bullet[1]} `, 1); i > 0; i = line.indexOf(` ${bullet[1]} `, i + 2)) cuts.push(i + 1);
  }
  return [...new Set(cuts)].filter((c) => c > 0 && c < line.length).sort((a, b) => a - b);
}

function successor(label: string): string | null {
  if (/^\d+$/.test(label)) return String(Number(label) + 1);
  const code = label.charCodeAt(0);
  return label === 'z' || label === 'Z' ? null : String.fromCharCode(code + 1);
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

function nextNonSpace(text: string, i: number): number {
  while (i < text.length && SPACE.test(text[i]!)) i++;
  return i;
}

/** The candidate-end pattern running over the whole text, and its current match. */
interface Cursor {
  re: RegExp;
  m: RegExpExecArray | null;
}

/** Split one trimmed stretch of a line [s, e) at the candidate ends the cursor finds inside it. */
function splitSegment(text: string, s: number, e: number, spans: SentenceSpan[], cursor: Cursor): void {
  if (s >= e) return;
  let start = s;
  for (; cursor.m !== null && cursor.m.index < e; cursor.m = cursor.re.exec(text)) {
    const m = cursor.m;
    if (m.index < s) continue;
    const end = m.index + m[0].length;
    if (end >= e) continue;
    const next = nextNonSpace(text, end);
    if (next >= e) continue;
    const cluster = m[0];
    if (!isBoundary(text, start, m.index, cluster, next, e)) continue;
    // "compounds. . . . The": a period then an ellipsis that opens the next sentence.
    const cut = /^\.(?: \.){3}$/.test(cluster) && m.index > start && !SPACE.test(text[m.index - 1]!) ? m.index + 1 : end;
    spans.push({ start, end: cut });
    start = nextNonSpace(text, cut);
  }
  spans.push({ start, end: e });
}

function countDots(cluster: string): number {
  let dots = 0;
  for (const c of cluster) dots += c === '.' ? 1 : c === '…' ? 3 : 0;
  return dots;
}

/** The word just before `at` (back to a space or the sentence start), without opening punctuation. */
function wordBefore(text: string, from: number, at: number): string {
  let i = at;
  while (i > from && at - i < 64 && !SPACE.test(text[i - 1]!)) i--;
  while (i < at && OPENING.includes(text[i]!)) i++;
  return text.slice(i, at);
}

/** The word after `at`, up to a space, capped. */
function wordAfter(text: string, at: number, e: number): string {
  let i = at;
  while (i < e && i - at < 64 && !SPACE.test(text[i]!)) i++;
  return text.slice(at, i);
}

function isBoundary(text: string, start: number, at: number, cluster: string, next: number, e: number): boolean {
  const nextWord = wordAfter(text, next, e);
  let n = 0;
  while (n < nextWord.length - 1 && OPENING.includes(nextWord[n]!)) n++;
  const head = nextWord.slice(n);
  if (LOWER.test(head) || /^[—–-]/.test(head)) return false;
  const elision = at > start && '[('.includes(text[at - 1]!); // "[...]" leaves words out, "(…" is no end
  if (elision && (nextWord[0] === '(' || !/[\])]$/.test(cluster))) return false;
  const word = wordBefore(text, start, at);
  const wordStart = at - word.length;
  if (wordStart <= start + 2 && /^[•⁃▪◦‣*-]?(?:\d{1,3}|[a-zA-Z])\)?$/.test(word)) return false; // "1.)" "a."
  if (cluster !== '.' && (/[!?‽]/.test(cluster) || /[”’“‘"')\]»]$/.test(cluster))) return true;
  const dots = cluster === '.' ? 1 : countDots(cluster);
  if (dots >= 4) return true;
  if (dots === 3) return !/^I(?:$|['’])/.test(head); // "… I" says nothing: the pronoun is always capital
  if (word === '') return true;
  const abbr = `${word}.`.toLowerCase();
  if (NEVER_FINAL.has(abbr)) return false;
  if (/^\d/.test(head)) return !BEFORE_NUMBER.has(abbr);
  const initial = /^\p{Lu}$/u.test(word);
  const acronym = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (EXTRA_TITLES.has(abbr)) return false;
  if (!initial && !acronym && !LIBRARY_ABBREVIATIONS.has(abbr)) return true;
  // Hard span: correct the library where it is weak, otherwise ask it.
  const opener = SENTENCE_OPENERS.has(head.replace(/['’].*$/, ''));
  if (acronym || AMBIGUOUS_FINAL.has(abbr)) return opener;
  const before = wordBefore(text, start, Math.max(start, wordStart - 1));
  // An initial before a capitalised word is a name ("writer L. Ron Hubbard") unless a sentence opener follows.
  if (initial && word !== 'I') return opener && head !== 'A' && head !== 'I';
  // The library's verdict depends only on these three features, so it is asked once per combination.
  const key = `${UPPER.test(before)}|${word}|${UPPER.test(nextWord)}`;
  let verdict = libraryVerdicts.get(key);
  if (verdict === undefined) {
    const lead = before === '' ? '' : `${before} `;
    verdict = librarySplitsAt(`${lead}${word}. ${nextWord}`, lead.length + word.length + 1);
    if (libraryVerdicts.size < 10_000) libraryVerdicts.set(key, verdict);
  }
  return verdict;
}

const libraryVerdicts = new Map<string, boolean>();

/** Whether textlint's sentence-splitter ends a sentence at offset `at` of this short window. */
function librarySplitsAt(window: string, at: number): boolean {
  const nodes = split(window);
  for (let i = 0; i < nodes.length - 1; i++) {
    const node = nodes[i]!;
    if (node.type === 'Sentence' && node.range[1] === at) return true;
  }
  return false;
}
