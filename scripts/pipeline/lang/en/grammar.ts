/**
 * Parts of speech, lemmas and negation for English text, from wink-nlp and its light English model
 * (installed by npm; about 20,000 sentences a second here). The matcher reads a mention's structure
 * from them: who it names, what happens in it, and what its figures count.
 */
import { createRequire } from 'node:module';

/** One word of a text as the tagger reads it. */
export interface Token {
  /** The word as written. */
  text: string;
  /** Universal POS tag: NOUN, PROPN, VERB, AUX, ADJ, NUM, … */
  pos: string;
  lemma: string;
  /** True for the word a negation denies: the first verb or noun after it ("would not engage", "no agreement"). */
  negated: boolean;
  /** Where the word starts in the text (UTF-16 offset), or -1 when the tagger changed its form. */
  start: number;
}

interface WinkDoc {
  tokens(): { out(helper: unknown): string[] | boolean[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown; lemma: unknown; negationFlag: unknown; type: unknown };
}

let nlp: Wink | null = null;

function tagger(): Wink {
  if (!nlp) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos', 'negation']);
  }
  return nlp;
}

const memo = new Map<string, Token[]>();

/** The words of a text with their tags; memoised (wire copy repeats sentences), never mutate. */
export function tag(text: string): Token[] {
  let tokens = memo.get(text);
  if (tokens) return tokens;
  const { its, readDoc } = { its: tagger().its, readDoc: (t: string) => tagger().readDoc(t) };
  const list = readDoc(text).tokens();
  const values = list.out(its.value) as string[];
  const pos = list.out(its.pos) as string[];
  const lemmas = list.out(its.lemma) as string[];
  const negated = list.out(its.negationFlag) as boolean[];
  const types = list.out(its.type) as string[];
  tokens = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const found = text.indexOf(value, at);
    // Near the last token, or past blanks of any length (quoted words masked out).
    const start = found >= 0 && (found - at < 40 || text.slice(at, found).trim() === '') ? found : -1;
    if (start >= 0) at = start + value.length;
    if (types[i] === 'punctuation' || types[i] === 'tabCRLF') {
      tokens.push({ text: value, pos: 'PUNCT', lemma: value, negated: false, start });
      continue;
    }
    tokens.push({ text: value, pos: pos[i] ?? 'X', lemma: (lemmas[i] ?? value).toLowerCase(), negated: negated[i] === true, start });
  }
  scopeNegation(tokens);
  if (memo.size > 50_000) memo.clear();
  memo.set(text, tokens);
  return tokens;
}

/**
 * wink-nlp marks every word from a negation to the next punctuation as negated: in "will never
 * work here again if you tell anyone", "tell" too. What a negation denies is the first verb or
 * noun after it, and the verbs that verb governs through "to" ("not going to deploy", "not
 * planning to send"); the rest of the run is only in its sentence.
 */
function scopeNegation(tokens: Token[]): void {
  let denied = false;
  let chain = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // Each run of marked words is one negation's scope.
    if (!t.negated) {
      denied = false;
      continue;
    }
    if (chain && t.pos === 'VERB') continue;
    chain = chain && (t.pos === 'PART' || t.pos === 'ADV');
    if (denied || (t.pos !== 'VERB' && t.pos !== 'NOUN')) {
      tokens[i] = { ...t, negated: false };
      continue;
    }
    denied = true;
    chain = t.pos === 'VERB' && /^to$/i.test(tokens[i + 1]?.text ?? '');
  }
}
