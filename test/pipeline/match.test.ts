/**
 * Match and compare on three made-up reports of one council vote (test/fixtures/match/
 * council-budget): paraphrases grouped, two speakers who both say "compromise" kept apart, two
 * different percentages kept apart, a weekday disagreement disputed with each source's value,
 * "more than 30" and "35" agreeing, and one speaker's differently worded quote linked with a diff.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personKey } from '../../scripts/pipeline/people.ts';
import type { DraftClaim } from '../../scripts/pipeline/types.ts';
import { analyse, claimsAt, oneClaim, type Reports } from '../helpers/pipeline.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/match/council-budget');
const files = Object.fromEntries(readdirSync(DIR).sort().map((f) => [f, readFileSync(path.join(DIR, f), 'utf8')]));
const { drafts, mentions } = analyse(files);
const claims: DraftClaim[] = drafts.map((d, i) => ({ ...d, id: `c${i}` }));
const [POST, COURIER, WEEKLY] = ['a-eastport-post', 'b-harbour-courier', 'c-city-weekly'] as const;

function expectOne(reports: Reports): DraftClaim {
  const { claim, why } = oneClaim(claims, reports);
  expect(claim, why).not.toBeNull();
  return claim as DraftClaim;
}

describe('match', () => {
  it('extracts mentions from all three sources', () => {
    expect(new Set(mentions.map((m) => m.source))).toEqual(new Set([POST, COURIER, WEEKLY]));
  });

  it('groups paraphrases of one fact from three sources', () => {
    const c = expectOne({
      [POST]: ['approved a budget of 410 million euros'],
      [COURIER]: ["passed next year's 410 million euro budget"],
      [WEEKLY]: ['410 million euro spending plan'],
    });
    expect(c.sources).toEqual([POST, COURIER, WEEKLY]);
  });

  it('keeps apart two speakers who both use the word "compromise"', () => {
    const mayor = [...claimsAt(claims, POST, 'a compromise that nobody loves'), ...claimsAt(claims, COURIER, 'a compromise nobody loves')];
    const opposition = [...claimsAt(claims, POST, 'We refused every compromise'), ...claimsAt(claims, WEEKLY, 'We refused every compromise')];
    expect(mayor.length).toBeGreaterThan(0);
    expect(opposition.length).toBeGreaterThan(0);
    for (const c of mayor) expect(opposition).not.toContain(c);
    for (const c of [...mayor, ...opposition]) {
      const speakers = new Set(c.appearances.filter((a) => a.speaker).map((a) => personKey(a.speaker ?? '')));
      expect(speakers.size, c.text).toBe(1);
    }
    expect(claims.flatMap((c) => c.conflicts).filter((x) => x.field === 'actor')).toEqual([]);
  });

  it('keeps two different percentages apart', () => {
    const twenty = claimsAt(claims, POST, 'About 20% of the budget');
    const ninety = claimsAt(claims, COURIER, 'About 90% of the new transport money');
    expect(twenty.length).toBeGreaterThan(0);
    expect(ninety.length).toBeGreaterThan(0);
    for (const c of twenty) expect(ninety).not.toContain(c);
    expect(claims.flatMap((c) => c.conflicts).filter((x) => x.field === 'percent')).toEqual([]);
  });
});

describe('compare', () => {
  it('disputes a weekday disagreement with each source\'s value', () => {
    const disputed = claims.filter((c) => c.conflicts.some((x) => x.field === 'weekday'));
    expect(disputed.length).toBeGreaterThan(0);
    for (const c of disputed) {
      expect(c.status).toBe('disputed');
      const values = Object.fromEntries((c.conflicts.find((x) => x.field === 'weekday')?.values ?? []).map((v) => [v.source, v.value]));
      expect(values).toEqual({ [POST]: 'Monday', [COURIER]: 'Tuesday' });
    }
    expect(claimsAt(claims, POST, 'on Monday after a six-hour debate').some((c) => c.status === 'disputed')).toBe(true);
  });

  it('does not dispute "more than 30" against "35"', () => {
    const c = expectOne({ [POST]: ['more than 30 councillors'], [COURIER]: ['votes of 35 councillors'] });
    expect(c.status).toBe('corroborated');
    expect(c.conflicts).toEqual([]);
  });

  it('links differently worded quotes of one speaker as variants with a word diff', () => {
    const c = expectOne({ [POST]: ['a compromise that nobody loves'], [COURIER]: ['a compromise nobody loves'] });
    expect(c.kind).toBe('quote');
    expect(personKey(c.speaker ?? '')).toBe('korhonen');
    expect(c.status).toBe('corroborated');
    expect(c.variants.flatMap((v) => v.sources).sort()).toEqual([POST, COURIER]);
    const [base, other] = c.variants;
    expect(base?.diff).toEqual([{ op: 'same', text: base?.text }]);
    // The diff rebuilds both wordings: kept + removed words give the base, kept + added the other.
    const diff = other?.diff ?? [];
    expect(diff.filter((d) => d.op !== 'added').map((d) => d.text).join('')).toBe(base?.text);
    expect(diff.filter((d) => d.op !== 'removed').map((d) => d.text).join('')).toBe(other?.text);
    expect(diff.some((d) => d.op === 'added') && diff.some((d) => d.op === 'removed')).toBe(true);
    for (const v of c.variants) expect(personKey(v.speaker ?? '')).toBe('korhonen');
  });

  it('gives identical quotes from two sources no variants, and corroborates them', () => {
    const c = expectOne({ [POST]: ['We refused every compromise'], [WEEKLY]: ['We refused every compromise'] });
    expect(c.status).toBe('corroborated');
    expect(c.variants).toEqual([]);
    expect(c.speaker).toBe('Marco Bellini');
  });

  it('links the sentence one outlet quotes alone to the same sentence in another outlet\'s longer quote, from one speaker', () => {
    const { drafts: quoted } = analyse({
      'a.txt': 'Harbour chief stays\nThe harbour master, Ilse Brandt, spoke to reporters at the quay on Monday.\n“I do not plan to resign,” Brandt said.\nThe board meets in May.',
      'b.txt': 'Brandt defiant\nIlse Brandt faced questions about the crane accident at a press conference.\n“I do not plan to resign. I have done nothing wrong, the cranes were inspected every spring, the crews were trained, and the inquiry will show every one of those things,” Brandt said.\nThe inquiry reports in June.',
    });
    const { claim, why } = oneClaim(quoted, { 'a': ['I do not plan to resign'], 'b': ['I do not plan to resign'] });
    expect(claim, why).not.toBeNull();
    expect(claim?.speaker).toBe('Ilse Brandt');
    // What both quote is the claim; the rest of the longer quote is one outlet's, a claim of its own.
    expect(claim?.text).not.toContain('nothing wrong');
    expect(quoted.filter((c) => c.text.includes('nothing wrong')).map((c) => c.sources)).toEqual([['b']]);
  });

  it('anchors every appearance exactly in its cleaned source', () => {
    const { articles } = analyse(files);
    const text = new Map(articles.map((a) => [a.id, a.text]));
    for (const c of claims) {
      for (const a of c.appearances) {
        const t = text.get(a.source) ?? '';
        expect(t.slice(a.selector.start, a.selector.end)).toBe(a.selector.exact);
      }
    }
  });
});

describe('one quote, quoted whole by one outlet and in part by others', () => {
  const quote = 'Two years ago we set the record by selling one crane for $7,000, and this year we wanted to beat that.';
  const { drafts: quoted } = analyse({
    'a.txt': `Crane auction\nThe harbour board sold its oldest crane at a charity auction in Port Amsel.\n“I have chaired the harbour fund since the very start, and I am proud to be here today. ${quote} Every cent goes to the harbour school,” said Ilse Brandt.\nThe auction ran for an hour.`,
    'b.txt': `Port Amsel crane sold\n“${quote}” said Ilse Brandt, who chairs the harbour fund.\nThe buyer was not named.`,
    'c.txt': `Record crane sale\nIlse Brandt said: “${quote}”\nThe crane is 60 years old.`,
  });

  it('is one claim, with the whole quote, not a second one of its sentence that reads the same', () => {
    const found = claimsAt(quoted, 'b', 'wanted to beat that');
    expect(found.map((c) => c.sources)).toEqual([['a', 'b', 'c']]);
    expect(found[0]?.appearances.find((x) => x.source === 'a')?.selector.exact).toContain('Every cent goes to the harbour school');
  });
});
