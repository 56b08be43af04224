/**
 * The generator on an event it has never seen: a made-up dam emergency (test/fixtures/events/
 * orvelle-dam), four made-up outlets in .txt and .md, their own pillars and keywords. What a careful
 * reader of the four articles would say, asserted on the claims the pipeline writes:
 *
 * - cracks found, Harlow Bridge evacuated: all four; Monday (three) against Tuesday (National Daily);
 * - residents told to leave: 1,200 (Herald, Northline) against 1,500 (National Daily);
 * - schools closed: "more than 40" (Herald) and "45" (Broadcasting), compatible;
 * - evacuees sheltered at the Dunmore sports arena: all four;
 * - state of emergency: Northline, National Daily, Broadcasting; inquiry: Herald, National, Broadcasting;
 * - 20 million crowns of emergency payments: Northline, National Daily;
 * - the reservoir lowered by four metres, said by Pavel Dvořák / Dvorak: Herald, Northline;
 * - Sollam's "gamble with people's lives" quote worded differently by Herald and Northline;
 * - Okonkwo's "reckless to open the gates" quote worded differently by Northline and Broadcasting;
 * - the mayor, Fenwick, also calls something "reckless" (Herald quote, National Daily paraphrase):
 *   a different person and a different claim;
 * - the 30% maintenance budget cut: Broadcasting only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, type RunResult } from '../../scripts/pipeline/index.ts';
import { personKey } from '../../scripts/pipeline/people.ts';
import { claimSchema } from '../../src/schema.ts';
import {
  claimTexts,
  claimsAt,
  conflictValue,
  expectOne as expectOneClaim,
  plainText,
  readClaims,
  readFolder,
  readSources,
  tempContent,
  type Reports,
  type WrittenClaim,
} from '../helpers/pipeline.ts';

const EVENT = path.join(import.meta.dirname, '../fixtures/events/orvelle-dam');
const HERALD = 'harlow-herald';
const WIRE = 'northline-wire';
const DAILY = 'national-daily';
const TV = 'lenmark-broadcasting';

let dir = '';
let remove: () => Promise<void> = async () => undefined;
let first: RunResult;
let claims: WrittenClaim[] = [];

beforeAll(async () => {
  ({ dir, remove } = await tempContent(EVENT, 'triangulate-event-'));
  first = await run(dir);
  claims = await readClaims(dir);
}, 60_000);
afterAll(() => remove());

const expectOne = (reports: Reports): WrittenClaim => expectOneClaim(claims, reports);
const valueOf = conflictValue;

describe('event: a made-up dam emergency', () => {
  it('reads four sources and writes valid claims for them', () => {
    expect(first.ok).toBe(true);
    expect(first.sources).toBe(4);
    expect(first.problems.filter((p) => p.fatal)).toEqual([]);
    expect(claims.length).toBe(first.claims.length);
    for (const c of claims) {
      expect(claimSchema.safeParse(c).success, c.id).toBe(true);
      expect(c.sources).toEqual([...new Set(c.appearances.map((a) => a.source))].sort());
      for (const s of c.sources) expect([HERALD, WIRE, DAILY, TV]).toContain(s);
    }
  });

  it('disputes the weekday: Monday in three leads, Tuesday in one', () => {
    const disputed = claims.filter((c) => c.conflicts.some((x) => x.field === 'weekday'));
    expect(disputed).toHaveLength(1);
    const c = disputed[0] as WrittenClaim;
    expect(c.status).toBe('disputed');
    expect(valueOf(c, 'weekday', HERALD)).toBe('Monday');
    expect(valueOf(c, 'weekday', WIRE)).toBe('Monday');
    expect(valueOf(c, 'weekday', TV)).toBe('Monday');
    expect(valueOf(c, 'weekday', DAILY)).toBe('Tuesday');
  });

  it('groups the evacuation after the cracks, from all four sources', () => {
    const c = expectOne({
      [HERALD]: ['ordered the evacuation of Harlow Bridge'],
      [WIRE]: ['ordered 1,200 residents of the town of Harlow Bridge'],
      [DAILY]: ['1,500 residents were ordered out'],
      [TV]: ['Harlow Bridge was evacuated on Monday'],
    });
    expect(c.status).toBe('disputed');
  });

  it('disputes the number of residents: 1,200 against 1,500, with each source\'s value', () => {
    const c = expectOne({
      [HERALD]: ['The 1,200 residents of the town were told'],
      [WIRE]: ['ordered 1,200 residents'],
      [DAILY]: ['1,500 residents were ordered out'],
    });
    expect(c.status).toBe('disputed');
    expect(valueOf(c, 'figure', HERALD)).toContain('1,200');
    expect(valueOf(c, 'figure', WIRE)).toContain('1,200');
    expect(valueOf(c, 'figure', DAILY)).toContain('1,500');
  });

  it('does not dispute "more than 40 schools" against "45 schools"', () => {
    const c = expectOne({ [HERALD]: ['More than 40 schools'], [TV]: ['45 schools in the valley'] });
    expect(c.status).toBe('corroborated');
    expect(c.conflicts).toEqual([]);
  });

  it('groups paraphrases reported by three and four outlets', () => {
    const shelter = expectOne({
      [HERALD]: ['took evacuees to the Dunmore sports arena'],
      [WIRE]: ['housed at a sports arena'],
      [DAILY]: ['camp beds in the sports arena'],
      [TV]: ['taken to the sports arena in Dunmore'],
    });
    expect(shelter.status).toBe('corroborated');
    const emergency = expectOne({
      [WIRE]: ['declared a state of emergency across the province'],
      [DAILY]: ['declared a state of emergency and ordered'],
      [TV]: ['declared a state of emergency in Lenmark'],
    });
    expect(emergency.status).toBe('corroborated');
    const inquiry = expectOne({
      [HERALD]: ['ordered an independent inquiry'],
      [DAILY]: ['ordered an independent inquiry'],
      [TV]: ['ordered an independent inquiry'],
    });
    expect(inquiry.status).toBe('corroborated');
  });

  it('groups a two-outlet fact and keeps an outlet-only claim single-source', () => {
    const payments = expectOne({ [WIRE]: ['20 million crowns for emergency payments'], [DAILY]: ['20 million crowns in emergency payments'] });
    expect(payments.sources).toEqual([DAILY, WIRE]);
    const budget = claimsAt(claims, TV, 'maintenance budget by 30%');
    expect(budget).toHaveLength(1);
    expect(budget[0]?.status).toBe('single-source');
    expect(budget[0]?.sources).toEqual([TV]);
  });

  it('folds two spellings of the chief engineer into one speaker of one claim', () => {
    const c = expectOne({ [HERALD]: ['Dvořák said water was being released'], [WIRE]: ['Pavel Dvorak said the water level'] });
    const speakers = c.appearances.filter((a) => /Dvo/.test(a.sentence)).map((a) => a.speaker ?? '');
    expect(speakers).toHaveLength(2);
    expect(new Set(speakers.map(personKey))).toEqual(new Set(['dvorak']));
    expect(c.speaker === null || ['Pavel Dvořák', 'Pavel Dvorak'].includes(c.speaker)).toBe(true);
  });

  it("links the two wordings of the governor's quote, with her name and a word diff", () => {
    const c = expectOne({ [HERALD]: ['We will not gamble'], [WIRE]: ['We are not going to gamble'] });
    expect(c.kind).toBe('quote');
    expect(c.speaker).toBe('Ingrid Sollam');
    expect(c.variants.flatMap((v) => v.sources).sort()).toEqual([HERALD, WIRE]);
    for (const v of c.variants) expect(v.speaker).toBe('Ingrid Sollam');
    const ops = new Set(c.variants.flatMap((v) => v.diff.map((d) => d.op)));
    expect(ops).toEqual(new Set(['same', 'added', 'removed']));
  });

  it("links the two wordings of the operator's quote, with her name", () => {
    const c = expectOne({ [WIRE]: ['It would be reckless to open the gates'], [TV]: ['Opening the gates fully'] });
    expect(c.kind).toBe('quote');
    expect(c.speaker).toBe('Ruth Okonkwo');
    expect(c.variants.flatMap((v) => v.sources).sort()).toEqual([TV, WIRE]);
    expect(c.status).toBe('corroborated');
  });

  it('keeps two people who both say "reckless" apart, and the mayor\'s words together', () => {
    const mayor = [...claimsAt(claims, HERALD, 'Keeping the reservoir this full'), ...claimsAt(claims, DAILY, 'Fenwick called that decision')];
    const operator = [...claimsAt(claims, WIRE, 'It would be reckless to open'), ...claimsAt(claims, TV, 'Opening the gates fully')];
    expect(mayor.length).toBeGreaterThan(0);
    expect(operator.length).toBeGreaterThan(0);
    for (const c of mayor) expect(operator).not.toContain(c);
    for (const c of mayor) expect(c.conflicts.filter((x) => x.field === 'actor')).toEqual([]);
    const together = expectOne({ [HERALD]: ['Keeping the reservoir this full'], [DAILY]: ['Fenwick called that decision'] });
    expect(together.speaker).toBe('Tobias Fenwick');
  });

  it("assigns claims to the event's own pillars by their keywords", () => {
    const pillar = (source: string, phrase: string) => claimsAt(claims, source, phrase).map((c) => c.autoPillar);
    expect(pillar(WIRE, 'housed at a sports arena')).toEqual(['evacuation']);
    expect(pillar(WIRE, 'Pavel Dvorak said the water level')).toEqual(['dam-safety']);
    expect(pillar(WIRE, '20 million crowns for emergency payments')).toEqual(['relief']);
    expect(pillar(TV, 'maintenance budget by 30%')).toEqual(['accountability']);
    expect(pillar(HERALD, 'ordered an independent inquiry')).toEqual(['accountability']);
    const used = new Set(claims.map((c) => c.autoPillar));
    for (const id of ['evacuation', 'dam-safety', 'relief', 'accountability']) expect(used).toContain(id);
  });

  it('never makes page clutter a claim, nor keeps it in a cleaned source', async () => {
    const clutter = [
      'Share this article',
      'Mina Castell/Harlow Herald',
      'Read more',
      'Tags:',
      'Advertisement',
      'Related coverage',
      'a decade of warnings',
      'Aerial view of the dam',
      'Drone Unit',
      'Download our app',
      'By Jonah Pereira',
      'Reporting by Sara Lind',
    ];
    const texts = claimTexts(claims);
    const sources = await readSources(dir);
    expect(sources).toHaveLength(4);
    const leftovers = clutter.flatMap((phrase) => [
      ...texts.filter((t) => t.includes(phrase)).map(() => `claim: ${phrase}`),
      ...sources.filter((s) => plainText(s.body).includes(phrase)).map((s) => `sources/${s.id}.md: ${phrase}`),
    ]);
    expect(leftovers).toEqual([]);
  });

  it('rewrites nothing on a second run', async () => {
    const before = await readFolder(dir);
    const second = await run(dir);
    expect(second.write?.written).toEqual([]);
    expect(second.write?.deleted).toEqual([]);
    expect(await readFolder(dir)).toEqual(before);
    expect(second.claims.map((c) => c.id)).toEqual(first.claims.map((c) => c.id));
    expect(await readFile(path.join(dir, 'site.md'), 'utf8')).toBe(await readFile(path.join(EVENT, 'site.md'), 'utf8'));
  }, 60_000);
});
