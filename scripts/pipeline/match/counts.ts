/**
 * Counts of people inside longer sentences. "Shells hit the container port, wounding 15, and the
 * authorities shut the coast road for the night" and "The port authority said 12 people were
 * wounded in the shelling of the terminal" are different claims as wholes, yet both count the
 * people one shelling wounded, and disagree. A count of people and what happened to them (see
 * values.ts: "four people were killed", "wounding 15") is one quantity across sources when the
 * sentences give it for something in common (the shelling), on no two different days; such
 * counts make a claim of their own, its sentences backing it as a second claim, so compare reports
 * the count as corroborated or disputed. Figures of other counted things ("a 410-page audit") make
 * such a claim only when they agree.
 */
import { SETTINGS } from '../settings.ts';
import { isKindOf } from '../lang/en/wordnet.ts';
import { compatible, countsPeople, isEventDay, isPeopleCount, sameQuantity, saysWhere } from '../values.ts';
import { completeGroups, factClaims, factMentions, otherWords, type Joins } from './facts.ts';
import type { StorySimilarity } from './stories.ts';
import type { Cluster, Mention, Value } from '../types.ts';

/** One count a statement gives: the value, and what else the sentence is about (its single stems, less the count's own words). */
export interface PeopleCount {
  mention: Mention;
  value: Value;
  about: ReadonlySet<string>;
  days: ReadonlySet<string>;
}

/** The figures `keep` accepts that the sentences stating facts give, each with what else its sentence is about and the days it gives. */
function figures(mentions: readonly Mention[], keep: (v: Value) => boolean): PeopleCount[] {
  const out: PeopleCount[] = [];
  for (const m of factMentions(mentions)) {
    const days = new Set(m.values.filter(isEventDay).map((v) => v.norm));
    for (const value of m.values) {
      // A height the sentence places something at is where, not a figure of it.
      if (value.field !== 'figure' || !keep(value) || saysWhere(m.sentence.text, value)) continue;
      out.push({ mention: m, value, about: otherWords(m, [value.event ?? '', value.unit ?? '', ...value.raw.toLowerCase().split(/\s+/)]), days });
    }
  }
  return out;
}

/** How many other words two figures' sentences share. */
function shared(x: PeopleCount, y: PeopleCount): number {
  return [...x.about].filter((t) => y.about.has(t)).length;
}

/** True when two figures come from different sources about one story and give no two different days. */
function together(x: PeopleCount, y: PeopleCount, story: StorySimilarity): boolean {
  return (
    x.mention.source !== y.mention.source &&
    !(x.days.size > 0 && y.days.size > 0 && ![...x.days].some((d) => y.days.has(d))) &&
    story(x.mention.source, y.mention.source) >= SETTINGS.match.sameStory
  );
}

/** The mentions of a group of figures, with the value each states the fact with. */
const stating = (group: readonly PeopleCount[]) => group.map((c) => ({ mention: c.mention, value: c.value }));

/** The counts of people, and what happened to them, that each statement gives. */
export function peopleCounts(mentions: readonly Mention[]): PeopleCount[] {
  return figures(mentions, isPeopleCount);
}

/**
 * Claims for counts of people that two or more sources give for one thing (see facts.ts): every
 * two of a group's counts are one quantity (`sameQuantity`), share at least `countShared` other
 * words, give no two different days, and come from sources about one story.
 */
export function countClaims(mentions: readonly Mention[], clusters: Cluster[], story: StorySimilarity, joins?: Joins): Cluster[] {
  const counts = peopleCounts(mentions);
  const same = (x: PeopleCount, y: PeopleCount): boolean => sameQuantity(x.value, y.value) && shared(x, y) >= SETTINGS.match.countShared && together(x, y, story);
  return factClaims(completeGroups(counts, same).map(stating), clusters, joins);
}

/** Two exact figures that differ by a slip of the pen, not by what they count ("130" and "131"). */
function slip(a: Value, b: Value): boolean {
  if (a.min === undefined || a.min !== a.max || b.min === undefined || b.min !== b.max) return false;
  return Math.abs(a.min - b.min) <= SETTINGS.match.slipShare * Math.max(a.min, b.min);
}

/** A unit of time ("two years ago", "48 hours"): when, or how long, not a count of things. */
function isTime(unit: string): boolean {
  return isKindOf(unit, 'time_period') || isKindOf(unit, 'time_unit');
}

/** One figure of a counted thing that is not people ("a 131-page report", "10 bags"), with what else its sentence is about. */
export function thingCounts(mentions: readonly Mention[]): PeopleCount[] {
  return figures(mentions, (v) => v.unit !== undefined && v.unit !== '' && !countsPeople(v.unit) && !isTime(v.unit));
}

/**
 * Claims for one figure of one counted thing that two or more sources give alike ("the 131-page
 * report", "a report of 131 pages"), about something in common (at least `thingShared` other
 * words). Agreeing figures, or exact ones that differ by a slip (at most `slipShare` of the larger:
 * "a 130-page document", "the 131-page report", then in dispute); figures further apart, of pages
 * or bags in different sentences, are as often two different things as one thing in dispute.
 */
export function thingClaims(mentions: readonly Mention[], clusters: Cluster[], story: StorySimilarity, joins?: Joins): Cluster[] {
  const counts = thingCounts(mentions);
  const near = (x: PeopleCount, y: PeopleCount): boolean =>
    sameQuantity(x.value, y.value) && (compatible(x.value, y.value) || slip(x.value, y.value)) && shared(x, y) >= 1 && together(x, y, story);
  const same = (x: PeopleCount, y: PeopleCount): boolean => near(x, y) && shared(x, y) >= SETTINGS.match.thingShared;
  // Figures of one thing have one unit: WordNet's lemma of the counted noun.
  return factClaims(completeGroups(counts, same, near, (c) => c.value.unit ?? '').map(stating), clusters, joins);
}
