/**
 * Finds the check-worthy statements and the direct quotes of each article, with who says them
 * ("he said" resolved to the person named before), the people they name and the values they state.
 */
import type { PipelineCache } from './cache.ts';
import { PRONOUN, SPEECH_VERBS, DEMONYM_STEMS, TITLES, canonicalPhrases } from './lang/en/lexicon.ts';
import { PeopleRegistry, type NameHit } from './people.ts';
import { findQuotes, wordCount } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import { SETTINGS } from './settings.ts';
import { contentStems } from './text.ts';
import { findValues } from './values.ts';
import { structure } from './extract/structure.ts';
import { tag } from './lang/en/grammar.ts';
import { isKindOf, nounOf, verbOf } from './lang/en/wordnet.ts';
import type { Mention, SegmentedArticle, Sentence, Value } from './types.ts';

const EVENT_VERBS =
  /\b(will|would|could|agreed|agree|pledged?|committed?|signed|announced|adopted|endorsed|established?|deploy\w*|launch\w*|approved|rejected|declined|attended|met|killed|won|lost|voted|passed|includes?|including|outlined|proposed|unveiled|confirmed|led|leads?|backed|occup\w+|invaded|lead|provide|support\w*|set to|plans?|expected)\b/i;
const OPINION = /^(but|and|so)?\s*(i think|i believe|in my view|perhaps|maybe)\b/i;

/** Learns the people named across all articles, so a surname alone is recognised anywhere. */
export function learnPeople(articles: readonly SegmentedArticle[], cache?: PipelineCache): PeopleRegistry {
  const registry = new PeopleRegistry();
  for (const article of articles) {
    const names = () => article.sentences.flatMap((s) => (s.kind === 'body' ? registry.namesIn(s.text) : []));
    registry.learnNames(cache ? cache.names(article, names) : names());
  }
  return registry;
}

