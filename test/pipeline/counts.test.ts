/**
 * Counts of people inside longer sentences: one count, with one fate, for one thing, from two
 * sources, is a claim (disputed when the figures cannot both be right), and joins the claim that
 * already holds part of it.
 */
import { describe, expect, it } from 'vitest';
import { countClaims, peopleCounts, thingClaims } from '../../scripts/pipeline/match/counts.ts';
import { analyse } from '../helpers/pipeline.ts';
import { compare } from '../../scripts/pipeline/compare.ts';
import type { Cluster, Mention } from '../../scripts/pipeline/types.ts';

const { mentions, articles } = analyse({
  'a.txt': 'Port shelling\nShells hit the container port, wounding 15, and the authorities shut the coast road for the night.\nThe port reopened on Friday.',
  'b.txt': 'Port hit\nThe port authority said 12 people were wounded in the shelling of the container terminal.\nShips were diverted to Velmar.',
  'c.txt': 'Quay fire\nA fire on the grain quay wounded 30 dock workers, the fire service said.\nThe cause is unknown.',
  'd.txt': 'Mayor on the port\nThe mayor said 15 people were wounded when shells hit the container port at dawn.\nSchools stayed open.',
});
const sameStory = (): number => 1;
const sources = (c: Cluster | undefined): string[] => (c?.mentions ?? []).map((m: Mention) => m.source);

describe('peopleCounts', () => {
  it('reads each count of people with what happened to them', () => {
    expect(peopleCounts(mentions).map((c) => `${c.mention.source} ${c.value.norm} ${c.value.event}`)).toEqual(['a 15 wound', 'b 12 wound', 'c 30 wound', 'd 15 wound']);
  });
});

describe('countClaims', () => {
  it('makes one disputed claim of one count from two sources, and leaves a count of another thing alone', () => {
    const claims = countClaims(mentions, [], sameStory);
    expect(claims.map(sources)).toEqual([['a', 'b', 'd']]);
    const [draft] = compare(claims, new Map(articles.map((a) => [a.id, a])));
    expect(draft?.conflicts.map((c) => c.field)).toEqual(['figure']);
    // It rests on the count and what happened to them, in its title's words.
    expect(draft?.text).toContain(draft?.fact ?? '\u0000');
    expect(draft?.fact).toMatch(/^(wounding \d+|\d+ people were wounded)$/);
  });

  it('joins the claim that holds part of the fact instead of making a second one', () => {
    const [a, b, d] = ['a', 'b', 'd'].map((source) => mentions.find((m) => m.source === source) as Mention);
    const existing: Cluster = { mentions: [a as Mention, b as Mention], borrowed: [], representative: a as Mention };
    expect(countClaims(mentions, [existing], sameStory)).toEqual([]);
    expect(existing.mentions).toEqual([a, b, d]);
    expect(existing.borrowed).toEqual([d?.key]);
    expect(countClaims(mentions, [], () => 0)).toEqual([]);
  });
});

describe('thingClaims', () => {
  const things = analyse({
    'a.txt': 'Audit out\nThe 410-page audit of the harbour accounts, part of a filing of 3,000 pages, was released after months of delay.\nThe board met on Friday.',
    'b.txt': 'Harbour audit\nA 410-page audit says the harbour accounts hid a loss, the council said.\nThe mayor called it a scandal.',
    'c.txt': 'Budget\nThe city budget runs to 410 pages this year, officials said.\nIt passed easily.',
    'd.txt': 'Audit again\nA 380-page audit of the harbour accounts was released on Monday.\nNobody resigned.',
  }).mentions;

  it('makes a claim of one figure of one thing that two sources give alike, about the same thing', () => {
    // The budget's 410 pages share no words with the audit; the 380-page audit is another figure,
    // and figures of things are never disputed (pages of two documents are as often two documents).
    expect(thingClaims(things, [], sameStory).map(sources)).toEqual([['a', 'b']]);
  });

  it('makes no claim of a height two sentences place things at: it says where, not what happened', () => {
    const placed = analyse({
      'a.txt': 'Cranes\nThe harbour cranes at the pier located at 20 metres (66 feet) above the water stand idle after the storm.\nThe board met.',
      'b.txt': 'Ferries\nOnce the storm passes, the ferries will take the harbour cranes down from the pier at 66 feet.\nNobody resigned.',
      'c.txt': 'Masts\nThe harbour masts, each 20 metres tall, stand idle after the storm, the port said.\nIt rained.',
      'd.txt': 'Masts again\nDock workers said the harbour masts, 66 feet tall, stand idle after the storm.\nIt rained.',
    });
    expect(thingClaims(placed.mentions, [], sameStory).map(sources)).toEqual([['c', 'd']]);
  });

  it('disputes two exact figures of one thing that differ by a slip, not by what they count', () => {
    const slipped = analyse({
      'a.txt': 'Audit out\nThe 410-page audit of the harbour accounts, part of a longer filing, was released after months of delay.\nThe board met on Friday.',
      'b.txt': 'Harbour audit\nA 412-page audit says the harbour accounts hid a loss, the council said.\nThe mayor called it a scandal.',
    });
    const claims = thingClaims(slipped.mentions, [], sameStory);
    expect(claims.map(sources)).toEqual([['a', 'b']]);
    const [draft] = compare(claims, new Map(slipped.articles.map((x) => [x.id, x])));
    expect(draft?.conflicts.map((c) => c.values.map((v) => v.value))).toEqual([['410-page', '412-page']]);
  });
});
