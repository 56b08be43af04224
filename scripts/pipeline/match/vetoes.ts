/**
 * Vetoes: why two mentions that share words are still not one claim. Each veto has a name and
 * returns its reason, or null; the matcher never links a vetoed pair, and never merges two groups
 * across one. Similarity alone cannot tell these cases apart: opposite or different verbs, one
 * figure of two different quantities and different actors score as high as true paraphrases.
 */
import { SETTINGS } from '../settings.ts';
import { isPersonSpeaker, samePerson } from '../people.ts';
import { oppositeEvents, sameEvent, sameVerb } from '../lang/en/verbs.ts';
import { fold, stem } from '../text.ts';
import { verbKind } from '../lang/en/wordnet.ts';
import { compatible, countsPeople, isEventDay, isPeopleCount, sameQuantity } from '../values.ts';
import type { TellsDay } from './days.ts';
import type { Mention, Value } from '../types.ts';

/** What a veto may look at besides the two mentions. */
export interface VetoContext {
  /** How similar the two mentions are (0..1): near-identical wordings override some vetoes. */
  sim: number;
  /** True for a word the corpus also writes in lower case: not a name, even when capitalised. */
  common(word: string): boolean;
  /** Whether a source gives a day anywhere in it (see daysTold). */
  tells: TellsDay;
}

/** One reason two mentions may not be one claim. */
export interface Veto {
  name: string;
  reason(a: Mention, b: Mention, context: VetoContext): string | null;
}

/**
 * Quotes put in different people's mouths are different claims, unless the words are
 * near-identical (then compare shows the actor conflict). A document ("the report") is no
 * person's mouth: a person may be quoting it, or have written it.
 */
const speakers: Veto = {
  name: 'speakers',
  reason(a, b, { sim }) {
    if (!isPersonSpeaker(a.speaker) || !isPersonSpeaker(b.speaker) || (a.kind !== 'quote' && b.kind !== 'quote')) return null;
    if (samePerson(a.speaker, b.speaker) || sim >= SETTINGS.match.differentSpeakers) return null;
    return `quoted from ${a.speaker} and from ${b.speaker}`;
  },
};

/** The same quantity with values that cannot both be right: one claim only when the mentions are otherwise alike (then it is disputed). */
const values: Veto = {
  name: 'values',
  reason(a, b, { sim, tells }) {
    for (const va of a.values) {
      for (const vb of b.values) {
        // A source that gives both days tells of two events, whatever the other says of one of them.
        // Only for mentions that each give one day: a sentence with several tells of several acts.
        if (isEventDay(va) && isEventDay(vb) && onlyDay(a) && onlyDay(b) && sameQuantity(va, vb) && !compatible(va, vb) && (tells(a.source, vb) || tells(b.source, va))) {
          return `${va.raw} and ${vb.raw}: two days of a story, one source gives both`;
        }
        // "12 killed" and "12 injured": one count of people, two different things that happened to them, however alike the words.
        if (va.field === 'figure' && vb.field === 'figure' && va.event && vb.event && !sameQuantity(va, vb) && va.min === vb.min && va.max === vb.max && va.unit === vb.unit && countsPeople(va.unit ?? '')) {
          return `${va.raw} ${va.event} against ${vb.raw} ${vb.event}`;
        }
        // A story runs over several days: two days are one claim's dispute only when the rest is much the same.
        const bar = va.field === 'weekday' || va.field === 'date' ? SETTINGS.match.differentDays : SETTINGS.match.differentValues;
        if (sim < bar && sameQuantity(va, vb) && !compatible(va, vb) && !b.values.some((x) => sameQuantity(va, x) && compatible(va, x))) return `${va.raw} against ${vb.raw}`;
      }
    }
    return null;
  },
};

/** True when a mention gives one day for what happened, no more. */
function onlyDay(m: Mention): boolean {
  return m.values.filter(isEventDay).length === 1;
}

/**
 * What happens must be the same: when both mentions have content verbs, a verb of one must be
 * said by the other (as a verb, a synonym, or a word of the same stem: "to inspect" and "an
 * inspection regime"), and two verbs that say the same must agree on whether it happened.
 */
