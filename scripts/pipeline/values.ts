/**
 * Finds figures, percentages, dates and weekdays in a sentence and normalises them into intervals,
 * so that "more than 30" and "35" agree while "Monday" and "Tuesday" do not.
 */
import { isStopword, stem } from './text.ts';
import { tag, type Token } from './lang/en/grammar.ts';
import { isAct, isContentVerb } from './extract/structure.ts';
import { isKindOf, nounOf, synonymous, synsets, verbOf, verbOfNoun } from './lang/en/wordnet.ts';
import { SETTINGS } from './settings.ts';
import { CURRENCY_SIGNS, IRREGULAR_PLURALS, measureOf } from './lang/en/units.ts';
import { SPEECH_VERBS } from './lang/en/lexicon.ts';
import type { Value } from './types.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBR = /^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/i;

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const QUALIFIER = String.raw`(?:(more than|over|at least|upwards of|nearly|almost|about|around|roughly|approximately|some|up to|fewer than|less than|under|just over|just under|as many as)\s+)?`;
// Words are whole words, the longer first: "hundreds of thousands" is not "hundred" and "s".
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:several|a few|tens of|hundreds of|thousands of|dozens of|hundreds|thousands|millions|dozens|a dozen|${Object.keys(SMALL).join('|')})(?!\p{L}))`;
// "2 million", "hundreds of thousands of people": a scale, plural and followed by "of" after a vague number.
const SCALE_WORD = String.raw`(?:\s*(hundred|thousand|million|billion|trillion|bn|m|k)(?:s\s+of)?\b)?`;
const FIGURE = new RegExp(String.raw`\b${QUALIFIER}${NUMBER}${SCALE_WORD}(\s*(?:%|percent\b|per cent\b))?["'”’»]?(?:(\s+|-|(?<=\d)(?=\p{L}))(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?))?`, 'giu');

/** Every value a sentence states. */
export function findValues(text: string): Value[] {
  const values: Value[] = [];
  for (const day of WEEKDAYS) {
    const at = new RegExp(String.raw`\b${day}\b`).exec(text);
    if (at) values.push({ field: 'weekday', raw: day, norm: day, ...dayOf(text, at.index) });
  }
  const dates: Array<[number, number]> = [];
  for (const m of text.matchAll(/\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*(\d{4}))?\b|\b(\d{1,2})\s+([A-Z][a-z]{2,8})(?:\s+(\d{4}))?\b/g)) {
    const monthWord = (m[1] ?? m[5] ?? '').toLowerCase().replace(/\.$/, '');
    const month = MONTHS.indexOf(monthWord) + 1 || (MONTH_ABBR.test(monthWord) ? MONTHS.findIndex((x) => x.startsWith(monthWord.slice(0, 3))) + 1 : 0);
    if (month === 0) continue;
    const day = Number(m[2] ?? m[4]);
    const year = m[3] ?? m[6];
    const norm = `${year ?? 'xxxx'}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    values.push({ field: 'date', raw: m[0], norm, ...dayOf(text, m.index) });
    dates.push([m.index, m.index + m[0].length]);
  }
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m !== null; m = FIGURE.exec(text)) {
    const [raw, qualifier, number = '', scaleWord, percent, separator, written0] = m;
    // "50mm": a unit written against the number is only ever a unit of measurement ("5th" is not).
    const unitWord = separator === '' && written0 !== undefined && !isKindOf(lemmaOf(written0.split(/\s+/)[0] ?? ''), 'unit_of_measurement', 3) ? undefined : written0;
    const at = m.index ?? 0;
    if (dates.some(([s, e]) => at < e && at + raw.length > s)) continue; // the day of a date
    // A year is no figure, and what follows it may be one: "a storm in 1998 killed at least 12 people".
    if (/^\d{4}$/.test(number) && !percent && Number(number) >= 1800 && Number(number) <= 2100) {
      FIGURE.lastIndex = (m.index ?? 0) + raw.indexOf(number) + number.length;
      continue;
    }
    if (/^(one|two)$/i.test(number) && !unitWord) continue;
    let range = interval(number.toLowerCase(), scaleWord?.toLowerCase(), qualifier?.toLowerCase());
    if (!range) continue;
    const sign = CURRENCY_SIGNS[text[at - 1] ?? ''] ?? CURRENCY_SIGNS[text.slice(Math.max(0, at - 2), at).trim()];
    // "6,400 meters (21,000 feet)", "$10,000 (Dh36,700)": a figure in brackets right after another restates it.
    if (text.slice(0, at - (sign ? 1 : 0)).trimEnd().endsWith('(') && values.some((v) => v.field === 'figure')) continue;
    if (percent) {
      values.push({ field: 'percent', raw: raw.slice(0, raw.search(/%|percent|per cent/) + 1).replace(/[pP]$/, 'percent').trim(), norm: `${describe(qualifier, number, scaleWord)}%`, min: range[0], max: range[1] });
      continue;
    }
    // The counted noun ("35 countries"): figures are only compared when they count the same thing.
    // "130 injured": what follows is what happened to the counted, who are not named.
    const participle = unitWord ? participleAt(text, at + raw.length - unitWord.length) : undefined;
    // "a 130-page report": a hyphen joins the number to the one word it counts.
    const hyphened = unitWord !== undefined && text[at + raw.length - unitWord.length - 1] === '-';
    const counted = unitWord && !participle ? countedNoun(hyphened ? (unitWord.split(/\s+/)[0] ?? '') : unitWord) : '';
    // "410 million euro budget", "6,400 meters": a unit of measurement is what the figure is in, whatever follows.
    const measureWord = counted.split(/\s+/).map((w) => lemmaOf(w)).find((w) => isKindOf(w, 'unit_of_measurement', 3));
    let unit = sign ?? measureWord ?? (counted ? unitKey(counted) : '');
    // "…, wounding 15.": a bare number that a verb of what happened takes counts people it happened to.
    const taken = !unit && !participle && unitWord === undefined && !hyphened ? eventOf(text, at, at + raw.length) : undefined;
    if (!unit && !participle && !taken) continue;
    const measure = measureOf(unit);
    if (measure) {
      const scale = (x: number): number => x * measure.factor + (measure.offset ?? 0);
      range = [scale(range[0]), scale(range[1])];
      unit = measure.dimension;
    }
    // "a 410-page audit" is written "410-page", not "410- page".
    const written = `${raw.slice(0, raw.lastIndexOf(unitWord ?? '')).trimEnd()}${hyphened ? '' : ' '}${counted || (unitWord ?? '').split(/\s+/)[0]}`.replace(/[«»“”"]/g, '');
    // What happened is read after what is counted ("12 people killed in the blast"), not after the words the match took.
    const countedEnd = unitWord !== undefined && counted !== '' ? at + raw.length - unitWord.length + counted.length : at + raw.length;
    const event = participle ?? taken ?? eventOf(text, at, countedEnd);
    const rawText = (sign ? `${text[at - 1] === ' ' ? text.slice(at - 2, at - 1) : text[at - 1]}${written}` : written).trim();
    values.push({ field: 'figure', raw: rawText, norm: describe(qualifier, number, scaleWord), unit, ...(measure ? { measured: true } : {}), ...(event ? { event } : {}), min: range[0], max: range[1] });
  }
  return values;
}

/** A weekday or date of what happened, not of when someone spoke. */
export function isEventDay(v: Value): boolean {
  return (v.field === 'weekday' || v.field === 'date') && v.spoken !== true;
}

/** What a day at `start` is the day of: when someone spoke, or the act it dates (none when neither is known). */
function dayOf(text: string, start: number): { spoken?: true; act?: string } {
  if (spokenOn(text, start)) return { spoken: true };
  const act = dayAct(text, start);
  return act === undefined ? {} : { act };
}

/**
 * True when the day at `start` is when someone spoke ("Varga said Wednesday that…", "told
 * reporters on Monday"): the verb nearest to it is a verb of saying, not what happened.
 */
function spokenOn(text: string, start: number): boolean {
  const tokens = tag(text);
  const at = tokens.findIndex((t) => t.start >= start);
  if (at < 0) return false;
  let best: { distance: number; speech: boolean; after: boolean } | null = null;
  tokens.forEach((t, i) => {
    if (t.pos !== 'VERB') return;
    const distance = Math.abs(i - at) + (i > at ? 0.5 : 0);
    const speech = SPEECH_VERBS.test(t.text);
    if (!best || distance < best.distance) best = { distance, speech, after: i > at };
  });
  const nearest = best as { speech: boolean; after: boolean } | null;
  if (nearest?.speech !== true) return false;
  // "The audit released by the council on Friday says …": an act just before the day, in its
  // clause, is what the day dates; the report speaks in the present.
  if (nearest.after) {
    for (let i = at - 1; i >= Math.max(0, at - SETTINGS.extract.dayActDistance); i--) {
      const t = tokens[i];
      if (!t || t.pos === 'PUNCT' || t.pos === 'SCONJ' || SPEECH_VERBS.test(t.text)) break;
      if (isContentVerb(tokens, i)) return false;
    }
  }
  return true;
}

/**
 * The act a day or date at `start` is the day of: the act nearest it within its clause, a content
 * verb's lemma or the verb a noun of an act names ("released on Friday", "a strike on Sunday",
 * "Sunday's dock strike"); undefined when none is near.
 */
function dayAct(text: string, start: number): string | undefined {
  const tokens = tag(text);
  const at = tokens.findIndex((t) => t.start >= start);
  if (at < 0) return undefined;
  const actAt = (i: number): string | null => {
    const t = tokens[i];
    if (!t) return null;
    if (isContentVerb(tokens, i)) return t.lemma;
    // Only a noun whose first sense is an event ("strike", "explosion", "ruling"): "government"
    // and "evening" have verbs of their own, and name no act.
    // "A strike", "the vote": the noun of an act may be its verb's own word.
    const noun = t.pos === 'NOUN' && isKindOf(t.lemma, 'event') ? (verbOfNoun(t.text) ?? (synsets(t.lemma, 'verb').length > 0 ? t.lemma : null)) : null;
    return noun && isAct(noun) ? noun : null;
  };
  const stops = (i: number): boolean => {
    const t = tokens[i];
    // A verb of saying ends a clause: what follows it is what was said.
    return !t || t.text === ';' || t.text === '—' || t.text === '–' || t.pos === 'SCONJ' || (t.pos === 'VERB' && SPEECH_VERBS.test(t.text));
  };
  // "Sunday's dock strike": a day in the possessive dates the noun after it.
  const possessive = /^[’']s?$/.test(tokens[at + 1]?.text ?? '') || /[’']s$/.test(tokens[at]?.text ?? '');
  const reach = SETTINGS.extract.dayActDistance;
  // The words before the day, nearest first, up to `limit` of them and no further than its clause or a comma.
  const before = (limit: number): number[] => {
    const out: number[] = [];
    for (let i = at - 1; !possessive && i >= Math.max(0, at - limit) && !stops(i) && tokens[i]?.text !== ','; i--) out.push(i);
    return out;
  };
  // "a surprise attack on Sunday": the noun of an act the day follows is what it dates.
  const noun = before(2).find((i) => tokens[i]?.pos === 'NOUN');
  const named = noun === undefined ? null : actAt(noun);
  if (named) return named;
  // "Rebels seized several government positions on the outskirts of the city on Tuesday": a day
  // after its verb, however far, dates that verb.
  const verb = before(SETTINGS.extract.dayVerbDistance).find((i) => isContentVerb(tokens, i));
  if (verb !== undefined) return tokens[verb]?.lemma;
  const order: number[] = [];
  // Nearest first, before the day at a tie ("released on Friday", "a strike on Sunday"); after
  // it, wholly, for a possessive.
  if (possessive) for (let d = 1; d <= reach; d++) order.push(at + d);
  for (let d = 1; d <= reach; d++) order.push(...(possessive ? [at - d] : [at - d, at + d]));
  for (const i of order) {
    if (i < 0 || i >= tokens.length) continue;
    const [from, to] = i < at ? [i + 1, at] : [at + 1, i];
    let blocked = false;
    for (let k = from; k < to; k++) if (stops(k)) blocked = true;
    // "released on Friday says the cranes …": a verb of saying after the day begins what was said.
    if (blocked || (i > at && stops(i))) continue;
    const act = actAt(i);
    if (act) return act;
  }
  return undefined;
}

/** The lemma of the verb that starts at `start`, when the tagger reads a verb there. */
function participleAt(text: string, start: number): string | undefined {
  const tokens = tag(text);
  const at = tokens.findIndex((x) => x.start === start);
  return at >= 0 && isContentVerb(tokens, at) ? tokens[at]?.lemma : undefined;
}

/**
 * What happened to what a figure counts: the content verb after it in its clause ("four people were
 * killed", "130 injured"), or the one right before it ("killed at least 17 people", "wounding 15").
 */
function eventOf(text: string, start: number, end: number): string | undefined {
  const tokens = tag(text);
  const first = tokens.findIndex((t) => t.start >= start);
  if (first < 0) return undefined;
  let i = first;
  while (i < tokens.length && (tokens[i]?.start ?? 0) < end) i++;
  for (let k = i; k < tokens.length && k < i + 6; k++) {
    const t = tokens[k] as Token;
    if (t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.pos === 'NUM') break;
    if (isContentVerb(tokens, k)) return t.lemma;
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') break;
  }
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    const t = tokens[k] as Token;
    if (isContentVerb(tokens, k)) return t.lemma;
    // A gerund the tagger read as a noun ("…, wounding 15").
    if (k === first - 1 && /(ing|ed)$/.test(t.text)) {
      const verb = verbOf(t.text);
      if (verb) return verb;
    }
    if (t.pos !== 'ADV' && t.pos !== 'ADP' && t.pos !== 'DET' && t.pos !== 'ADJ') break;
  }
  return undefined;
}

/** The words after a number up to the first function word: "armed guards to" → "armed guards". */
function countedNoun(phrase: string): string {
  const kept: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (isStopword(word)) break;
    kept.push(word);
  }
  // "35 countries attended", "30 nations sent": a verb after the noun is what they did, not what is counted.
  // "two years ago": nor is an adverb after it.
  while (kept.length > 1 && (/(ed|ing)$/.test(kept.at(-1) ?? '') || ['VERB', 'ADV'].includes(tag(kept.join(' ')).at(-1)?.pos ?? ''))) kept.pop();
  return kept.join(' ');
}

/** A noun's singular, as WordNet lists it ("feet" → "foot"), or `otherwise` the word (in lower case). */
function lemmaOf(word: string, otherwise: (word: string) => string = (w) => w): string {
  const w = word.toLowerCase();
  return IRREGULAR_PLURALS[w] ?? nounOf(w) ?? otherwise(w);
}

/** The noun a figure counts, as WordNet's lemma ("countries" → "country"); durations are not counts. */
function unitKey(phrase: string): string {
  const head = (phrase.split(/\s+/).at(-1) ?? phrase).split('-')[0] ?? phrase;
  const lemma = lemmaOf(head, () => stem(head));
  if (/^(year|month|week|day|hour|minute|second|time|percent)$/.test(lemma)) return '';
  return lemma;
}

function describe(qualifier: string | undefined, number: string, scaleWord: string | undefined): string {
  return [qualifier, number, scaleWord].filter(Boolean).join(' ');
}

/** The interval of quantities a phrase allows; open-ended words get generous bounds. */
function interval(number: string, scaleWord: string | undefined, qualifier: string | undefined): [number, number] | null {
  const scale = scaleWord ? (SCALE[scaleWord] ?? (scaleWord === 'bn' ? 1e9 : scaleWord === 'm' ? 1e6 : scaleWord === 'k' ? 1e3 : 1)) : 1;
  let lo: number;
  let hi: number;
  const vague: Record<string, [number, number]> = {
    several: [3, 9], 'a few': [2, 5], 'tens of': [20, 99], dozens: [24, 199], 'dozens of': [24, 199], 'a dozen': [10, 14],
    hundreds: [200, 999], 'hundreds of': [200, 999], thousands: [2000, 99999], 'thousands of': [2000, 99999],
    millions: [2e6, 999e6],
  };
  const v = vague[number];
  if (v) {
    [lo, hi] = [v[0] * (scale === 1 ? 1 : scale), v[1] * (scale === 1 ? 1 : scale)];
    if (scale !== 1 && (number === 'several' || number === 'a few')) [lo, hi] = [v[0] * scale, (v[1] + 1) * scale - 1];
  } else {
    const n = SMALL[number] ?? Number(number.replace(/,/g, ''));
    if (!Number.isFinite(n)) return null;
    lo = hi = n * scale;
  }
  switch (qualifier) {
    case 'more than': case 'over': case 'upwards of': case 'just over': return [lo + (lo === hi ? 1e-9 : 0), Number.POSITIVE_INFINITY];
    case 'at least': return [lo, Number.POSITIVE_INFINITY];
    case 'nearly': case 'almost': case 'just under': return [lo * 0.85, hi];
    case 'about': case 'around': case 'roughly': case 'approximately': case 'some': return [lo * 0.85, hi * 1.15];
    case 'up to': case 'as many as': return [0, hi];
    case 'fewer than': case 'less than': case 'under': return [0, hi - (lo === hi ? 1e-9 : 0)];
    default: return [lo, hi];
  }
}

/** How far apart two measures in different units may be and still agree (rounding of a conversion). */
const MEASURE_TOLERANCE = 0.03;

/** Nouns that count people without saying who they are: "12 people were wounded" and "15 wounded" count the same. */
const ANYONE = new Set(['', 'people', 'person']);

/**
 * True for a measurement that says where ("the camp at 6,400 metres"): a place many claims name,
 * not a figure of what happened ("lowered by four metres", "bags of 80 kg").
 */
export function saysWhere(sentence: string, v: Value): boolean {
  if (v.measured !== true) return false;
  const at = sentence.indexOf(v.raw.split(/\s+/)[0] ?? v.raw);
  return at > 0 && /\bat\s+$/i.test(sentence.slice(Math.max(0, at - 4), at));
}

/**
 * True when two values measure one thing and so can disagree: the same field and, for figures,
 * the same thing counted (WordNet synonyms: "nations" and "countries") and the same thing happening
 * to it ("wounded" and "injured", never "killed" and "injured").
 */
export function sameQuantity(a: Value, b: Value): boolean {
  if (a.field !== b.field) return false;
  // The days people spoke on are not facts of the event: two reports may quote them on different days.
  if (a.spoken === true || b.spoken === true) return false;
  if (a.field !== 'figure') return true;
  // A length is a length, whatever it is said to be the length of.
  if (a.measured === true || b.measured === true) return a.unit === b.unit;
  const ua = a.unit ?? '';
  const ub = b.unit ?? '';
  // What happened to people counted is part of the count ("four killed" is not "four injured"); for
  // things counted the verb is the telling ("30 nations attended", "the league counts 35 countries").
  if (a.event !== undefined && b.event !== undefined && (countsPeople(ua) || countsPeople(ub)) && !synonymous(a.event, b.event, 'verb')) return false;
  if (ua === ub) return true;
  if (ANYONE.has(ua) && ANYONE.has(ub)) return a.event !== undefined && b.event !== undefined;
  return ua !== '' && ub !== '' && synonymous(ua, ub, 'noun');
}

/** True when a figure's unit counts people ("people", "residents", "civilians", or no noun: "130 injured"). */
export function countsPeople(unit: string): boolean {
  return ANYONE.has(unit) || isKindOf(unit, 'person', 1, { instances: false });
}

/** True for a count of people and what happened to them ("four people were killed", "wounding 15"). */
export function isPeopleCount(v: Value): boolean {
  return v.field === 'figure' && v.event !== undefined && v.measured !== true && countsPeople(v.unit ?? '');
}

/** True when two values can both be right: they measure different things, or their intervals meet. */
export function compatible(a: Value, b: Value): boolean {
  if (!sameQuantity(a, b)) return true;
  if (a.min !== undefined && b.min !== undefined && a.max !== undefined && b.max !== undefined) {
    // Converted measures are rounded by whoever converted them: "6,400 metres (21,000 feet)".
    const slack = a.measured === true || b.measured === true ? MEASURE_TOLERANCE : 0;
    return a.min * (1 - slack) <= b.max * (1 + slack) && b.min * (1 - slack) <= a.max * (1 + slack);
  }
  if (a.field === 'date') {
    const [ya, ma, da] = a.norm.split('-');
    const [yb, mb, db] = b.norm.split('-');
    return (ya === 'xxxx' || yb === 'xxxx' || ya === yb) && ma === mb && da === db;
  }
  return a.norm === b.norm;
}

