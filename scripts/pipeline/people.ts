/**
 * Finds the people an article names and folds their spellings together: "Aleksandr Petrovskyy",
 * "Petrovsky" and "Mayor Petrovsky" are one person, keyed by their folded surname and shown by
 * the fullest name any source gives.
 */
import { NOT_PERSON, TITLES } from './lang/en/lexicon.ts';
import { fold } from './text.ts';

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

/** People across all sources: key → fullest name, learnt from multi-word names and titled names. */
export class PeopleRegistry {
  private readonly names = new Map<string, string>();
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

  /** Learns names found by `namesIn`: the fullest spelling of each key wins, whatever the order. */
  learnNames(names: ReadonlyArray<readonly [string, string]>): void {
    this.print = undefined;
    for (const [key, name] of names) {
      const known = this.names.get(key);
      if (known === undefined || name.length > known.length || (name.length === known.length && name < known)) this.names.set(key, name);
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

interface Candidate {
  key: string;
  name: string;
  start: number;
  end: number;
  multi: boolean;
  titled: boolean;
}

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
      // A name does not continue across punctuation ("Smith, Jones").
      const prev = run.at(-1);
      if (prev && /[,;:()«»“”"—–]/.test(text.slice(prev.end, t.start))) break;
      run.push(t);
      i++;
      if (run.length === 3) break;
    }
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
    const before = text.slice(Math.max(0, first.start - 40), first.start);
    const titled = TITLES.test(before);
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
