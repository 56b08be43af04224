/**
 * What a fact-checker compares in a statement, read off its tagged words: who it names (runs of
 * proper nouns, in order, aliases folded: "U.S." and "United States" are "us", "French" is
 * "france") and what happens (its content verbs, negation kept). Two mentions that say different
 * things happened, or whose subjects are different people, are different claims.
 */
import { PLACE_OF, SPEECH_VERBS, canonicalPhrases } from '../lang/en/lexicon.ts';
import { tag, type Token } from '../lang/en/grammar.ts';
import { fold } from '../text.ts';
import { verbOfNoun } from '../lang/en/wordnet.ts';

/** Verbs that carry no claim of their own: being, having, doing, and saying (who speaks is the speaker's). */
const LIGHT_VERBS = new Set(['be', 'have', 'do', 'get', 'make', 'go', 'come', 'become', 'seem', 'appear', 'want', 'need', 'try', 'begin', 'start', 'continue', 'include', 'involve']);

const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

/** Who and what a text states: `who` holds one entry per named entity, its words folded and joined by spaces. */
export function structure(text: string): { who: string[]; did: string[] } {
  // "U.S." and "U.K." are the US and the UK; "United States" too (canonicalPhrases).
  const tokens = tag(canonicalPhrases(withoutDateline(text)).replace(/\b((?:\p{Lu}\.){2,})/gu, (m) => m.replace(/\./g, '') + ' '));
  const who: string[] = [];
  const did = new Set<string>();
  let run: string[] = [];
  let runStart = 0;
  const close = (possessive = false, end = runStart): void => {
    // A possessive run ("Ukraine's allies") is marked with a leading apostrophe: it qualifies, it is
    // not the subject; so is who is quoted ("Governor Sollam said", "said Smith").
    const quoted = SPEECH_VERBS.test(tokens[end]?.text ?? '') || SPEECH_VERBS.test(tokens[runStart - 1]?.text ?? '') || SPEECH_VERBS.test(tokens[runStart - 2]?.text ?? '');
    const entry = `${possessive || quoted ? "'" : ''}${run.join(' ')}`;
    if (run.length > 0 && !who.includes(entry)) who.push(entry);
    run = [];
  };
  for (const [i, t] of tokens.entries()) {
    if (run.length === 0) runStart = i;
    const w = fold(t.text).replace(/[’']s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
    const place = PLACE_OF.get(t.text.toLowerCase().replace(/\./g, '').replace(/[’']s$/, ''));
    if ((t.pos === 'PROPN' || place !== undefined) && w.length > 1 && !CALENDAR.test(w)) {
      // A demonym qualifies ("a European force", "French President Macron"): like a possessive, it is not the subject.
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
    if (t.pos === 'VERB' && isContentVerb(t)) did.add(`${t.negated ? '!' : ''}${t.lemma}`);
    // "the creation of a cell", "its deployment": a noun that names an act says what happens too.
    const act = t.pos === 'NOUN' ? verbOfNoun(t.text) : null;
    if (act && !LIGHT_VERBS.has(act) && !SAYING.has(act)) did.add(`${t.negated ? '!' : ''}${act}`);
  }
  close(false, tokens.length);
  return { who, did: [...did].sort() };
}

/** A text without its dateline ("PARIS —", "MONTGOMERY, Ala. (AP) -"): where it was filed is not what it says. */
export function withoutDateline(text: string): string {
  return text.replace(/^\p{Lu}{3,}(?:[\s-]\p{Lu}{2,})*(?:,[^—–\n]{1,30}?)?(?:\s*\([^)]{1,30}\))?\s+[—–-]{1,2}\s+(?=\p{L})/u, '');
}

/**
 * Verbs that only report words. Verbs of saying that also do something ("declared a state of
 * emergency", "announced", "pledged", "promised") say what happened and stay content verbs.
 */
const SAYING = new Set(['say', 'tell', 'add', 'note', 'state', 'remark', 'argue', 'explain', 'write', 'tweet', 'post', 'claim', 'reply', 'respond', 'ask', 'insist', 'stress', 'emphasize', 'emphasise', 'mention', 'suggest', 'acknowledge', 'recall', 'describe', 'indicate', 'report', 'call', 'comment', 'caution', 'warn', 'highlight', 'point', 'assert', 'admit', 'concede', 'predict', 'echo']);

/** A verb that says what happened (not an auxiliary, a light verb or a verb that only reports words). */
export function isContentVerb(t: Token): boolean {
  return t.pos === 'VERB' && !LIGHT_VERBS.has(t.lemma) && !SAYING.has(t.lemma) && /^\p{L}/u.test(t.lemma);
}