const predicates: Veto = {
  name: 'predicates',
  reason(a, b, { sim }) {
    if (a.did.length === 0 || b.did.length === 0) return null;
    // One counted figure both give ("35 countries", "more than 30 nations") is what they both state.
    if (a.values.some((va) => (va.field === 'figure' || va.field === 'percent') && b.values.some((vb) => sameQuantity(va, vb) && compatible(va, vb)))) return null;
    let same = false;
    let opposite: string | null = null;
    // A verb a mention both affirms and denies ("it did not close, then it closed") takes no side.
    const both = (m: Mention, verb: string): boolean => m.did.includes(verb) && m.did.includes(`!${verb}`);
    for (const p of a.did) {
      for (const q of b.did) {
        const [x, y] = [p.replace(/^!/, ''), q.replace(/^!/, '')];
        if (oppositeEvents(x, y) && p.startsWith('!') === q.startsWith('!')) opposite ??= `${x} against ${y}`;
        if (!sameEvent(x, y)) continue;
        if (p.startsWith('!') === q.startsWith('!') || both(a, x) || both(b, y) || !sameVerb(x, y)) same = true;
        else opposite ??= `${p.startsWith('!') ? 'not ' : ''}${p.replace(/^!/, '')} against ${q.startsWith('!') ? 'not ' : ''}${q.replace(/^!/, '')}`;
      }
    }
    if (opposite) return opposite;
    if (same) return null;
    // "attended the talks" and "attended the summit": one stative verb both say is one predicate.
    if ((a.held ?? []).some((v) => (b.held ?? []).includes(v))) return null;
    const says = (m: Mention, verbs: readonly string[]): boolean => verbs.some((v) => m.terms.includes(stem(v.replace(/^!/, ''))));
    if (says(b, a.did) || says(a, b.did) || sim >= SETTINGS.match.differentPredicates) return null;
    return `${a.did.join('/')} against ${b.did.join('/')}`;
  },
};

/** The words of a mention's named entities, less its speaker's (who says it is not who it is about) and common words. */
function named(m: Mention, common: VetoContext['common']): string[][] {
  // A body that speaks ("the Free Syrian Army said its attacks …") is mostly what its words are about too: only a person's name is left out.
  const speaker = new Set((isPersonSpeaker(m.speaker) ? m.speaker : '').split(/\s+/).map((w) => fold(w)));
  const isSpeaker = (e: string | undefined): boolean => e !== undefined && e.split(' ').some((w) => speaker.has(w));
  return m.who
    // A possessive ("the city's mayor") qualifies the subject; a place just before the speaker is their title ("Danish Prime Minister Holm").
    .filter((e, i) => !isSpeaker(e) && !(isSpeaker(m.who[i + 1]) && !e.includes(' ')))
    .map((e) => e.split(' '))
    .map((e) => e.filter((w) => !common(w)))
    .filter((e) => e.length > 0);
}

/**
 * Who it is about must be the same: when each mention's subject (the first entity it names, not
 * counting its speaker) is named nowhere in the other, they are about different actors ("the navy
 * would patrol" and "the coastguard would patrol").
 */
const actors: Veto = {
  name: 'actors',
  reason(a, b, { sim, common }) {
    if (sim >= SETTINGS.match.differentActors) return null;
    const ea = named(a, common);
    const eb = named(b, common);
    const sa = ea.find((e) => !e[0]?.startsWith("'"));
    const sb = eb.find((e) => !e[0]?.startsWith("'"));
    if (!sa || !sb) return null;
    const wa = new Set(ea.flat().map((w) => w.replace(/^'/, '')));
    const wb = new Set(eb.flat().map((w) => w.replace(/^'/, '')));
    if (sa.some((w) => wb.has(w.replace(/^'/, ''))) || sb.some((w) => wa.has(w.replace(/^'/, '')))) return null;
    return `${sa.join(' ')} against ${sb.join(' ')}`;
  },
};

/** A count of people that something happened to ("at least 15 civilians were killed"), not of who there is ("including 27 leaders"). */
const isToll = (v: Value): boolean => isPeopleCount(v) && verbKind(v.event ?? '') === 'event';

/**
 * A count of people with a fate is what a mention that gives it states: one that gives no count of
 * them ("the shelling intensified") does not corroborate it, however much of the scene it shares,
 * unless the two are worded much alike.
 */
const tolls: Veto = {
  name: 'tolls',
  reason(a, b, { sim }) {
    if (sim >= SETTINGS.match.uncountedToll) return null;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const toll = x.values.find((v) => isToll(v) && !y.values.some((w) => sameQuantity(v, w)));
      if (toll && !y.values.some(isToll)) return `${toll.raw} (${toll.event}) against no count of them`;
    }
    return null;
  },
};

/** The vetoes, in the order they are tried. */
export const VETOES: readonly Veto[] = [speakers, values, predicates, actors, tolls];

/** The first veto against linking two mentions, as `name: reason`, or null. */
export function veto(a: Mention, b: Mention, context: VetoContext, only: readonly Veto[] = VETOES): string | null {
  for (const v of only) {
    const why = v.reason(a, b, context);
    if (why !== null) return `${v.name}: ${why}`;
  }
  return null;
}