/** The mentions of one article, in reading order. */
export function extract(article: SegmentedArticle, people: PeopleRegistry): Mention[] {
  const mentions: Mention[] = [];
  const quotesIn = quoteFinder(article);
  let previousSpeaker: string | null = null;
  let lastPerson: string | null = null;
  // The document or body the text last named ("the report"), for "it says".
  let lastBody: string | null = null;
  // Who issued a document the text names ("Lind said in a statement" → "the statement" is Lind's).
  const authors = new Map<string, string>();
  let lastQuoteSpeaker: { speaker: string; end: number } | null = null;
  // Who the sentence just before attributes its words to: a quote that opens the next sentence,
  // unattributed, backs that paraphrase ("The report says the threats went on. “Within days …”").
  let saidBefore: { speaker: string; at: number } | null = null;
  const covered = new Set<number>();
  article.sentences.forEach((sentence, at) => {
    if (sentence.kind === 'heading') {
      previousSpeaker = null;
      saidBefore = null;
      return;
    }
    const inside = quotesIn(sentence.start, sentence.end);
    const outside = maskQuotes(sentence, inside);
    const saying = speechVerbs(outside).length > 0;
    const names = people.find(sentence.text).filter((n) => outside.slice(n.start, n.end).trim() !== '');
    const refs = (): Referents => ({ person: previousSpeaker ?? lastPerson, body: lastBody, authors });
    const speaker = findSpeaker(outside, names, refs());
    const longs = inside.filter((q) => q.start >= sentence.start && isQuotation(article.text.slice(q.start, q.end)));
    if (!covered.has(sentence.index)) {
      // "“The hardest part”, Lind told us, “is keeping the cranes running … The second …”": each quote that starts
      // here is one, the second running on into the sentences after.
      for (const [k, long] of longs.entries()) {
        // A quote may run over several sentences; its attribution can sit in any of them.
        // Sentences are in text order and the quote starts in this one: the span runs on from here.
        const span: Sentence[] = [];
        for (let i = at; i < article.sentences.length && (article.sentences[i]?.start ?? 0) < long.end; i++) {
          const s = article.sentences[i];
          if (s && s.kind === 'body' && s.end > long.start) span.push(s);
        }
        for (const s of span) covered.add(s.index);
        // "The report says Ardis told investigators “…”": the quoted words are the words of the verb nearest them.
        let quoteSpeaker = findSpeaker(outside, names, refs(), long.start - sentence.start);
        for (const s of span.slice(1)) {
          if (quoteSpeaker) break;
          // Names inside the quoted words are what the speaker talks about, not who speaks.
          const masked = maskQuotes(s, inside.concat(quotesIn(s.start, s.end)));
          quoteSpeaker = findSpeaker(masked, people.find(s.text).filter((n) => masked.slice(n.start, n.end).trim() !== ''), refs());
        }
        // With no verb of saying in the sentence: "“…,” Teodor Lind, a spokesman for the union." (a name right after
        // the quote is who spoke); "The report by the special counsel paints a port whose “cranes were never
        // inspected”" (the words quoted in a sentence that a document or body heads are its own).
        if (!quoteSpeaker && !saying) quoteSpeaker = namedRightAfter(outside, names, long.end - sentence.start, article.text.slice(long.start, long.end)) ?? headingBody(outside);
        // An unattributed quote right after another one continues it.
        if (!quoteSpeaker && lastQuoteSpeaker && long.start - lastQuoteSpeaker.end < 400) quoteSpeaker = lastQuoteSpeaker.speaker;
        // "… is a point of pride for harbour master Ilse Brandt. “Nobody wants a second-rate port …”": an
        // unattributed quote that opens its sentence is the words of the one person the sentence
        // before it, in its paragraph, names.
        const opens = /^\W*$/u.test(article.text.slice(sentence.start, long.start));
        if (!quoteSpeaker && opens && saidBefore?.at === at - 1) quoteSpeaker = saidBefore.speaker;
        if (!quoteSpeaker && opens) quoteSpeaker = soleNameBefore(article, at, people);
        const first = span[0] ?? sentence;
        const last = span.at(-1) ?? sentence;
        const whole: Sentence = { ...first, text: article.text.slice(first.start, last.end), end: last.end };
        const made = mention(article.id, whole, 'quote', article.text.slice(long.start, long.end), long, quoteSpeaker, names, people);
        // A second quote that starts in the same sentence has a key of its own ("#4q2").
        const quoted = k === 0 ? made : { ...made, key: `${made.key}${k + 1}` };
        mentions.push(quoted);
        // A quote of several sentences says several things, and another outlet may quote one of
        // them alone: each sentence is also a part of the quote, anchored to the sentences it runs over.
        const parts = quoteSentences(article.text, long);
        if (parts.length > 1) {
          parts.forEach((part, n) => {
            const over = span.filter((s) => s.end > part.start && s.start < part.end);
            const from = over[0] ?? first;
            const to = over.at(-1) ?? last;
            const anchor: Sentence = { ...from, text: article.text.slice(from.start, to.end), end: to.end };
            const words = article.text.slice(part.start, part.end);
            mentions.push({ ...mention(article.id, anchor, 'quote', words, part, quoteSpeaker, names, people, words), key: `${quoted.key}.${n + 1}`, partOf: quoted.key });
          });
        }
        if (quoteSpeaker) lastQuoteSpeaker = { speaker: quoteSpeaker, end: long.end };
      }
      if (longs.length === 0 && checkWorthy(sentence.text, names.length)) {
        const whole = mention(article.id, sentence, 'statement', sentence.text, null, speaker, names, people);
        mentions.push(whole);
        // A sentence that joins statements states each: another outlet may state one of them alone.
        clauseSpans(sentence.text).forEach((c, n) => {
          const words = sentence.text.slice(c.start, c.end);
          const within = names.filter((x) => x.start >= c.start && x.end <= c.end);
          mentions.push({ ...mention(article.id, sentence, 'statement', words, null, speaker, within, people, words), key: `${whole.key}.${n + 1}`, partOf: whole.key });
        });
      }
    }
    previousSpeaker = speaker ?? (names.length > 0 ? null : previousSpeaker);
    // A sentence that ends on a colon after its verb of saying ("… you can hear Lind saying:") introduces the quote after it.
    if (speaker && longs.length === 0 && (saysFirst(outside, names, speaker) || /:\s*$/.test(sentence.text))) saidBefore = { speaker, at };
    lastPerson = names.filter((n) => couldBeHeOrShe(sentence.text, n)).at(-1)?.key ?? lastPerson;
    lastBody = firstBody(outside) ?? lastBody;
    for (const [document, author] of issued(outside, names)) authors.set(document, author);
  });
  return mentions;
}

