/**
 * Dated acts inside longer sentences. "Bentley's attorneys tried to stop the release, but the
 * committee released it Friday afternoon" and "The report, released on Friday, details …" are
 * different claims as wholes, yet both tell when the report came out. Each weekday or date a
 * sentence gives for what happened (not the day someone spoke) is tied to the act nearest it: a
 * content verb, or a noun that names an act ("a surprise attack on Sunday"). Two sources that put
 * the same act, about the same thing, on the same day corroborate that dated fact, and it becomes
 * a claim of its own, its sentences backing it as a second claim.
 */
import { tag, type Token } from '../lang/en/grammar.ts';
import { LIGHT_VERBS } from '../lang/en/lexicon.ts';
import { isKindOf, synsets, verbKind, verbOfNoun } from '../lang/en/wordnet.ts';
import { isContentVerb } from '../extract/structure.ts';
import { SETTINGS } from '../settings.ts';
import { stem } from '../text.ts';
import { sameEvent } from './vetoes.ts';
import { completeGroups, factClaims } from './facts.ts';
import type { StorySimilarity } from './stories.ts';
import type { Cluster, Mention } from '../types.ts';

/** One act a sentence dates: what happened (a verb lemma), on which day (a value's `norm`), about what (its other single stems). */
export interface DatedAct {
  mention: Mention;
  act: string;
  day: string;
  about: ReadonlySet<string>;
}

/** The acts each statement dates, in mention order. */
export function datedActs(mentions: readonly Mention[]): DatedAct[] {
  const out: DatedAct[] = [];
  for (const m of mentions) {
    if (m.kind !== 'statement') continue;
    const days = m.values.filter((v) => (v.field === 'weekday' || v.field === 'date') && v.spoken !== true);
    if (days.length === 0) continue;
    const tokens = tag(m.sentence.text);
    for (const v of days) {
      const first = v.raw.split(/\s+/)[0] ?? v.raw;
      const at = tokens.findIndex((t) => t.text === first);
      const act = at < 0 ? null : nearestAct(tokens, at);
      if (!act) continue;
      const own = new Set([stem(act), ...v.raw.toLowerCase().split(/\s+/).map((w) => stem(w))]);
      const about = new Set(m.terms.filter((t) => !t.includes('_') && !t.startsWith('#') && !own.has(t)));
      out.push({ mention: m, act, day: v.norm, about });
    }
  }
  return out;
}

/** The act nearest a day's token, within its clause: a content verb's lemma or the verb a noun of an act names. */
function nearestAct(tokens: readonly Token[], at: number): string | null {
  const actAt = (i: number): string | null => {
    const t = tokens[i];
    if (!t) return null;
    if (isContentVerb(tokens, i)) return t.lemma;
    // Only a noun whose first sense is an event ("attack", "explosion", "ruling"): "government"
    // and "evening" have verbs of their own, and name no act.
    // "An attack", "the vote": the noun of an act may be its verb's own word.
    const noun = t.pos === 'NOUN' && isKindOf(t.lemma, 'event') ? (verbOfNoun(t.text) ?? (synsets(t.lemma, 'verb').length > 0 ? t.lemma : null)) : null;
    return noun && !LIGHT_VERBS.has(noun) && verbKind(noun) === 'event' ? noun : null;
  };
  const stops = (i: number): boolean => {
    const t = tokens[i];
    return !t || t.text === ';' || t.text === '—' || t.text === '–' || t.pos === 'SCONJ';
  };
  // "Sunday's surprise attack": a day in the possessive dates the noun after it.
  const possessive = /^[’']s?$/.test(tokens[at + 1]?.text ?? '') || /[’']s$/.test(tokens[at]?.text ?? '');
  const reach = SETTINGS.match.dayActDistance;
  const order: number[] = [];
  // Nearest first, before the day at a tie ("released on Friday", "an attack on Sunday"); after
  // it, wholly, for a possessive.
  if (possessive) for (let d = 1; d <= reach; d++) order.push(at + d);
  for (let d = 1; d <= reach; d++) order.push(...(possessive ? [at - d] : [at - d, at + d]));
  for (const i of order) {
    if (i < 0 || i >= tokens.length) continue;
    const [from, to] = i < at ? [i + 1, at] : [at + 1, i];
    let blocked = false;
    for (let k = from; k < to; k++) if (stops(k)) blocked = true;
    if (blocked) continue;
    const act = actAt(i);
    if (act) return act;
  }
  return null;
}

/**
 * Claims for dated acts that two or more sources tell (see facts.ts): every two of a group's acts
 * are one act (`sameEvent`) on one day, about something in common, from sources about one story.
 */
export function datedClaims(mentions: readonly Mention[], clusters: Cluster[], story: StorySimilarity): Cluster[] {
  const acts = datedActs(mentions);
  const same = (x: DatedAct, y: DatedAct): boolean =>
    x.mention.source !== y.mention.source &&
    x.day === y.day &&
    sameEvent(x.act, y.act) &&
    [...x.about].some((t) => y.about.has(t)) &&
    story(x.mention.source, y.mention.source) >= SETTINGS.match.sameStory;
  return factClaims(completeGroups(acts, same).map((g) => g.map((a) => a.mention)), clusters);
}
