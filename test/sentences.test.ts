import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceSpan } from '../scripts/pipeline/sentences.ts';

/** Set UPDATE_FIXTURES=1 to rewrite `expected.json` files; review the diff before committing. */
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';
const FIXTURES = join(import.meta.dirname, 'fixtures', 'segment');

const texts = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

/** The contract every output must keep: ordered, disjoint, trimmed spans covering every non-space character. */
function expectWellFormed(text: string, spans: SentenceSpan[]): void {
  let last = 0;
  let covered = 0;
  for (const { start, end } of spans) {
    expect(start).toBeGreaterThanOrEqual(last);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(/\s/.test(text[start]!)).toBe(false);
    expect(/\s/.test(text[end - 1]!)).toBe(false);
    const gap = text.slice(last, start);
    expect(gap.trim()).toBe('');
    covered += end - start;
    last = end;
  }
  expect(text.slice(last).trim()).toBe('');
  expect(covered).toBeLessThanOrEqual(text.length);
}

describe('splitSentences', () => {
  it('splits plain sentences on terminal punctuation', () => {
    expect(texts('The dam held. Crews left at dusk! Was it enough? Nobody knew.')).toEqual([
      'The dam held.',
      'Crews left at dusk!',
      'Was it enough?',
      'Nobody knew.',
    ]);
  });

  it('keeps titles and lexicon abbreviations inside the sentence', () => {
    expect(texts('Mr. Kato met Dr. Ibe and Gen. Ruiz in St. Paul on Tuesday.')).toHaveLength(1);
    expect(texts('Sen. Ortiz and Pres. Lula spoke. Then they left.')).toEqual(['Sen. Ortiz and Pres. Lula spoke.', 'Then they left.']);
  });

  it('ends a sentence after a dotted acronym only when a sentence opener follows', () => {
    expect(texts('Troops from the U.S. Army arrived.')).toEqual(['Troops from the U.S. Army arrived.']);
    expect(texts('She moved to the U.K. It rained daily.')).toEqual(['She moved to the U.K.', 'It rained daily.']);
    expect(texts('The plant is owned by Lorn & Co. It employs 40 people.')).toEqual([
      'The plant is owned by Lorn & Co.',
      'It employs 40 people.',
    ]);
  });

  it('keeps numbers after abbreviations that introduce them', () => {
    expect(texts('The hearing is on Dec. 4 in room No. 12, see p. 9 of the order.')).toHaveLength(1);
    expect(texts('Rates rose 3.5% and prices fell 1,000 points.')).toHaveLength(1);
    expect(texts('Shares closed at $12.50. Trading was light.')).toEqual(['Shares closed at $12.50.', 'Trading was light.']);
  });

  it('treats single capitals before a name as initials, but "I" at a clause end as a sentence end', () => {
    expect(texts('The report by Lena K. Moss was leaked.')).toHaveLength(1);
    expect(texts('It was written by J. R. Okafor in May.')).toHaveLength(1);
    expect(texts('He said it was between you and I. Did he mean it?')).toEqual([
      'He said it was between you and I.',
      'Did he mean it?',
    ]);
    expect(texts('They tested vitamin C. The results were mixed.')).toEqual(['They tested vitamin C.', 'The results were mixed.']);
  });

  it('ends sentences after closing quotes and keeps quotes followed by lowercase attribution', () => {
    expect(texts('“It is over.” The crowd left.')).toEqual(['“It is over.”', 'The crowd left.']);
    expect(texts('“It is over.” he said.')).toEqual(['“It is over.” he said.']);
    expect(texts('He wrote: «We leave at dawn.» They did.')).toEqual(['He wrote: «We leave at dawn.»', 'They did.']);
    expect(texts('Elle a dit : « Nous partons. » Puis elle est partie.')).toEqual([
      'Elle a dit : « Nous partons. »',
      'Puis elle est partie.',
    ]);
    expect(texts("The sign read 'Closed.' Nobody came.")).toEqual(["The sign read 'Closed.'", 'Nobody came.']);
  });

  it('keeps dashes inside a sentence', () => {
    expect(texts('The bill — long delayed — passed. Turnout – low – hurt.')).toEqual([
      'The bill — long delayed — passed.',
      'Turnout – low – hurt.',
    ]);
    expect(texts('The mayor resigned. — Not everyone agreed.')).toEqual(['The mayor resigned. — Not everyone agreed.']);
  });

  it('handles ellipses: a lowercase continuation stays, a period plus ellipsis ends', () => {
    expect(texts('We waited ... and waited. Then rain came.')).toEqual(['We waited ... and waited.', 'Then rain came.']);
    expect(texts('He paused… Then he spoke.')).toEqual(['He paused…', 'Then he spoke.']);
    expect(texts('It ended.... Nobody spoke.')).toEqual(['It ended....', 'Nobody spoke.']);
    expect(texts('The text [...] was cut. Quoted "as said [...]" (Lee 4).')).toEqual([
      'The text [...] was cut.',
      'Quoted "as said [...]" (Lee 4).',
    ]);
  });

  it('does not end a sentence inside parentheses followed by lowercase', () => {
    expect(texts('He worked (as he told us.) at the mill. It closed.')).toEqual([
      'He worked (as he told us.) at the mill.',
      'It closed.',
    ]);
  });

  it('ends a sentence at every line break, single or double', () => {
    const text = 'Flood warning issued for Lowtown\n\nResidents left. Roads closed\nSchools shut';
    expect(texts(text)).toEqual(['Flood warning issued for Lowtown', 'Residents left.', 'Roads closed', 'Schools shut']);
    expect(texts('One.\r\nTwo.\rThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('splits inline numbered lists, credits and datelines', () => {
    expect(texts('1. Close roads 2. Open shelters')).toEqual(['1. Close roads', '2. Open shelters']);
    expect(texts('a) ask b) check')).toEqual(['a) ask', 'b) check']);
    expect(texts('Rescue boats near the pier Image: Ana Diaz.')).toEqual(['Rescue boats near the pier', 'Image: Ana Diaz.']);
    expect(texts('Monday, June 2, 2025 The river rose.')).toEqual(['Monday, June 2, 2025', 'The river rose.']);
  });

  it('returns offsets into the original text', () => {
    const text = '  Hello there.   General Kenobi!  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 14 },
      { start: 17, end: 32 },
    ]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\t \u00a0 \r\n')).toEqual([]);
  });

  it('survives hostile input without throwing and keeps its contract', () => {
    const hostile = [
      '<p>The mayor <b>resigned</b>.</p><p>Her deputy took over.</p> <script>alert(1)</script>',
      'Control\u0000chars\u0007 here.\u0001 Next\u001b[0m one.',
      '\ud800 lone surrogate. \udfff Another.',
      '.'.repeat(10_000) + 'x',
      '. '.repeat(5_000),
      '!?'.repeat(5_000),
      '"“«'.repeat(3_000),
      'A. '.repeat(3_000),
      '1. a 2. b 3. c '.repeat(1_000),
      '• x '.repeat(2_000),
      'x\n'.repeat(10_000),
      '\uFEFFBOM first. Then text.',
      'Ünïcödé façade. Ça va? Ωmega ends.',
    ];
    for (const text of hostile) {
      const spans = splitSentences(text);
      expectWellFormed(text, spans);
    }
    expect(splitSentences(null as unknown as string)).toEqual([]);
  });

  it('splits a 1 MB string quickly and completely', () => {
    const unit = 'Officials in the U.S. said on Jan. 5 that 3.5% of claims failed. “It is a start,” Dr. Lee said. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const spans = splitSentences(text);
    const ms = performance.now() - t0;
    expect(spans).toHaveLength(2 * Math.ceil(1_000_000 / unit.length));
    expectWellFormed(text, spans);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('segment fixtures', () => {
  const cases = existsSync(FIXTURES) ? readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const dir of cases) {
    it(dir.name, () => {
      const input = readFileSync(join(FIXTURES, dir.name, 'input.txt'), 'utf8');
      const got = texts(input);
      const expectedPath = join(FIXTURES, dir.name, 'expected.json');
      if (UPDATE || !existsSync(expectedPath)) writeFileSync(expectedPath, JSON.stringify(got, null, 2) + '\n');
      expectWellFormed(input, splitSentences(input));
      expect(got).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')) as string[]);
    });
  }
});
