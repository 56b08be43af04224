/** Claim titles: the statement a reader can take in, without dateline or trailing attribution. */
import { describe, expect, it } from 'vitest';
import { claimTitle, standsAlone } from '../../scripts/pipeline/compare/title.ts';
import { keptWording } from '../../scripts/pipeline/assemble.ts';
import type { DraftClaim, Mention } from '../../scripts/pipeline/types.ts';

const statement = (text: string): Mention => ({ kind: 'statement', text, sentence: { text, index: 0, start: 0, end: text.length, kind: 'body' } }) as Mention;

describe('claim titles', () => {
  it('drop the dateline', () => {
    expect(claimTitle(statement('KESWAN — The harbour board approved a new quay for container ships on Friday.'))).toBe('The harbour board approved a new quay for container ships on Friday.');
    expect(claimTitle(statement('PORT ALDREN, Velmar (Wire) - Three dock workers were injured when a crane collapsed.'))).toBe('Three dock workers were injured when a crane collapsed.');
    // A capitalised opening that is not a dateline stays.
    expect(claimTitle(statement('NATO leaders met in Brussels on Thursday to discuss the new budget.'))).toBe('NATO leaders met in Brussels on Thursday to discuss the new budget.');
  });

  it('drop a trailing attribution the speaker and sources already show', () => {
    expect(claimTitle(statement('The terminal will stay closed until engineers inspect every crane, the harbour master said.'))).toBe('The terminal will stay closed until engineers inspect every crane.');
    expect(claimTitle(statement('Turnout in the northern districts rose to a record high this year, according to the electoral commission.'))).toBe('Turnout in the northern districts rose to a record high this year.');
  });

  it('keep an attribution when the rest would not be a statement of its own', () => {
    expect(claimTitle(statement('It was closed, he said.'))).toBe('It was closed, he said.');
    expect(claimTitle(statement('State media said 15 people were wounded in the shelling.'))).toBe('State media said 15 people were wounded in the shelling.');
  });

  it('show a quote as its words', () => {
    const quote = { kind: 'quote', text: 'We will rebuild the quay within a year', sentence: { text: '“We will rebuild the quay within a year,” Varga said.' } } as Mention;
    expect(claimTitle(quote)).toBe('We will rebuild the quay within a year');
  });

  it('know which sentences lean on the one before', () => {
    expect(standsAlone(statement('This pledge would be binding on every member.'))).toBe(false);
    expect(standsAlone(statement('He added that the talks would resume on Monday.'))).toBe(false);
    expect(standsAlone(statement('The coalition pledged to defend Velmar if it were attacked again.'))).toBe(true);
  });

  it('keep the words a claim was written with, unless they lean on a sentence before them', () => {
    const draft = (text: string, evidence: string[]): DraftClaim => ({ kind: 'statement', text, variants: [], appearances: evidence.map((exact) => ({ selector: { exact } })) }) as unknown as DraftClaim;
    const leaning = 'This pact was signed on Tuesday.';
    const alone = 'The harbour board signed the pact with the unions on Tuesday.';
    const other = 'The unions signed the pact on Tuesday in Port Amsel.';
    // Another sentence now stands for the claim: a title a source still states stays…
    expect(keptWording(draft(other, [alone, other]), alone)).toBe(alone);
    // …but not one that cannot stand alone, when the new one can.
    expect(keptWording(draft(alone, [leaning, alone]), leaning)).toBe(alone);
    expect(keptWording(draft('It was signed on Tuesday.', [leaning, 'It was signed on Tuesday.']), leaning)).toBe(leaning);
  });
});