/**
 * Whether a name, where it stands, could be the person a later "he" or "she" means: not a place
 * ("on Harbour Road", "in the Old Town") and not a name used as a modifier ("Velmari crowns").
 */
function couldBeHeOrShe(text: string, n: NameHit): boolean {
  const before = text.slice(Math.max(0, n.start - 30), n.start);
  if (/\b(?:in|on|at|near|across|outside|inside|into|from|through|towards?)\s+(?:the\s+)?$/i.test(before) && !TITLES.test(before)) return false;
  const next = /^\s+(\p{Ll}[\p{Ll}-]*)/u.exec(text.slice(n.end));
  const word = next?.[1];
  return !(word !== undefined && !/\s/.test(text.slice(n.start, n.end)) && nounOf(word) !== null && verbOf(word) === null);
}

/** The one person the sentence before sentence `at` names, when both are in one paragraph; else null. */
function soleNameBefore(article: SegmentedArticle, at: number, people: PeopleRegistry): string | null {
  const previous = article.sentences[at - 1];
  const current = article.sentences[at];
  if (!previous || !current || previous.kind !== 'body') return null;
  const block = article.blocks.find((b) => b.start <= previous.start && previous.end <= b.end);
  if (!block || current.start >= block.end) return null;
  const keys = new Set(people.find(previous.text).map((n) => n.key));
  return keys.size === 1 ? ([...keys][0] ?? null) : null;
}

/**
 * The quoted spans of an article that overlap a stretch of its text, in text order. Quotes are
 * found per block and blocks are in text order, so only the blocks around the stretch are looked at.
 */
function quoteFinder(article: SegmentedArticle): (from: number, to: number) => Array<{ start: number; end: number }> {
  const blocks = article.blocks.map((b) => ({ start: b.start, end: b.end, quotes: findQuotes(b.text).map((q) => ({ start: q.start + b.start, end: q.end + b.start })) }));
  return (from, to) => {
    // The first block that ends after `from` (block ends are in order too).
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((blocks[mid]?.end ?? 0) <= from) lo = mid + 1;
      else hi = mid;
    }
    const found: Array<{ start: number; end: number }> = [];
    for (let i = lo; i < blocks.length && (blocks[i]?.start ?? 0) < to; i++) for (const q of blocks[i]?.quotes ?? []) if (q.start < to && q.end > from) found.push(q);
    return found;
  };
}

function mention(
  source: string,
  sentence: Sentence,
  kind: Mention['kind'],
  text: string,
  quote: { start: number; end: number } | null,
  speaker: string | null,
  names: readonly NameHit[],
  people: PeopleRegistry,
  said = sentence.text,
): Mention {
  // Names say who, not what: matching compares them separately (speaker and actor rules).
  const nameStems = new Set(names.flatMap((n) => contentStems(sentence.text.slice(n.start, n.end))));
  for (const n of names) for (const part of contentStems(n.name)) nameStems.add(part);
  // "Velmari President Ingrid Sollam": the title and the affiliation before a name say who, too.
  for (const n of names) for (const part of contentStems(titleBefore(sentence.text.slice(0, n.start)))) nameStems.add(part);
  // "Teodor Lind, the harbour board's chief counsel, said": so does the description after it.
  for (const n of names) for (const part of contentStems(appositiveAfter(sentence.text.slice(n.end)))) nameStems.add(part);
  const values = valuesOf(said);
  const terms = termsOf(said, nameStems, values);
  // A sentence that joins several statements is also compared clause by clause.
  const parts = CLAUSE_BREAK.test(said) ? said.split(CLAUSE_BREAK).map((c) => termsOf(c, nameStems, valuesOf(c))) : [];
  const clauses = parts.length > 1 ? parts.filter((c) => c.filter((t) => !t.includes('_')).length >= SETTINGS.match.minClauseTerms) : [];
  return {
    key: `${source}#${sentence.index}${quote ? 'q' : ''}`,
    source,
    sentence,
    kind,
    text,
    quote: quote ? { text, start: quote.start, end: quote.end } : null,
    speaker: speaker ? (people.name(speaker) ?? speaker) : null,
    actors: [...new Set(names.map((n) => n.key))].sort(),
    named: [...new Set(names.map((n) => sentence.text.slice(n.start, n.end)))],
    // Who and what come from the whole sentence, as the terms do: a quote's frame says who acts.
    ...memo(structures, said, () => structure(said)),
    values,
    terms,
    clauses,
  };
}

