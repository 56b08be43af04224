/**
 * Articles that only happen to share a folder: six made-up reports about unrelated things (a
 * football match, a phone launch, a city budget, a concert, a storm, a telescope) that share
 * everyday words ("long", "way", "support … next year") and give their own weekdays. None of
 * their sentences backs another's, and their days are not one event's date in dispute. Mixed into
 * the made-up dam emergency (test/fixtures/events/orvelle-dam), they join none of its claims and
 * leave its disputes as they were. (They do shift its word weights a little: corpus statistics.)
 * And two reports of one ferry strike worded so differently that no sentence matches still
 * dispute its day: Monday against Tuesday; but not when one tells of a repeat ("again"), or of both
 * days (a story told over two days).
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse, readFolder, type Analysis } from '../helpers/pipeline.ts';
import { withoutCoincidences } from '../../scripts/pipeline/match/stories.ts';
import { SETTINGS } from '../../scripts/pipeline/settings.ts';
import type { Mention } from '../../scripts/pipeline/types.ts';

const UNRELATED = path.join(import.meta.dirname, '../fixtures/match/unrelated');
const EVENT = path.join(import.meta.dirname, '../fixtures/events/orvelle-dam/articles');
const PAIR = path.join(import.meta.dirname, '../fixtures/match/paraphrased-pair');

let unrelated: Record<string, string>;
let event: Record<string, string>;
beforeAll(async () => {
  unrelated = await readFolder(UNRELATED);
  event = await readFolder(EVENT);
});

/** Each claim as the set of its sources, sorted. */
const sourceSets = (a: Analysis): string[][] => a.drafts.map((d) => [...d.sources].sort());

describe('articles about different stories', () => {
  it('back none of each other\'s claims, and dispute no date', () => {
    const a = analyse(unrelated);
    expect(a.drafts.length).toBeGreaterThan(20);
    expect(a.drafts.filter((d) => d.sources.length > 1).map((d) => d.text)).toEqual([]);
    expect(a.drafts.filter((d) => d.status === 'disputed')).toEqual([]);
  });

  it('join none of the claims of the event they were mixed into, nor its disputes', () => {
    const alone = analyse(event);
    const mixed = analyse({ ...event, ...unrelated });
    const eventSources = new Set(alone.articles.map((x) => x.id));
    // Every claim several sources back is the event's alone.
    const shared = sourceSets(mixed).filter((set) => set.length > 1);
    expect(shared.length).toBeGreaterThan(5);
    for (const set of shared) expect(set.filter((s) => !eventSources.has(s))).toEqual([]);
    // Its disputes are the same: the residents (1,200 against 1,500) and the day (Monday against Tuesday).
    const disputes = (x: Analysis) => x.drafts.flatMap((d) => d.conflicts.map((c) => `${c.field}: ${c.values.map((v) => `${v.source}=${v.value}`).join(' ')}`)).sort();
    expect(disputes(mixed)).toEqual(disputes(alone));
    expect(disputes(alone).some((d) => d.startsWith('weekday:'))).toBe(true);
    expect(disputes(alone).some((d) => d.startsWith('figure:') && d.includes('1,500'))).toBe(true);
  });

  it('do not dispute the day of a story told over two days, when a source tells of both', () => {
    // Each lead gives its own day, and Harbour Gazette also tells of the first strike: two strikes, not two days for one.
    const a = analyse({
      'harbour-gazette.txt':
        'Ferry crews strike again at Port Amsel\n\nFerry crews walked off the job on Wednesday in their second strike this week, halting all crossings between Port Amsel and Vell Island.\nThe first strike began on Monday and ended that evening after talks with the operator, Amsel Lines.\nThe Harbour Workers Union said its members want shorter shifts.\n',
      'island-radio.txt':
        'Ferry crews walk out at Port Amsel\n\nFerry crews walked off the job on Monday, halting all crossings between Port Amsel and Vell Island for most of the day.\nTourists were stranded at the terminal, where Amsel Lines cancelled every sailing.\nThe Harbour Workers Union said its members want shorter shifts.\n',
    });
    expect(a.drafts.filter((d) => d.conflicts.some((c) => c.field === 'weekday')).map((d) => d.text)).toEqual([]);
  });

  it('do not dispute the day when a lead tells of a repeat ("walked off the job again")', async () => {
    const pair = await readFolder(PAIR);
    const gazette = pair['harbour-gazette.txt'] ?? '';
    const again = gazette.replace('walked off the job on Monday', 'walked off the job again on Monday');
    expect(again).not.toBe(gazette);
    const a = analyse({ ...pair, 'harbour-gazette.txt': again });
    expect(a.drafts.filter((d) => d.conflicts.some((c) => c.field === 'weekday')).map((d) => d.text)).toEqual([]);
  });

  it('still lets two reports of one event in other words dispute its day', async () => {
    const a = analyse(await readFolder(PAIR));
    expect(a.drafts.filter((d) => d.sources.length > 1 && d.conflicts.length === 0)).toEqual([]);
    const day = a.drafts.find((d) => d.conflicts.some((c) => c.field === 'weekday'));
    expect(day?.status).toBe('disputed');
    expect(day?.conflicts[0]?.values).toEqual([
      { source: 'harbour-gazette', value: 'Monday' },
      { source: 'island-radio', value: 'Tuesday' },
    ]);
  });
});

describe('withoutCoincidences', () => {
  const m = (source: string): Mention => ({ source } as Mention);
  const mentions = [m('a'), m('b'), m('a'), m('b'), m('c'), m('d')];
  // a–b and c–d only just overlap; a–c is one story.
  const story = (x: string, y: string): number => ([x, y].sort().join() === 'a,c' ? 0.6 : 0.22);

  // Two similarities that clear the bar for one claim, and one near word for word.
  const [clear, clearer] = [SETTINGS.match.sameClaim + 0.01, SETTINGS.match.sameClaim + 0.05];

  it('drops the one match between articles whose topics only just overlap', () => {
    const kept = withoutCoincidences([{ i: 4, j: 5, s: clearer }, { i: 0, j: 4, s: clear }], mentions, story);
    expect(kept).toEqual([{ i: 0, j: 4, s: clear }]);
  });

  it('keeps them when two of their sentences match, or the words are near-identical', () => {
    const two = [{ i: 0, j: 1, s: clearer }, { i: 2, j: 3, s: clear }];
    expect(withoutCoincidences(two, mentions, story)).toEqual(two);
    expect(withoutCoincidences([{ i: 4, j: 5, s: 0.9 }], mentions, story)).toHaveLength(1);
  });
});
