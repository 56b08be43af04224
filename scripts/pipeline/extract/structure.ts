/**
 * What a fact-checker compares in a statement, read off its tagged words: who it names (runs of
 * proper nouns, in order, aliases folded: "U.S." and "United States" are "us", a demonym stands
 * for its place) and what happens (its content verbs, negation kept). Two mentions that say different
 * things happened, or whose subjects are different people, are different claims.
 */
import { LIGHT_VERBS, PLACE_OF, SPEECH_VERBS, canonicalPhrases } from '../lang/en/lexicon.ts';
import { tag, type Token } from '../lang/en/grammar.ts';
import { fold } from '../text.ts';
import { verbKind, verbOfNoun } from '../lang/en/wordnet.ts';

/** Verbs that carry no claim of their own: being, having, doing, and saying (who speaks is the speaker's). */

const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Who and what a text states: `who` holds one entry per named entity, its words folded and joined by spaces. */
export function structure(text: string): { who: string[]; did: string[]; held: string[] } {
  // "U.S." and "U.K." are the US and the UK; "United States" too (canonicalPhrases).
  const tokens = tag(canonicalPhrases(withoutDateline(text)).replace(/\b((?:\p{Lu}\.){2,})/gu, (m) => m.replace(/\./g, '') + ' '));
  const who: string[] = [];
  const did = new Set<string>();
  const held = new Set<string>();
  let run: string[] = [];
  let runStart = 0;
  const close = (possessive = false, end = runStart): void => {
    // A possessive run ("the city's mayor") is marked with a leading apostrophe: it qualifies, it is
    // not the subject; so is who is quoted ("Governor Sollam said", "said Smith"), and a name in a
    // prepositional phrase ("sold at an auction in Keswan"; "by" names the actor, so it counts).
    const quoted = SPEECH_VERBS.test(tokens[end]?.text ?? '') || SPEECH_VERBS.test(tokens[runStart - 1]?.text ?? '') || SPEECH_VERBS.test(tokens[runStart - 2]?.text ?? '');
    let before = runStart - 1;
    while (tokens[before]?.pos === 'DET' || tokens[before]?.pos === 'ADJ') before--;
    const inPhrase = tokens[before]?.pos === 'ADP' && !/^by$/i.test(tokens[before]?.text ?? '');
    // A capitalised word beside a figure is its unit or currency ("Rs 130", "7 Wagu"), nobody's name.
    const unit = run.length === 1 && (tokens[runStart - 1]?.pos === 'NUM' || tokens[end]?.pos === 'NUM');
    // "Lind was fired": the subject of a passive is who it happened to, not who did it.
    const passive = tokens[end]?.pos === 'AUX' && tokens[end]?.lemma === 'be' && tokens[end + 1]?.pos === 'VERB' && /ed$|en$/.test(tokens[end + 1]?.text ?? '');
    const entry = `${possessive || quoted || inPhrase || passive ? "'" : ''}${run.join(' ')}`;
    if (run.length > 0 && !unit && !who.includes(entry)) who.push(entry);
    run = [];
  };
  for (const [i, t] of tokens.entries()) {
    if (run.length === 0) runStart = i;
    const w = fold(t.text).replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
    const place = PLACE_OF.get(t.text.toLowerCase().replace(/\./g, '').replace(/[’']s$/, ''));
    if ((t.pos === 'PROPN' || place !== undefined) && w.length > 1 && !CALENDAR.test(w)) {
      // A demonym qualifies ("a Danish ship", "Danish Prime Minister Holm"): like a possessive, it is not the subject.
      if (place !== undefined && place !== w) {
        close(false, i);
        runStart = i;
        run = [place];
        close(true, i + 1);
      } else run.push(place ?? w);
      if (/[’']s$/.test(t.text)) close(true);
      continue;
    }
    close(/^[’']s?$/.test(t.text), i);
    if (isContentVerb(tokens, i)) did.add(`${t.negated ? '!' : ''}${t.lemma}`);
    else if (t.pos === 'VERB' && /^\p{L}/u.test(t.lemma) && !LIGHT_VERBS.has(t.lemma) && verbKind(t.lemma) === 'stative') held.add(`${t.negated ? '!' : ''}${t.lemma}`);
    // "the creation of a cell", "its deployment": a noun that names an act says what happens too.
    const act = t.pos === 'NOUN' ? verbOfNoun(t.text) : null;
    if (act && isAct(act)) did.add(`${t.negated ? '!' : ''}${act}`);
  }
  close(false, tokens.length);
  return { who, did: [...did].sort(), held: [...held].sort() };
}

/** A verb that names an act: not a light verb, and of WordNet's event files (not stative, not only saying). */
export function isAct(verb: string): boolean {
  return !LIGHT_VERBS.has(verb) && verbKind(verb) === 'event';
}

/** A text without its dateline ("KESWAN —", "PORT ALDREN, Velmar (AP) -"): where it was filed is not what it says. */
export function withoutDateline(text: string): string {
  // "(KNN)Port Aldren officials …": an outlet's credit in brackets before the first word, too.
  return text.replace(/^\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*(?:,[^—–\n]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s+[—–-]{1,2}\s+(?=\p{L})/u, '').replace(/^\(\p{Lu}{2,}\)\s*(?=\p{L})/u, '');
}

/**
 * A verb that says what happened: not an auxiliary or a light verb, not a stative verb ("be",
 * "have", "include": WordNet's verb.stative), and not a verb of communication that only reports
 * words. Such a verb (WordNet's verb.communication) says what happened when it takes an object of
 * its own ("declared a state of emergency", "signed a declaration"), and only reports words when
 * a clause follows it ("said the terminal would reopen", "warned that …", "…, officials said.").
 */
export function isContentVerb(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at];
  if (!t || t.pos !== 'VERB' || !/^\p{L}/u.test(t.lemma) || LIGHT_VERBS.has(t.lemma)) return false;
  const kind = verbKind(t.lemma);
  if (kind !== 'communication') return kind === 'event';
  const next = tokens.slice(at + 1, at + 5);
  if (next.length === 0 || next[0]?.pos === 'PUNCT' || next[0]?.pos === 'SCONJ') return false;
  return !next.some((x) => x.pos === 'VERB' || x.pos === 'SCONJ' || /^[“”"«»]$/.test(x.text));
}