/**
 * The title written right before a person's name ("President ", "Prime Minister ") and the one
 * capitalised word before that which says whose ("Velmari", "Harbour"), or "".
 */
function titleBefore(before: string): string {
  const title = TITLES.exec(before);
  if (!title) return '';
  const rest = before.slice(0, title.index);
  const whose = /(?:^|\s)((?:\p{Lu}[\p{L}.’'-]*))\s+$/u.exec(rest);
  return `${whose?.[1] ?? ''} ${title[0]}`;
}

/**
 * The description set off by commas right after a person's name (", the harbour board's chief
 * counsel,"), or "": a noun phrase of a few words that says who they are, not what happened (a
 * relative clause, ", the man who closed the port,", is left alone).
 */
function appositiveAfter(after: string): string {
  const m = APPOSITIVE.exec(after);
  return m && !RELATIVE.test(m[1] ?? '') && (m[1] ?? '').split(/\s+/).length <= 8 ? (m[1] ?? '') : '';
}

const APPOSITIVE = /^,\s+((?:the|a|an)\s+[^,;:()"“”]+?),/u;
const RELATIVE = /\b(?:who|whom|whose|which|that|when|where)\b/iu;

/**
 * The clauses of a sentence that joins two or more statements, each with enough words of its own
 * to state one (`minClauseTerms` content words in lower case: "and the Harbour Union-affiliated
 * Dock Seven" is names, and states nothing); none unless two or more do.
 */
function clauseSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const m of text.matchAll(CLAUSE_BREAKS)) {
    spans.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  spans.push({ start: from, end: text.length });
  const own = (c: { start: number; end: number }): number => contentStems(text.slice(c.start, c.end).split(/\s+/).filter((w) => !/\p{Lu}/u.test(w)).join(' ')).length;
  const stated = spans.filter((c) => own(c) >= SETTINGS.match.minClauseTerms);
  return stated.length > 1 ? stated : [];
}

/** Where a sentence joins clauses: "…, while …", "…, alongside …", "…; …", "… — …". */
const CLAUSE_BREAK = /,\s+(?:while|whereas|alongside|which|including|with|and|but|though|although|as well as)\b|;\s+|\s+[—–]\s+/;
const CLAUSE_BREAKS = new RegExp(CLAUSE_BREAK.source, 'g');

/**
 * The terms a text is matched on: content stems (names left out), adjacent and one-apart stem
 * pairs ("ceasefir_monitor": the phrases), and the things figures count ("#country").
 */
function termsOf(text: string, nameStems: ReadonlySet<string>, values: readonly Value[]): string[] {
  const stems = memo(canonical, text, () => contentStems(canonicalPhrases(text), DEMONYM_STEMS)).filter((t) => !nameStems.has(t));
  const pairs = stems.slice(1).map((t, i) => `${stems[i]}_${t}`);
  const skips = stems.slice(2).map((t, i) => `${stems[i]}_${t}`);
  const counted = values.flatMap((v) => (v.field === 'figure' && v.unit ? [`#${v.unit}`] : []));
  return [...new Set([...stems, ...pairs, ...skips, ...counted])];
}

/**
 * The sentences of a quote ("We broke the record. All proceeds go to the clinic."), each long
 * enough to be a quotation (a short one stays with the sentence before it); the whole quote when
 * it is one sentence.
 */
function quoteSentences(text: string, quote: { start: number; end: number }): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  for (const s of splitSentences(text.slice(quote.start, quote.end))) {
    const part = { start: quote.start + s.start, end: quote.start + s.end };
    const previous = parts.at(-1);
    if (previous && (!isQuotation(text.slice(part.start, part.end)) || !isQuotation(text.slice(previous.start, previous.end)))) previous.end = part.end;
    else parts.push(part);
  }
  return parts.length > 1 ? parts : [quote];
}

/** A quoted span is a quotation when it is long enough and not a Title Cased name or title. */
function isQuotation(text: string): boolean {
  if (wordCount(text) < SETTINGS.extract.minQuoteWords) return false;
  const content = text.split(/\s+/).filter((w) => w.length > 3);
  const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / Math.max(content.length, 1) < 0.6;
}

/** The sentence text with quoted words blanked out, offsets kept. */
function maskQuotes(sentence: Sentence, quotes: readonly { start: number; end: number }[]): string {
  let out = sentence.text;
  for (const q of quotes) {
    const s = Math.max(0, q.start - sentence.start);
    const e = Math.min(out.length, q.end - sentence.start);
    if (e > s) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  }
  return out;
}

/**
 * Who a sentence attributes words to: the person named nearest a speech verb, or, for "he said",
 * the person the text was last about.
 */
function findSpeaker(outside: string, names: readonly NameHit[], refs: Referents, quoteAt?: number): string | null {
  const verb = speechVerb(outside, quoteAt);
  if (!verb) return null;
  const at = verb.index;
  // "…,” it says.": the document or body last named speaks; no one, when the text named none.
  // ("It claimed to …", "it vowed to …" tell what it did, not whose words these are.)
  if (/(?:^|[\s,“”"«»])[Ii]t\s+(?:also\s+)?$/.test(outside.slice(0, at)) && !/^\s+to\s/.test(outside.slice(at + verb[0].length))) return refs.body === null ? null : (refs.authors.get(refs.body) ?? refs.body);
  // "…, according to the report" and "according to Lind": the source comes after, whoever the words are about.
  if (/^according to$/i.test(verb[0])) return sourceAfter(outside.slice(at + verb[0].length), names.filter((n) => n.start >= at + verb[0].length).map((n) => ({ ...n, start: n.start - at - verb[0].length })));
  let best: { key: string; distance: number } | null = null;
  // "The union, which has fought beside Lind for years, said": a name inside a relative clause
  // between the subject and the verb is what the clause tells of, not who speaks.
  const relative = /,\s+(?:which|who|whose)\b[^;:“”"«»]*,\s*$/u.exec(outside.slice(0, at));
  for (const n of names) {
    if (relative && n.start > relative.index && n.end <= at) continue;
    // Subjects come before the verb; "said Smith" puts the name right after it. A possessive
    // ("the mayor’s spokesman said") names someone else's words, so it only wins when nothing else does.
    // (A name's hit may or may not include its "’s".)
    const possessive = /^[’']s\b/.test(outside.slice(n.end, n.end + 2)) || /[’']s$/.test(outside.slice(n.start, n.end)) ? 200 : 0;
    // "a message from Lind to Brandt said", "Lind writing to Brandt": words sent to someone are not theirs.
    const addressee = /\bto\s+$/i.test(outside.slice(Math.max(0, n.start - 4), n.start)) ? 200 : 0;
    // "Mira Castell, spokeswoman for the union branch Dock Seven, said": the name an appositive describes
    // speaks, not a name inside it ("Lind, and Ilse Brandt, said" is a list, not an appositive).
    const appositive = n.end <= at && /^,\s+(?!(?:and|or|nor|but)\b)(?:(?:a|an|the)\s+)?\p{Ll}[^,;:“”"«»]*,\s*$/u.test(outside.slice(n.end, at));
    const distance = appositive ? 0 : (n.end <= at ? at - n.end : n.start - (at + verb[0].length) + 25) + possessive + addressee;
    // "said Harbour Union press officer Teodor Lind,": a title run between the verb and the name reaches further.
    const between = n.start > at ? outside.slice(at + verb[0].length, n.start) : '';
    const titled = /^\s+(?:[\p{L}’'.-]+\s+){1,8}$/u.test(between) && !/\s(?:that|which|who|whom|whose|to|on|in|at|of|for|with|by|from|as|when|while|after|before|if|because|and|or|but)\s/i.test(between);
    if (n.start > at + verb[0].length + (titled ? 60 : 30)) continue;
    // After the verb, only "…, said Smith." (or "said Smith, a field commander", "says Lind (52)") names the
    // speaker; "said Jones “…”" reports about Jones.
    if (n.start > at && !/^[’']?s?\s*([.,;:!?(]|$)|^\s+(?:a|an|the)\s+\p{Ll}/u.test(outside.slice(n.end).replace(/^\s+(?=[’'.,;:!?])/, ''))) continue;
    if (!best || distance < best.distance) best = { key: n.key, distance };
  }
  // "the report says", "…,” the ministry said", "the ministry had said": a document or a body can be who speaks.
  const lead = outside.slice(Math.max(0, at - 50), at);
  const body = /(?:^|[\s,“”"«»])([Tt]he|[Aa]n?)\s+((?:[\p{L}-]+\s+){0,2}?)(\p{Ll}[\p{Ll}-]+)\s+(?:(?:has|have|had|also)\s+)?$/u.exec(lead);
  if (body && (best === null || best.distance > (body[0].length ?? 0) + 10)) {
    const speaks = bodyThatSpeaks(body[3] ?? '');
    // "“…,” the statement said." after "Lind … in a statement": the statement is Lind's words.
    if (speaks) return refs.authors.get(speaks) ?? speaks;
  }
  // "the Free Dockers Union, which backs Lind, said": a body the text names, when no person speaks.
  if (best === null) {
    const named = namedBody(outside.slice(0, at));
    if (named) return named;
  }
  // "The harbour board denied the report, insisting …": a participle after a comma says the words
  // of its sentence's subject.
  if (best === null && /ing$/i.test(verb[0]) && /,\s*$/.test(outside.slice(0, at))) {
    // Its head: the last of its first three words that names a body ("The harbour board sought …").
    const words = /^\s*[Tt]he\s+((?:[\p{L}-]+\s+){1,3})/u.exec(outside)?.[1]?.trim().split(/\s+/) ?? [];
    const speaks = words.filter((w) => /^\p{Ll}/u.test(w)).map((w) => bodyThatSpeaks(w)).filter((b) => b !== null).at(-1);
    if (speaks) return refs.authors.get(speaks) ?? speaks;
  }
  const pronoun = PRONOUN.exec(outside);
  const antecedent = refs.person;
  if (pronoun && antecedent) {
    const distance = Math.abs(at - pronoun.index);
    if (!best || distance < best.distance) {
      // A name before the pronoun in the same sentence is what "he" refers to.
      const earlier = names.filter((n) => n.end <= pronoun.index).at(-1);
      return earlier?.key ?? antecedent;
    }
  }
  return best?.key ?? null;
}

const ALL_SPEECH_VERBS = new RegExp(SPEECH_VERBS.source, 'gi');

/** What "he", "she", "it" and "the statement" can stand for at a sentence: the person and the document last named, and who issued which document. */
interface Referents {
  person: string | null;
  body: string | null;
  authors: ReadonlyMap<string, string>;
}

/**
 * The documents a sentence says a person issued, as [document, person]: "Teodor Lind, the union's
 * lawyer, dismissed the audit in a statement on Friday" → ["the statement", Lind]; the person is
 * the first named before the document.
 */
function issued(outside: string, names: readonly NameHit[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const m of outside.matchAll(/\b(?:in|issued|released|posted|sent)\s+(?:a|an)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]+)\b/gu)) {
    const document = bodyThatSpeaks(m[1] ?? '');
    const author = names.find((n) => n.end <= m.index);
    if (document && author && isKindOf(nounOf(m[1] ?? '') ?? m[1] ?? '', 'communication', 2)) out.push([document, author.key]);
  }
  return out;
}

/**
 * The speech verb that attributes a sentence: its first, or for a quote at `quoteAt` the last one
 * before the quote (the innermost speaker: "the report says Lind told investigators “…”") that is
 * not a participle, else the first after it.
 */
function speechVerb(outside: string, quoteAt?: number): RegExpExecArray | null {
  const all = speechVerbs(outside);
  if (quoteAt === undefined) return all[0] ?? null;
  const before = all.filter((v) => v.index + v[0].length <= quoteAt);
  // "Lind said Brandt “backs the rules”, calling them “fair”": a participle's subject is its clause's.
  return before.filter((v) => !/ing$/i.test(v[0])).at(-1) ?? before.at(-1) ?? all.find((v) => v.index >= quoteAt) ?? null;
}

/**
 * The verbs of saying in a text, in order: the words of the list, less those a determiner makes
 * nouns ("the notes", "these remarks" name things, not speech) and those a capital makes names.
 */
function speechVerbs(outside: string): RegExpExecArray[] {
  // A capital inside a sentence starts a name ("the United States", "Notes Street"), not a verb.
  const all = [...outside.matchAll(ALL_SPEECH_VERBS)].filter((v) => !/^\p{Lu}/u.test(v[0]) || !/[\p{L}\p{N},]\s*$/u.test(outside.slice(0, v.index)));
  // Most sentences have no determiner right before such a word: only those need the tagger.
  if (!all.some((v) => DETERMINED.test(outside.slice(Math.max(0, v.index - 10), v.index)))) return all;
  const tokens = tag(outside);
  const noun = (at: number): boolean => {
    const k = tokens.findIndex((t) => t.start === at);
    return k > 0 && tokens[k]?.pos === 'NOUN' && tokens[k - 1]?.pos === 'DET';
  };
  return all.filter((v) => !noun(v.index));
}

/**
 * Whether a sentence opens with who says it, then the saying ("The report states …", "Ilse Brandt
 * told the board …"): only such a plain attribution speaks for an unattributed quote after it, not
 * a speaker read from deeper in the sentence ("The winning bid was called by …").
 */
function saysFirst(outside: string, names: readonly NameHit[], speaker: string): boolean {
  const verb = speechVerbs(outside)[0];
  if (!verb) return false;
  const subject = outside.slice(0, verb.index);
  const lead = subject.length - subject.trimStart().length;
  const named = names.find((n) => n.start === lead && n.key === speaker);
  // Nothing but an appositive or one adverb between the subject and its verb ("Lind, the union's
  // lawyer, said", "The report also says"); a body is "the" and a few words ("The harbour report").
  if (named) return /^(?:\s*,[^,]*,)?\s*(?:[\p{Ll}-]+\s+)?$/u.test(subject.slice(named.end));
  return firstBody(subject) === speaker && /^\s*(?:[Tt]he|[Ii]ts)\s+(?:[\p{L}\p{N}’'-]+\s+){1,4}(?:,[^,]*,\s*)?$/u.test(subject);
}

/** The document or body a sentence opens with as its subject ("The 130-page report by …", "The harbour board’s"), or null. */
function headingBody(outside: string): string | null {
  const head = /^\s*[“"]?(?:[Tt]he|[Ii]ts)\s+(?:[\p{L}\p{N}’'-]+\s+){0,3}/u.exec(outside)?.[0];
  return head === undefined ? null : firstBody(head.trimEnd() + ' ');
}

/** A determiner (English's closed class), right before a word of saying: only then can the word be a noun here. */
const DETERMINED = /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|my|your|each|every|some|any|no|all|both|either|neither|another|such|what|which|whose|many|much|few|several)\s+$/i;

/**
 * The body a text names right before its verb of saying, as the outlet writes it with "the": "the
 * (rebel) Free Dockers Union, which …, said", "the United States announced". Its name ends in a
 * word for an organisation, or is a country's or an organisation's (WordNet); else null.
 */
function namedBody(lead: string): string | null {
  const subject = lead
    .replace(/,\s+(?:which|who|whose)\b[^;:“”"«»]*,\s*$/u, ' ')
    .replace(/\s+(?:(?:has|have|had|also)\s+)*$/u, ' ');
  const found = /(?:^|[\s,(])[Tt]he\s+(?:\p{Ll}[\p{Ll}-]*\s+){0,2}((?:\p{Lu}[\p{L}’'.-]*\s+){0,4}\p{Lu}[\p{L}’'.-]*)\s*$/u.exec(subject);
  const run = found?.[1];
  // The last of a list ("Germany, Belgium and the Czech Republic expressed") is not the subject.
  if (found === null || run === undefined || /(?:\band|\bor|&)\s*$/iu.test(subject.slice(0, found.index + 1))) return null;
  const words = run.toLowerCase().split(/\s+/);
  const whole = words.join('_');
  const head = words.at(-1) ?? '';
  return isKindOf(head, 'organization') || isKindOf(head, 'social_group') || isKindOf(whole, 'country') || isKindOf(whole, 'organization') ? `the ${run}` : null;
}

/** The first document or body a text names ("The report’s findings …" → "the report"), or null. */
function firstBody(text: string): string | null {
  // Each of the first three words after the determiner may be the noun ("The harbour report").
  for (const m of text.matchAll(/(?:^|[\s,(])(?:[Tt]he|[Ii]ts)\s+((?:[\p{L}-]+(?:\s+|(?=[,.;:’']|$))){1,3})/gu)) {
    for (const word of (m[1] ?? '').trim().split(/\s+/)) {
      const body = /^\p{Ll}[\p{Ll}-]+$/u.test(word) ? bodyThatSpeaks(word) : null;
      if (body) return body;
    }
  }
  return null;
}

/**
 * The person named right after a quote that ends at `end` (for a sentence with no verb of
 * saying): "“…,” Teodor Lind, a spokesman …", or, after the comma that hands a quote to its
 * speaker, the subject of any verb ("“…,” Lind remembers with a laugh").
 */
function namedRightAfter(outside: string, names: readonly NameHit[], end: number, words: string): string | null {
  const gap = /^[\s”"’']*,?[\s”"’']*/.exec(outside.slice(end))?.[0] ?? '';
  const n = names.find((x) => x.start === end + gap.length);
  if (!n) return null;
  if (/^\s*(?:,|$|\.)/.test(outside.slice(n.end))) return n.key;
  // The comma may close the quoted words or follow the closing mark.
  if (!gap.includes(',') && !/,[\s”"’']*$/u.test(words)) return null;
  const next = tag(outside).find((t) => t.start >= n.end);
  return next?.pos === 'VERB' && /^\s+$/.test(outside.slice(n.end, next.start)) ? n.key : null;
}

/** `the ${noun}` when the noun names a document or a body of people ("report", "ministry"), else null. */
function bodyThatSpeaks(noun: string): string | null {
  const lemma = nounOf(noun) ?? noun;
  return ['communication', 'document', 'organization', 'social_group'].some((kind) => isKindOf(lemma, kind, 2)) ? `the ${noun}` : null;
}

/**
 * Who "according to" gives as the source, from the words after it: a person named right there
 * ("according to Ilse Brandt"), or a document or a body ("according to the 40-page report"); else
 * no one, as the names before it are who the words are about.
 */
function sourceAfter(after: string, names: readonly NameHit[]): string | null {
  const lead = after.length - after.trimStart().length;
  const named = names.find((n) => n.start === lead);
  if (named) return named.key;
  const body = /^\s+(?:the|an?)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(\p{Ll}[\p{Ll}-]+)(?![\p{L}'’-])/u.exec(after);
  return body ? bodyThatSpeaks(body[1] ?? '') : null;
}

/** Whether a sentence states something a reader could check. */
function checkWorthy(text: string, people: number): boolean {
  if (/\?["'”’»]?$/.test(text) || OPINION.test(text)) return false;
  const content = memo(stemCounts, text, () => contentStems(text).length);
  const values = valuesOf(text).length > 0;
  // A short sentence still counts when it states a value ("It was signed on Tuesday"), or says
  // what someone named did ("Lind resigned from the board").
  const named = people > 0 || /\s\p{Lu}[\p{L}.-]+|^\p{Lu}[\p{L}.-]+\s/u.test(text);
  const acts = named && memo(structures, text, () => structure(text)).did.some((d) => !d.startsWith('!'));
  if (content < SETTINGS.extract.minContentWords - (values || acts ? 2 : 0)) return false;
  let score = 0;
  if (values || /\d/.test(text)) score += 1;
  if (people > 0 || /\s\p{Lu}[\p{L}.-]+/u.test(text)) score += 1;
  if (SPEECH_VERBS.test(text)) score += 1;
  if (EVENT_VERBS.test(text)) score += 1;
  return score >= SETTINGS.extract.minCheckWorthiness;
}

/*
 * A sentence is analysed several times (is it check-worthy, its terms, its values) and the same
 * sentence recurs across sources that share wire copy: each analysis of a text is computed once.
 * The results are read-only. Bounded, like the stem memo, so a long-lived process does not grow.
 */
const found = new Map<string, Value[]>();
const canonical = new Map<string, string[]>();
const stemCounts = new Map<string, number>();
const structures = new Map<string, { who: string[]; did: string[] }>();

function memo<T>(cache: Map<string, T>, text: string, compute: () => T): T {
  let value = cache.get(text);
  if (value === undefined) {
    value = compute();
    if (cache.size > 50_000) cache.clear();
    cache.set(text, value);
  }
  return value;
}

/** The values a text states (shared between mentions of the same words: never mutate them). */
function valuesOf(text: string): Value[] {
  return memo(found, text, () => findValues(text));
}
