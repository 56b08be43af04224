/**
 * What similarity alone cannot tell apart, on made-up sentences: different actors, different or
 * opposite verbs, negation, one figure of two quantities. Each veto names its reason; near-identical
 * wordings that give different values stay together, so compare reports the dispute.
 */
import { describe, expect, it } from 'vitest';
import { structure } from '../../scripts/pipeline/extract/structure.ts';
import { veto, type VetoContext } from '../../scripts/pipeline/match/vetoes.ts';
import { analyse, oneClaim } from '../helpers/pipeline.ts';
import { findValues } from '../../scripts/pipeline/values.ts';
import { contentStems } from '../../scripts/pipeline/text.ts';
import type { Mention } from '../../scripts/pipeline/types.ts';

/** A statement mention as extract makes it, enough for the vetoes. */
function mention(source: string, text: string): Mention {
  return {
    key: `${source}#0`, source, kind: 'statement', text, quote: null, speaker: null, actors: [], named: [], clauses: [],
    sentence: { index: 0, text, start: 0, end: text.length, kind: 'body' },
    values: findValues(text), terms: contentStems(text), ...structure(text),
  };
}
const context: VetoContext = { sim: 0.3, common: () => false, tells: () => false };
const why = (a: string, b: string, sim = 0.3): string | null => veto(mention('a', a), mention('b', b), { ...context, sim });

describe('structure', () => {
  it('reads who a sentence names and what happens in it, negation kept', () => {
    expect(structure('The Velmar navy would not patrol the strait after the truce.')).toMatchObject({ did: ['!patrol'] });
    expect(structure('PORT ALDREN — Germany would monitor the border.').who).toEqual(['germany']);
    // Aliases fold: "U.S." and "United States" are one; a demonym qualifies, it is not the subject.
    expect(structure('The U.S. would lead the mission.').who).toEqual(['us']);
    expect(structure('The United States would lead the mission.').who).toEqual(['us']);
    expect(structure('A French contingent would follow.').who).toEqual(["'france"]);
    // A name in a prepositional phrase is where or what, not who ("by" names the actor); a
    // capitalised word beside a figure is its currency.
    expect(structure('The record catch was sold at an auction in Keswan.').who).toEqual(["'keswan"]);
    expect(structure('The harbour crane was sold by Teodor Lind in March.').who).toEqual(['teodor lind']);
    expect(structure('The porters in Keswan will be paid Rs 130 for every kilo.').who).toEqual(["'keswan"]);
    // The subject of a passive is who it happened to; an outlet's credit before the first word is no one.
    expect(structure('Lind was fired in March.').who).toEqual(["'lind"]);
    expect(structure('(KNN)Teodor Lind used harbour police to hide the audit.').who).toEqual(['teodor lind']);
  });

  it('denies the verb a negation governs, not every verb after it', () => {
    expect(structure('You will never work at the harbour again if you tell anyone about this.').did).toEqual(['!work', 'tell']);
    // …and the verbs it governs through "to".
    expect(structure('The harbour board is not planning to close the ferry terminal.').did).toEqual(['!close', '!plan']);
    expect(structure('The crane did not fail in March, but it failed in May.').did).toEqual(['!fail', 'fail']);
  });
});

