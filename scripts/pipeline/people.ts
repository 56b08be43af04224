/**
 * Finds the people an article names and folds their spellings together: "Aleksandr Petrovskyy",
 * "Petrovsky" and "Mayor Petrovsky" are one person, keyed by their folded surname and shown by
 * the fullest name any source gives.
 */
import { NOT_PERSON, TITLES } from './lang/en/lexicon.ts';
import { isKindOf, nounOf, synsets } from './lang/en/wordnet.ts';
import { editDistance, fold } from './text.ts';

/** A person named in a text, with where the name stands. */
export interface NameHit {
  key: string;
  name: string;
  start: number;
  end: number;
}

const CAP = /^\p{Lu}[\p{L}’'-]*\p{L}$/u;
const TOKEN = /[\p{L}][\p{L}’'.-]*/gu;

/** The key a person is known by: the folded surname, without a possessive. */
export function personKey(name: string): string {
  const last = name.replace(/[’']s$/, '').split(/\s+/).at(-1) ?? name;
  return fold(last);
}

/** True when two spellings are one name misspelt ("Castell" and "Castel", "VanDalen" and "Van Dalen"), not two names. */
export function sameSpelling(a: string, b: string): boolean {
  const x = fold(a).replace(/[^a-z]/g, '');
  const y = fold(b).replace(/[^a-z]/g, '');
  if (x === y || x.startsWith(y) || y.startsWith(x)) return true;
  return editDistance(x, y) / Math.max(x.length, y.length) <= 0.25;
}

/**
 * True when two written names can be one person: the same surname (spelling slips allowed, and a
 * surname written as one word or two) and first names that are one name, an initial, or absent.
 */
export function samePerson(a: string, b: string): boolean {
  const pa = a.replace(/[’']s$/, '').split(/\s+/);
  const pb = b.replace(/[’']s$/, '').split(/\s+/);
  const surname = (p: string[]): string => fold(p.at(-1) ?? '');
  const joined = (p: string[]): string => fold(p.join(''));
  if (!(sameSpelling(surname(pa), surname(pb)) || joined(pa).endsWith(surname(pb)) || joined(pb).endsWith(surname(pa)))) return false;
  return !firstNamesDiffer(a, b);
}

/** True when two names share a surname but not a first name ("Tomas Lind" and "Teodor Lind"). */
export function firstNamesDiffer(a: string, b: string): boolean {
  const first = (n: string): string | null => {
    const parts = n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    return parts.length >= 2 ? (parts[0] ?? null) : null;
  };
  // A name written inside the other one ("Teodor Lind" in "Guide Teodor Lind") is that name,
  // a title or rank before it.
  const within = (x: string, y: string): boolean => ` ${y.toLowerCase()} `.includes(` ${x.toLowerCase()} `);
  if (within(a, b) || within(b, a)) return false;
  const fa = first(a);
  const fb = first(b);
  if (!fa || !fb || fa.replace(/\.$/, '').length <= 1 || fb.replace(/\.$/, '').length <= 1) return false;
  return !sameSpelling(fa, fb);
}

/** True when a speaker is a person, not a document or a body ("the report", "the ministry": see extract's findSpeaker). */
export function isPersonSpeaker(speaker: string | null): speaker is string {
  return speaker !== null && !/^the /.test(speaker);
}

/** People across all sources: key → fullest name, learnt from multi-word names and titled names. */
export class PeopleRegistry {
  private readonly names = new Map<string, string>();
  /** How many articles write each spelling of a key. */
  private readonly spellings = new Map<string, Map<string, number>>();
  /** Candidates by text: learning and finding read the same sentences, and wire copy repeats them. */
  private readonly seen = new Map<string, readonly Candidate[]>();
  private print: string | undefined;

  private candidates(text: string): readonly Candidate[] {
    let found = this.seen.get(text);
    if (found === undefined) {
      found = candidates(text);
      this.seen.set(text, found);
    }
    return found;
  }

  /** Learns the full names (two or three capitalised words, or a name after a title) in a text. */
  learn(text: string): void {
    this.learnNames(this.namesIn(text));
  }

  /** The full names a text would teach, as [key, name], without learning them. */
  namesIn(text: string): Array<[string, string]> {
    return this.candidates(text).flatMap((hit): Array<[string, string]> => (hit.multi || hit.titled ? [[hit.key, hit.name]] : []));
  }

  /**
   * Learns names found by `namesIn` (one call per article): the spelling most articles use wins,
   * then the fullest, whatever the order ("Teodor Lind" in three reports, "Tomas" in one).
   */
  learnNames(names: ReadonlyArray<readonly [string, string]>): void {
    this.print = undefined;
    for (const [key, name] of new Map(names.map(([k, n]) => [`${k}\u0000${n}`, [k, n] as const])).values()) {
      const counts = this.spellings.get(key) ?? new Map<string, number>();
      counts.set(name, (counts.get(name) ?? 0) + 1);
      this.spellings.set(key, counts);
      const best = [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0];
      if (best) this.names.set(key, best[0]);
    }
  }

  /** Identifies what the registry knows: equal fingerprints, equal answers. */
  fingerprint(): string {
    this.print ??= [...this.names].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k}\u0000${n}`).join('\u0001');
    return this.print;
  }

  /** The people a text names, in order, including surname-only mentions of known people. */
  find(text: string): NameHit[] {
    const out: NameHit[] = [];
    for (const hit of this.candidates(text)) {
      const name = this.names.get(hit.key);
      if (name !== undefined) out.push({ key: hit.key, name, start: hit.start, end: hit.end });
    }
    return out;
  }

  /** The display name for a key. */
  name(key: string): string | undefined {
    return this.names.get(key);
  }
}

/** A word that only names a kind of person ("seller", "son"): not one that is also an adjective ("regular", "original") or a verb ("have"). */
function isRole(word: string): boolean {
  return synsets(word, 'adj').length === 0 && synsets(word, 'verb').length === 0 && isKindOf(nounOf(word) ?? word, 'person');
}

interface Candidate {
  key: string;
  name: string;
  start: number;
  end: number;
  multi: boolean;
  titled: boolean;
}

/** Capitalised words read as one run at most: longer than any name, so a title before a name is seen whole. */
const LONGEST_RUN = 5;

/** Runs of capitalised words that could be a person's name. */
function candidates(text: string): Candidate[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ word: m[0].replace(/[’']s$/, '').replace(/\.$/, ''), start: m.index, end: m.index + m[0].length }));
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run: typeof tokens = [];
    while (i < tokens.length) {
      const t = tokens[i];
      if (!t || !CAP.test(t.word) || NOT_PERSON.has(t.word) || t.word.length < 2 || t.word === t.word.toUpperCase()) break;
      // A name does not continue across punctuation ("Smith, Jones"), nor past a possessive ("Velmar Radio's Ilse Brandt").
      const prev = run.at(-1);
      if (prev && (/[,;:()«»“”"—–]/.test(text.slice(prev.end, t.start)) || /[’']s$/.test(text.slice(prev.start, prev.end)))) break;
      run.push(t);
      i++;
      if (run.length === LONGEST_RUN) break;
    }
    // "Minister of State for Harbour Affairs Teodor Lind": a run longer than a name is a title
    // or a body's name before one; the name is its last two words.
    if (run.length > 3) run.splice(0, run.length - 2);
    if (run.length === 0) {
      i++;
      continue;
    }
    // A sentence's first word is capitalised anyway: "Echoing Smith" is not a name.
    const sentenceStart = /(^|[.!?]["'”’»]?\s+|\n)$/.test(text.slice(Math.max(0, (run[0]?.start ?? 0) - 3), run[0]?.start ?? 0)) || run[0]?.start === 0;
    if (sentenceStart && run.length > 1 && /(ing|ed|ly)$/.test(run[0]?.word ?? '')) run.shift();
    const first = run[0];
    const last = run.at(-1);
    if (!first || !last) continue;
    // "Expedition Operators Association", "Harbour Authority": a name that ends in a kind of
    // organisation (WordNet) names a body, not a person.
    if (run.length > 1 && isKindOf(last.word.toLowerCase(), 'organization')) continue;
    // "Free Dockers Union": a run cut short by a word that names a body starts that body's name.
    const next = tokens[i];
    if (next && next.start - last.end <= 1 && CAP.test(next.word) && isKindOf(next.word.toLowerCase(), 'organization')) continue;
    const before = text.slice(Math.max(0, first.start - 40), first.start);
    // "Noura (31)", "Ala, 25,": an age right after a lone name says it is a person's.
    const aged = run.length === 1 && /^\s*(?:\(\d{1,3}\)|,\s*\d{1,3},)/.test(text.slice(last.end, last.end + 8));
    // "former clothes seller Mohammad", "crane driver Keswan": a word for a person (WordNet) right before a lone name is its title.
    const role = run.length === 1 && !sentenceStart ? /(?:^|\s)(\p{Ll}[\p{Ll}-]+)\s$/u.exec(before)?.[1] : undefined;
    const titled = TITLES.test(before) || aged || (role !== undefined && isRole(role));
    const name = run.map((t) => t.word).join(' ');
    // A lone capitalised word at a sentence start is an ordinary word unless a title introduces it.
    if (run.length === 1 && sentenceStart && !titled) {
      out.push({ key: personKey(name), name, start: first.start, end: last.end, multi: false, titled: false });
      continue;
    }
    out.push({ key: personKey(name), name, start: first.start, end: last.end, multi: run.length >= 2, titled });
  }
  return out;
}
