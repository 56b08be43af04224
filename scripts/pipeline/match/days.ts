/**
 * Dated acts inside longer sentences. "The harbour board tried to delay the audit, but the council
 * released it Friday afternoon" and "The audit, released on Friday, details …" are different
 * claims as wholes, yet both tell when the audit came out. Each weekday or date a
 * sentence gives for what happened (not the day someone spoke) is tied to the act nearest it (see
 * `act` in values.ts: "released on Friday", "a strike on Sunday"). Two sources that put
 * the same act, about the same thing, on the same day corroborate that dated fact, and it becomes
 * a claim of its own, its sentences backing it as a second claim.
 */
import { SETTINGS } from '../settings.ts';
import { sameEvent } from '../lang/en/verbs.ts';
import { compatible, isEventDay, sameQuantity } from '../values.ts';
import { completeGroups, factClaims, factMentions, otherWords, type Joins } from './facts.ts';
import type { StorySimilarity } from './stories.ts';
import type { Cluster, Mention, Value } from '../types.ts';

/** Whether a source gives a day (for what happened, not when someone spoke) anywhere in it. */
export type TellsDay = (source: string, day: Value) => boolean;

/**
 * The days each source gives for what happened. A source that gives two days ("the second strike
 * this week", "the first began on Monday") tells of two events: another source's day that it also
 * gives is not a different day for one of them.
 */
export function daysTold(mentions: readonly Mention[]): TellsDay {
  const told = new Map<string, Value[]>();
  for (const m of mentions) for (const v of m.values) if (isEventDay(v)) (told.get(m.source) ?? told.set(m.source, []).get(m.source))?.push(v);
  return (source, day) => (told.get(source) ?? []).some((v) => sameQuantity(v, day) && compatible(v, day));
}

/** One act a sentence dates: what happened (a verb lemma), on which day (a value's `norm`), about what (its other single stems). */
export interface DatedAct {
  mention: Mention;
  /** The day, as the sentence gives it. */
  value: Value;
  act: string;
  day: string;
  about: ReadonlySet<string>;
}

/** The acts each statement dates, in mention order. */
export function datedActs(mentions: readonly Mention[]): DatedAct[] {
  const out: DatedAct[] = [];
  for (const m of factMentions(mentions)) {
    for (const v of m.values) {
      if (!isEventDay(v) || v.act === undefined) continue;
      out.push({ mention: m, value: v, act: v.act, day: v.norm, about: otherWords(m, [v.act, ...v.raw.toLowerCase().split(/\s+/)]) });
    }
  }
  return out;
}

/**
 * Claims for dated acts that two or more sources tell (see facts.ts): every two of a group's acts
 * are one act (`sameEvent`) on one day, about something in common, from sources about one story.
 */
export function datedClaims(mentions: readonly Mention[], clusters: Cluster[], story: StorySimilarity, joins?: Joins): Cluster[] {
  const acts = datedActs(mentions);
  const near = (x: DatedAct, y: DatedAct): boolean =>
    x.mention.source !== y.mention.source && x.day === y.day && sameEvent(x.act, y.act) && story(x.mention.source, y.mention.source) >= SETTINGS.match.sameStory;
  const same = (x: DatedAct, y: DatedAct): boolean => near(x, y) && [...x.about].some((t) => y.about.has(t));
  return factClaims(completeGroups(acts, same, near, (a) => a.day).map((g) => g.map((a) => ({ mention: a.mention, value: a.value }))), clusters, joins);
}
