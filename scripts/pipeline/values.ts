/**
 * Finds figures, percentages, dates and weekdays in a sentence and normalises them into intervals,
 * so that "more than 30" and "35" agree while "Monday" and "Tuesday" do not.
 */
import { isStopword, stem } from './text.ts';
import { SYNONYMS } from './lang/en/lexicon.ts';
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
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(SMALL).join('|')}|several|a few|tens of|hundreds of|thousands of|dozens of|hundreds|thousands|millions|dozens|a dozen)`;
const SCALE_WORD = String.raw`(?:\s*(hundred|thousand|million|billion|trillion|bn|m|k)\b)?`;
const FIGURE = new RegExp(String.raw`\b${QUALIFIER}${NUMBER}${SCALE_WORD}(\s*(?:%|percent\b|per cent\b))?["'”’»]?(?:\s+(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*)?))?`, 'giu');

/** Every value a sentence states. */
export function findValues(text: string): Value[] {
  const values: Value[] = [];
  for (const day of WEEKDAYS) {
    if (new RegExp(String.raw`\b${day}\b`).test(text)) values.push({ field: 'weekday', raw: day, norm: day });
  }
  const dates: Array<[number, number]> = [];
  for (const m of text.matchAll(/\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*(\d{4}))?\b|\b(\d{1,2})\s+([A-Z][a-z]{2,8})(?:\s+(\d{4}))?\b/g)) {
    const monthWord = (m[1] ?? m[5] ?? '').toLowerCase().replace(/\.$/, '');
    const month = MONTHS.indexOf(monthWord) + 1 || (MONTH_ABBR.test(monthWord) ? MONTHS.findIndex((x) => x.startsWith(monthWord.slice(0, 3))) + 1 : 0);
    if (month === 0) continue;
    const day = Number(m[2] ?? m[4]);
    const year = m[3] ?? m[6];
    const norm = `${year ?? 'xxxx'}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    values.push({ field: 'date', raw: m[0], norm });
    dates.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(FIGURE)) {
    const [raw, qualifier, number = '', scaleWord, percent, unitWord] = m;
    const at = m.index ?? 0;
    if (dates.some(([s, e]) => at < e && at + raw.length > s)) continue; // the day of a date
    if (/^\d{4}$/.test(number) && !percent && Number(number) >= 1800 && Number(number) <= 2100) continue; // a year
    if (/^(one|two)$/i.test(number) && !unitWord) continue;
    const range = interval(number.toLowerCase(), scaleWord?.toLowerCase(), qualifier?.toLowerCase());
    if (!range) continue;
    if (percent) {
      values.push({ field: 'percent', raw: raw.slice(0, raw.search(/%|percent|per cent/) + 1).replace(/[pP]$/, 'percent').trim(), norm: `${describe(qualifier, number, scaleWord)}%`, min: range[0], max: range[1] });
      continue;
    }
    // The counted noun ("35 countries"): figures are only compared when they count the same thing.
    const counted = unitWord ? countedNoun(unitWord) : '';
    const unit = counted ? unitKey(counted) : '';
    if (!unit) continue;
    const written = `${raw.slice(0, raw.lastIndexOf(unitWord ?? '')).trimEnd()} ${counted}`.replace(/[«»“”"]/g, '');
    values.push({ field: 'figure', raw: written, norm: describe(qualifier, number, scaleWord), unit, min: range[0], max: range[1] });
  }
  return values;
}

/** The words after a number up to the first function word: "French troops to" → "French troops". */
function countedNoun(phrase: string): string {
  const kept: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (isStopword(word)) break;
    kept.push(word);
  }
  // "35 countries attended": a participle after the noun is the verb, not what is counted.
  while (kept.length > 1 && /(ed|ing)$/.test(kept.at(-1) ?? '')) kept.pop();
  return kept.join(' ');
}

/** The noun a figure counts, folded for comparison ("nations" and "countries" are one unit). */
function unitKey(phrase: string): string {
  const head = phrase.split(/\s+/).at(-1) ?? phrase;
  const s = stem(head.split('-')[0] ?? head);
  if (/^(year|month|week|day|hour|minut|time|percent)/.test(s)) return '';
  return SYNONYMS.get(s) ?? s;
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

/** True when two values of one field and unit can both be right. */
export function compatible(a: Value, b: Value): boolean {
  if (dimension(a) !== dimension(b)) return true;
  if (a.min !== undefined && b.min !== undefined && a.max !== undefined && b.max !== undefined) {
    return a.min <= b.max && b.min <= a.max;
  }
  if (a.field === 'date') {
    const [ya, ma, da] = a.norm.split('-');
    const [yb, mb, db] = b.norm.split('-');
    return (ya === 'xxxx' || yb === 'xxxx' || ya === yb) && ma === mb && da === db;
  }
  return a.norm === b.norm;
}

/** What a value is compared on: its field, and for figures the thing counted. */
export function dimension(value: Value): string {
  return value.field === 'figure' ? `figure:${value.unit ?? ''}` : value.field;
}
