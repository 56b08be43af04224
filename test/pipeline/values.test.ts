/**
 * Values: weekdays, dates, figures with the thing they count, and percentages, normalised so that
 * compatible wordings agree ("more than 30 nations" and "35 countries") and real disagreements do
 * not ("20%" and "90%", "Monday" and "Tuesday"). The pairs live in test/fixtures/values/pairs.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compatible, countsPeople, findValues, sameQuantity } from '../../scripts/pipeline/values.ts';
import type { Value } from '../../scripts/pipeline/types.ts';

const of = (text: string, field: Value['field']): Value[] => findValues(text).filter((v) => v.field === field);
const one = (text: string, field: Value['field']): Value => {
  const found = of(text, field);
  expect(found, `one ${field} in "${text}"`).toHaveLength(1);
  return found[0] as Value;
};

interface Pair {
  a: string;
  b: string;
  field: Value['field'];
  compatible: boolean;
}
const PAIRS = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/values/pairs.json'), 'utf8')) as Pair[];

describe('findValues', () => {
  it('finds weekdays, only capitalised and whole', () => {
    expect(of('The vote was held on Tuesday and counted on Wednesday.', 'weekday').map((v) => v.norm)).toEqual(['Tuesday', 'Wednesday']);
    expect(of('They met on a sunday-ish afternoon in Mondays Cafe.', 'weekday')).toEqual([]);
  });

  it('gives a day the act it dates, and the day someone spoke none', () => {
    expect(one('The committee released the audit Friday afternoon.', 'weekday')).toMatchObject({ norm: 'Friday', act: 'release' });
    expect(one('Fierce fighting follows Sunday’s attack on the docks.', 'weekday')).toMatchObject({ act: 'attack' });
    expect(one('The harbour master said on Monday that the docks would close.', 'weekday')).toEqual({ field: 'weekday', raw: 'Monday', norm: 'Monday', spoken: true });
    // A document "says" in the present: the act just before the day is what it dates.
    expect(one('An audit released by Lind on Friday says the cranes were unsafe.', 'weekday')).toMatchObject({ act: 'release' });
  });

  it('finds dates written month-first, day-first and abbreviated', () => {
    expect(one('Talks were held in Moscow on Dec. 2, 2025.', 'date').norm).toBe('2025-12-02');
    // Without a year the norm keeps month and day only (its year placeholder is not pinned here).
    expect(one('The report was due on 14 March.', 'date').norm).toMatch(/^\D*-?03-14$/);
    expect(one('The report was due on 14 March 2026.', 'date').norm).toBe('2026-03-14');
    expect(one('It opened on January 7th.', 'date').norm).toMatch(/^\D*-?01-07$/);
    expect(of('Mayor Dec Harris spoke to 12 May residents.', 'date').map((v) => v.norm)).not.toContain('----12-02');
  });

  it('finds figures with the thing they count, folding WordNet synonyms', () => {
    const v = one('The summit drew delegates from 35 countries.', 'figure');
    expect(v).toMatchObject({ norm: '35', unit: 'country', min: 35, max: 35 });
    const nations = one('It brought together more than 30 nations.', 'figure');
    expect(nations).toMatchObject({ norm: 'more than 30', unit: 'nation' });
    expect(sameQuantity(v, nations)).toBe(true);
    // Word vectors put soldiers beside civilians and dollars beside euros: only WordNet folds units.
    expect(sameQuantity(one('Paris could send several thousand troops.', 'figure'), one('Rome sent 45 civilians.', 'figure'))).toBe(false);
    expect(one('The flood forced 1,200 people from their homes.', 'figure')).toMatchObject({ min: 1200, max: 1200 });
  });

  it('takes the noun, not the verb after it, for the thing counted', () => {
    // "35 countries attended": the unit is what is counted (countries), whatever verb follows.
    expect(one('Delegates from 35 countries attended the summit.', 'figure').unit).toBe(one('Delegates came from 35 countries.', 'figure').unit);
    expect(one('About 1,200 people fled the valley.', 'figure').unit).toBe(one('The valley emptied of 1,200 people.', 'figure').unit);
    expect(one('More than 40 schools closed on Monday.', 'figure').unit).toBe(one('Officials shut 45 schools.', 'figure').unit);
  });

  it('does not take years, or durations, for figures', () => {
    expect(of('The war began in 2022 and the treaty dates from 1994.', 'figure')).toEqual([]);
    expect(of('In 2022 countries agreed.', 'figure')).toEqual([]);
    expect(of('The talks lasted 12 hours over three days.', 'figure')).toEqual([]);
    expect(of('The crane beat a record set two years ago.', 'figure')).toEqual([]);
    // A year takes nothing after it from the next figure.
    expect(one('A storm in 1998 killed at least 17 people at the camp.', 'figure')).toMatchObject({ norm: 'at least 17', unit: 'people', event: 'kill' });
  });

  it('reads vague scales, and what happened after what is counted', () => {
    expect(one('The war killed hundreds of thousands of civilians.', 'figure')).toMatchObject({ unit: 'civilian', event: 'kill', min: 200_000, max: 999_000 });
    expect(one('Officials said more than 30 nations sent delegates.', 'figure')).toMatchObject({ unit: 'nation', event: 'send' });
    expect(one('Twelve people killed in the blast were buried on Monday.', 'figure')).toMatchObject({ unit: 'people', event: 'kill' });
  });

  it('reads a number word only as a whole word', () => {
    expect(of('The quay is littered with tents and crates.', 'figure')).toEqual([]);
    expect(one('Often ten people left by bus.', 'figure')).toMatchObject({ norm: 'ten', min: 10 });
  });

  it('finds percentages', () => {
    expect(one('Russia occupies about 20% of the country.', 'percent')).toMatchObject({ min: 17, max: 23 });
    expect(one('Turnout was 64 percent.', 'percent').norm).toBe('64%');
  });

  it('returns nothing for hostile text', () => {
    expect(findValues('')).toEqual([]);
    expect(() => findValues('9'.repeat(100_000))).not.toThrow();
    expect(() => findValues('more than '.repeat(50_000))).not.toThrow();
    expect(() => findValues('\u0000\uFFFD'.repeat(1000))).not.toThrow();
  });
});

describe('compatible', () => {
  it('has pairs to check', () => expect(PAIRS.length).toBeGreaterThanOrEqual(10));
  for (const p of PAIRS) {
    it(`"${p.a}" vs "${p.b}" → ${p.compatible ? 'compatible' : 'conflict'}`, () => {
      const a = one(p.a, p.field);
      const b = one(p.b, p.field);
      expect(sameQuantity(a, b)).toBe(true);
      expect(compatible(a, b)).toBe(p.compatible);
      expect(compatible(b, a)).toBe(p.compatible);
    });
  }

  it('never compares figures that count different things', () => {
    const a = one('The fire destroyed 40 homes.', 'figure');
    const b = one('The fire injured 12 firefighters.', 'figure');
    expect(sameQuantity(a, b)).toBe(false);
    expect(compatible(a, b)).toBe(true);
  });

  it('types a figure by what happened to what it counts', () => {
    const killed = one('At least four people were killed in the blast.', 'figure');
    const dead = one('The blast killed three people.', 'figure');
    const injured = one('Officials said 130 injured were taken to hospital.', 'figure');
    const wounded = one('Rebel shells hit the city, wounding 15 people.', 'figure');
    const hurt = one('State media said 12 people were injured in the shelling.', 'figure');
    expect([killed.event, dead.event, injured.event, wounded.event, hurt.event]).toEqual(['kill', 'kill', 'injure', 'wound', 'injure']);
    // One quantity, incompatible values: a dispute. "At least four" and "three" cannot both be right.
    expect(sameQuantity(killed, dead)).toBe(true);
    expect(compatible(killed, dead)).toBe(false);
    // Wounded and injured are WordNet synonyms; killed and injured are never compared.
    expect(sameQuantity(wounded, hurt)).toBe(true);
    expect(compatible(wounded, hurt)).toBe(false);
    expect(sameQuantity(killed, hurt)).toBe(false);
    expect(compatible(one('Twelve people were killed.', 'figure'), one('Twelve people were injured.', 'figure'))).toBe(true);
    // A bare number a verb of what happened takes counts the people it happened to.
    const bare = one('Shells hit the port, wounding 15, and the coast road was shut.', 'figure');
    expect(bare).toMatchObject({ norm: '15', unit: '', event: 'wound' });
    expect(sameQuantity(bare, hurt)).toBe(true);
    expect(compatible(bare, hurt)).toBe(false);
    expect(sameQuantity(bare, killed)).toBe(false);
  });

  it('counts people by kinds of people, not by a person a word also names', () => {
    // WordNet's most frequent sense of "burger" is one man, the judge Warren Burger.
    expect(countsPeople('burger')).toBe(false);
    expect(countsPeople('civilian')).toBe(true);
    // So a burger sold and one bought are one quantity, as any two figures of one thing are.
    expect(sameQuantity(one('One burger was sold for charity.', 'figure'), one('One burger was bought for charity.', 'figure'))).toBe(true);
  });

  it('reads a hyphened figure as the one word it counts', () => {
    expect(one('The 130-page document details the inquiry.', 'figure')).toMatchObject({ norm: '130', unit: 'page' });
    expect(compatible(one('The 130-page document details it.', 'figure'), one('A 131-page report was released.', 'figure'))).toBe(false);
  });
});
