/**
 * Independence: outlets that carry the same wire copy are one report. A made-up wire story about a
 * harbour crane collapse runs in two papers (one trims a paragraph and adds a line of its own);
 * a third outlet reports the collapse in its own words. A claim the two copies state is
 * single-source however many papers print it; a claim the third outlet also states is corroborated,
 * by two independent reports of three sources.
 */
import { describe, expect, it } from 'vitest';
import { independentCount, sharedCopy } from '../../scripts/pipeline/compare/copies.ts';
import { analyse, article, oneClaim } from '../helpers/pipeline.ts';

const WIRE = [
  'Crane collapses at Port Aldren container terminal',
  'A 90-metre gantry crane collapsed onto a container ship at the Port Aldren terminal on Thursday, the harbour authority said.',
  'Three dock workers were injured when the crane fell across the deck of the vessel during unloading.',
  'Harbour master Ilse Varga said the terminal would stay closed until engineers had inspected the other cranes on the quay.',
  'The crane was installed in 2009 and had passed its last safety inspection in March, according to the operator.',
  'Shipping lines were told to divert vessels to the neighbouring port of Keswan while the terminal remains shut.',
];

const COPY_A = WIRE.join('\n');
// The second paper runs the same copy, trims the last paragraph and adds a line of its own.
const COPY_B = [...WIRE.slice(0, 5), 'Local councillors called for an inquiry into the port’s maintenance budget.'].join('\n');
const OWN = [
  'Aldren terminal shut after crane accident',
  'Engineers will inspect every crane on the quay before the Port Aldren terminal reopens, harbour master Ilse Varga said on Thursday.',
  'The collapse injured three dock workers, who were taken to the city hospital with minor wounds.',
  'Witnesses described a loud crack before the gantry toppled onto the ship.',
].join('\n');

describe('sources that share copy', () => {
  const files = { 'aldren-courier.txt': COPY_A, 'coast-herald.txt': COPY_B, 'port-radio.txt': OWN };

  it('are found from the text they share, not from their names', () => {
    const articles = Object.entries(files).map(([f, t]) => article(f, t));
    expect(sharedCopy(articles)).toEqual([['aldren-courier', 'coast-herald']]);
    expect(independentCount(['aldren-courier', 'coast-herald', 'port-radio'], sharedCopy(articles))).toEqual({ independent: 2, shared: [['aldren-courier', 'coast-herald']] });
  });

  it('make a claim only they state single-source, and count once beside an independent report', () => {
    const { drafts } = analyse(files);
    const copiesOnly = oneClaim(drafts.map((d) => ({ ...d })), { 'aldren-courier': ['installed in 2009'], 'coast-herald': ['installed in 2009'] });
    expect(copiesOnly.claim, copiesOnly.why).not.toBeNull();
    expect(copiesOnly.claim?.status).toBe('single-source');
    expect(copiesOnly.claim?.sources).toEqual(['aldren-courier', 'coast-herald']);
    const both = oneClaim(drafts, { 'aldren-courier': ['terminal would stay closed'], 'coast-herald': ['terminal would stay closed'], 'port-radio': ['before the Port Aldren terminal reopens'] });
    expect(both.claim, both.why).not.toBeNull();
    const draft = drafts.find((d) => d === both.claim);
    expect(draft?.status).toBe('corroborated');
    expect(draft?.independent).toBe(2);
    expect(draft?.sharedCopy).toEqual([['aldren-courier', 'coast-herald']]);
  });

  it('are not found between reports that only tell the same story', () => {
    const articles = [article('aldren-courier.txt', COPY_A), article('port-radio.txt', OWN)];
    expect(sharedCopy(articles)).toEqual([]);
  });
});