describe('vetoes', () => {
  it('keep apart different actors doing the same thing', () => {
    expect(why('Germany would monitor the ceasefire line from the air.', 'The United States would monitor the ceasefire line from the air.')).toMatch(/^actors: germany against us/);
    // Near-identical wordings are one claim whatever the names (then compare shows the conflict).
    expect(why('Germany would monitor the ceasefire line from the air.', 'The United States would monitor the ceasefire line from the air.', 0.7)).toBeNull();
    // A person who speaks is not who the words are about; a body that speaks mostly is ("the union said its strike …").
    const said = (source: string, text: string, speaker: string): Mention => ({ ...mention(source, text), speaker });
    const union = 'The Free Dockers Union, which strikes alongside the Keswan crews, said the walkouts would go on for a week.';
    const pilots = 'The Harbour Pilots Council, which works beside the Keswan crews, said the walkouts would go on for a week.';
    expect(veto(said('a', union, 'the Free Dockers Union'), said('b', pilots, 'the Harbour Pilots Council'), context)).toMatch(/^actors: /);
    expect(veto(said('a', union.replace('The Free Dockers Union', 'Teodor Lind'), 'Teodor Lind'), said('b', pilots.replace('The Harbour Pilots Council', 'Ilse Brandt'), 'Ilse Brandt'), context)).toBeNull();
  });

  it('keep apart quotes from different people, not from one person spelt two ways or from a document', () => {
    const quote = (source: string, text: string, speaker: string): Mention => ({ ...mention(source, text), kind: 'quote', speaker });
    const words = 'This was an incredible night for the harbour and everyone who works on it.';
    const also = 'An incredible night for the harbour and for everyone who works on it.';
    expect(veto(quote('a', words, 'Ilse Van Dalen'), quote('b', also, 'Teodor Lind'), context)).toMatch(/^speakers: /);
    expect(veto(quote('a', words, 'Ilse Van Dalen'), quote('b', also, 'Ilse VanDalen'), context)).toBeNull();
    expect(veto(quote('a', words, 'the report'), quote('b', also, 'Teodor Lind'), context)).toBeNull();
  });

  it('keep apart opposite or different things happening', () => {
    expect(why('The storm warning for the coast was issued on Monday morning.', 'The storm warning for the coast was lifted on Monday morning.')).toMatch(/^predicates:/);
    expect(why('Share prices rose sharply after the announcement.', 'Share prices fell sharply after the announcement.')).toBe('predicates: rise against fall');
    expect(why('The navy would patrol the strait after the truce.', 'The navy would not patrol the strait after the truce.')).toBe('predicates: patrol against not patrol');
  });

  it('let paraphrases through: synonyms, and a verb the other says as a noun', () => {
    expect(why('The shelling wounded twelve people in the old town.', 'Twelve people were injured by the shelling in the old town.')).toBeNull();
    expect(why('Inspectors will monitor the ceasefire from next week.', 'A ceasefire monitoring mission starts next week.')).toBeNull();
  });

  it('let one stative verb both say through: "attended" twice is one predicate, whatever else each adds', () => {
    const a = 'The envoys, along with the port\'s top pilot, attended the talks, marking the first such visit.';
    const b = 'Senior envoys attended the summit, signalling backing for the proposed rules.';
    expect(why(a, b)).toBeNull();
    expect(why(a.replace('attended', 'skipped'), b)).toMatch(/^predicates:/);
    // Said once and denied once, it is no shared predicate.
    expect(why(a.replace('attended', 'did not attend'), b)).toMatch(/^predicates:/);
  });

  it('keep apart one figure of two different quantities', () => {
    expect(why('Twelve people were killed in the blast at the depot.', 'Twelve people were injured in the blast at the depot.')).toMatch(/^values: /);
    expect(why('At least four people were killed in the blast.', 'Three people were killed in the blast.', 0.05)).toMatch(/^values: /);
  });

  it('keep a count of people with a fate apart from a mention that gives no count of them', () => {
    const toll = 'At least 15 civilians were killed after the army shelled the old town of Keswan.';
    expect(why(toll, 'The army intensified its shelling of the old town of Keswan.')).toMatch(/^tolls: At least 15 civilians \(kill\) against no count/);
    expect(why('The army intensified its shelling of the old town of Keswan.', toll)).toMatch(/^tolls: /);
    // The same toll in other words passes, and so do near-identical wordings.
    expect(why(toll, 'The army shelled the old town of Keswan, killing 15 civilians.')).toBeNull();
    expect(why(toll, 'Civilians were killed after the army shelled the old town of Keswan.', 0.8)).toBeNull();
    // A count of who there is ("including 27 leaders") is no fate.
    expect(why('Delegates from 35 countries met in Port Amsel, including 27 leaders.', 'Delegates from 35 countries met in Port Amsel on Monday.')).toBeNull();
  });

  it('read a denial as opposite only of the same verb, not of one that shares a rare sense', () => {
    // WordNet has "take" and "read" as synonyms (to read a meter, to take a reading).
    expect(why('The inspectors did not take the samples at the harbour.', 'The inspectors read the samples at the harbour.', 0.5)).toBeNull();
    expect(why('The inspectors did not take the samples at the harbour.', 'The inspectors took the samples at the harbour.', 0.5)).toMatch(/^predicates: not take against take/);
  });

  it('take no side for a verb a mention both denies and affirms', () => {
    expect(why('The crane did not fail in March, but it failed in May at the harbour.', 'The harbour crane failed in May.', 0.3)).toBeNull();
    expect(why('The harbour crane did not fail in May.', 'The harbour crane failed in May.', 0.3)).toMatch(/^predicates: not fail against fail/);
  });

  it('keep apart two days of a story when a source gives both, however alike the words', () => {
    const a = mention('a', 'Ferry crews walked off the job on Wednesday at Port Amsel.');
    const b = mention('b', 'Ferry crews walked off the job on Monday at Port Amsel.');
    const bTellsBoth = { ...context, sim: 0.9, tells: (source: string, day: { norm: string }) => source === 'b' && day.norm === 'Wednesday' };
    expect(veto(a, b, bTellsBoth)).toMatch(/^values: .*one source gives both/);
    // Otherwise they are one claim, and compare shows the day in dispute.
    expect(veto(a, b, { ...context, sim: 0.9 })).toBeNull();
  });
});

describe('a dispute between near-identical reports', () => {
  it('is one claim with each source\'s value', () => {
    const { drafts } = analyse({
      'a.txt': 'Depot blast in Keswan\nAt least four people were killed in the blast at the Keswan fuel depot on Tuesday, police said.\nFirefighters fought the fire for six hours.',
      'b.txt': 'Keswan depot fire\nThree people were killed in the blast at the Keswan fuel depot on Tuesday, police said.\nThe depot had been inspected in May.',
    });
    const { claim, why: reason } = oneClaim(drafts, { a: ['At least four people were killed'], b: ['Three people were killed'] });
    expect(claim, reason).not.toBeNull();
    expect(claim?.status).toBe('disputed');
    expect(claim?.conflicts.map((c) => c.field)).toEqual(['figure']);
  });
});
