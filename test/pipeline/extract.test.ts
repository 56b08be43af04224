/**
 * Extract (with people.ts and quotes.ts): direct quotes in «», “” and "" marks, quotes over several
 * sentences, speakers named before the quote or referred to as "he"/"she", surname-only mentions
 * and spelling variants folded into one person, and what is never a claim: Title Case names in
 * quotation marks and headings. Inputs are `test/fixtures/extract/<case>/input.txt`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract, learnPeople } from '../../scripts/pipeline/extract.ts';
import { PeopleRegistry, personKey } from '../../scripts/pipeline/people.ts';
import { findQuotes } from '../../scripts/pipeline/quotes.ts';
import type { Mention } from '../../scripts/pipeline/types.ts';
import { article } from '../helpers/pipeline.ts';

const input = (name: string): string => readFileSync(path.join(import.meta.dirname, '../fixtures/extract', name, 'input.txt'), 'utf8');

function mentionsOf(name: string): Mention[] {
  const a = article(`${name}.txt`, input(name));
  return extract(a, learnPeople([a]));
}
const quotes = (ms: readonly Mention[]) => ms.filter((m) => m.kind === 'quote' && m.partOf === undefined).map((m) => ({ text: m.text, speaker: m.speaker }));
const at = (ms: readonly Mention[], phrase: string): Mention => {
  const m = ms.find((x) => x.sentence.text.includes(phrase));
  expect(m, `a mention of "${phrase}"`).toBeDefined();
  return m as Mention;
};

describe('findQuotes', () => {
  it('finds guillemets, curly and straight double quotes', () => {
    const text = '«One two three four,» she said. “Five six seven eight,” he said. "Nine ten eleven twelve," they said.';
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual(['One two three four', 'Five six seven eight', 'Nine ten eleven twelve']);
  });

  it('leaves an unclosed mark alone and survives hostile text', () => {
    expect(findQuotes('He said “this never closes.')).toEqual([]);
    expect(findQuotes('')).toEqual([]);
    expect(() => findQuotes('"'.repeat(10_000))).not.toThrow();
  });

  it('runs a quote that opens its paragraph, or follows a colon, to the paragraph\'s end when nothing closes it', () => {
    const open = '“The next thing I knew the crane was falling, and I ran for the ladder.';
    expect(findQuotes(open).map((q) => open.slice(q.start, q.end))).toEqual([open.slice(1)]);
    // Straight marks too: nothing comes before a mark that opens its paragraph, so it opens a quote.
    const straight = '"On the night of the storm, Brandt was at home. She heard the crane alarm at ten."';
    expect(findQuotes(straight.slice(0, -1)).map((q) => straight.slice(q.start, q.end))).toEqual([straight.slice(1, -1)]);
    expect(findQuotes('He said "this never closes.')).toEqual([]);
    const colon = 'Lind said: “We were like ghosts after that. Nobody slept on the quay for a week.';
    expect(findQuotes(colon).map((q) => colon.slice(q.start, q.end))).toEqual(['We were like ghosts after that. Nobody slept on the quay for a week.']);
    // A mark inside a sentence with no partner is no quote, and a later mark closes nothing here.
    expect(findQuotes('He said “this never closes.')).toEqual([]);
    expect(findQuotes('“Open here, then a stray ” and “ more.').map((q) => q.start)).toEqual([1]);
  });

  it('stays fast on a long paragraph of unclosed quotation marks', () => {
    // Each unclosed mark must not rescan the rest of the text: 200 KB should take milliseconds.
    const text = '“Open quote never closed and more words. '.repeat(5000);
    const started = performance.now();
    findQuotes(text);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('extract: quotes', () => {
  it('takes quotes in «», “” and "" marks, a multi-sentence quote as one, with their speakers', () => {
    expect(quotes(mentionsOf('quote-marks'))).toEqual([
      { text: 'We have won what we came for and the ships can move again', speaker: 'Ines Carvalho' },
      { text: 'Nobody wanted this to last a week. We lost cargo, the workers lost pay, and the town lost patience', speaker: 'Jonas Albrecht' },
      { text: 'The backlog will take at least ten days to clear', speaker: 'Lea Strand' },
    ]);
  });

  it('also takes each sentence of a quote of several as a part of it, with its speaker', () => {
    const ms = mentionsOf('quote-marks');
    const whole = ms.find((m) => m.text.startsWith('Nobody wanted this'));
    const parts = ms.filter((m) => m.partOf !== undefined);
    expect(parts.map((m) => [m.text, m.speaker, m.partOf])).toEqual([
      ['Nobody wanted this to last a week.', 'Jonas Albrecht', whole?.key],
      ['We lost cargo, the workers lost pay, and the town lost patience', 'Jonas Albrecht', whole?.key],
    ]);
    // Each part is matched on its own words.
    expect(parts[0]?.terms).toContain('nobody');
    expect(parts[0]?.terms).not.toContain('cargo');
    expect(parts[1]?.terms).toContain('cargo');
    expect(parts[1]?.terms).not.toContain('nobody');
  });

  it('gives each of two quotes that start in one sentence a key of its own', () => {
    const a = article('split.txt', 'Harbour talks\n"The hardest part of this job", harbour master Ilse Brandt told us, "is keeping the cranes running every single day."\nThe talks resume on Monday.');
    const ms = extract(a, learnPeople([a])).filter((m) => m.kind === 'quote');
    expect(ms.length).toBe(2);
    expect(new Set(ms.map((m) => m.key)).size).toBe(2);
  });

  it('points each quote at its words in the cleaned text', () => {
    const a = article('quote-marks.txt', input('quote-marks'));
    for (const m of extract(a, learnPeople([a])).filter((x) => x.quote)) {
      expect(a.text.slice(m.quote?.start, m.quote?.end)).toBe(m.text);
    }
  });

  it('resolves "he said" and "she said" to the person named before', () => {
    const ms = mentionsOf('speakers');
    expect(quotes(ms)).toEqual([
      { text: 'This will cut journey times for forty thousand commuters every day', speaker: 'Maria Ekdahl' },
      { text: 'We support buses, but this plan was drawn up without asking a single shopkeeper', speaker: 'Tomas Reinholt' },
    ]);
  });

  it('resolves a surname-only mention to the full name', () => {
    const ms = mentionsOf('speakers');
    expect(at(ms, 'Reinholt said his party').speaker).toBe('Tomas Reinholt');
    expect(at(ms, 'Ekdahl said construction').speaker).toBe('Maria Ekdahl');
    expect(at(ms, 'Ekdahl said construction').actors).toEqual(['ekdahl']);
  });
});

describe('extract: people', () => {
  it('folds spelling variants of one surname into one person', () => {
    const ms = mentionsOf('name-variants');
    expect(at(ms, 'Hasan said the pact').speaker).toBe('Ali Hassan');
    expect(at(ms, 'Minister Hasan told').speaker).toBe('Ali Hassan');
    expect(at(ms, 'Dvorak said the certificates').speaker).toBe('Pavel Dvořák');
    expect(at(ms, 'signed a cobalt traceability pact').actors).toEqual(['dvorak', 'hasan']);
  });

  it('learns names across articles, so one source\'s full name serves another\'s surname', () => {
    const a = article('a.txt', 'Planning minister Grete Haldorsen opened the new ferry terminal in Sundvik on Monday morning.\n');
    const b = article('b.txt', 'Haldorsen said the terminal would handle 40 sailings a day from the spring timetable onward.\n');
    const people = learnPeople([a, b]);
    expect(extract(b, people)[0]?.speaker).toBe('Grete Haldorsen');
  });

  it('does not make a title or role part of the name', () => {
    // "Governor", "Mayor" are titles (lexicon TITLES): the person is "Ingrid Sollam", at a sentence start too.
    const a = article('t.txt', 'Governor Ingrid Sollam declared a state of emergency on Monday across the province.\nMayor Tobias Fenwick said 1,200 residents had left the town by nightfall.\n');
    const people = learnPeople([a]);
    expect(people.name(personKey('Sollam'))).toBe('Ingrid Sollam');
    expect(people.name(personKey('Fenwick'))).toBe('Tobias Fenwick');
  });

  it('leaves a person\'s title and its affiliation out of the words a claim is matched on', () => {
    // Two sentences that name the same officials share who, not what: their titles are part of who.
    const a = article('t.txt', 'Velmari President Ingrid Sollam and Harbour Minister Tobias Fenwick opened the new terminal on Monday.\n');
    const [m] = extract(a, learnPeople([a]));
    expect(m?.terms.filter((t) => !t.includes('_'))).toEqual(['open', 'termin', 'monday']);
  });

  it('leaves the description after a person\'s name out of them too, but not a relative clause', () => {
    const a = article('t.txt', 'Teodor Lind, the harbour board\'s special counsel, says the committee may go ahead with the hearings.\nIlse Brandt, the woman who closed the quay, resigned on Friday.\n');
    const people = learnPeople([a]);
    const [lind, brandt] = extract(a, people);
    expect(lind?.terms.filter((t) => !t.includes('_'))).toEqual(['comit', 'go', 'ahead', 'hear']);
    expect(brandt?.terms).toContain('quay');
  });

  it('does not take places and organisations for people', () => {
    const registry = new PeopleRegistry();
    registry.learn('The European Commission met in the Royal Palace near Central Station on Monday.');
    expect(registry.find('The European Commission met in the Royal Palace near Central Station on Monday.')).toEqual([]);
  });

  it('does not take a street for a person', () => {
    const registry = new PeopleRegistry();
    const text = 'Police were called to a house on Kestrel Avenue, a quiet street off Marlow Road, on Monday.';
    registry.learn(text);
    expect(registry.find(text)).toEqual([]);
  });
});

describe('extract: never claims', () => {
  it('does not take a Title Case title or a scare-quoted word for a quote', () => {
    const ms = mentionsOf('not-quotes');
    expect(ms.filter((m) => m.kind === 'quote')).toEqual([]);
    // The sentences themselves are still statements.
    expect(at(ms, 'The Long River And Its Many Bridges').kind).toBe('statement');
  });

  it('never makes a heading a claim', () => {
    const a = article('not-quotes.txt', input('not-quotes'));
    const heading = a.sentences.find((s) => s.text === 'What the new wing shows');
    expect(heading?.kind).toBe('heading');
    expect(extract(a, learnPeople([a])).some((m) => m.sentence.index === heading?.index)).toBe(false);
  });

  it('keeps quotes out of a statement about them only once', () => {
    const ms = mentionsOf('quote-marks');
    const keys = ms.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ms.filter((m) => m.sentence.text.includes('Nobody wanted this') && m.partOf === undefined)).toHaveLength(1);
    expect(ms.filter((m) => m.sentence.text.includes('Nobody wanted this') && m.kind === 'statement')).toHaveLength(0);
  });
});

describe('extract: short statements', () => {
  it('keeps a short sentence that says what someone named did, and drops one that says nothing happened', () => {
    const a = article('short.txt', 'Harbour board in turmoil\n\nThe harbour board met for six hours behind closed doors on the future of the old docks.\n\nTeodor Lind resigned from the board.\n\nLind was not happy.\n\nIt was a long night.\n');
    const texts = extract(a, learnPeople([a])).map((m) => m.sentence.text);
    expect(texts).toContain('Teodor Lind resigned from the board.');
    expect(texts).not.toContain('Lind was not happy.');
    expect(texts).not.toContain('It was a long night.');
  });
});
