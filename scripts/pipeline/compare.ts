/**
 * Compares what the sources of one claim say: its status (corroborated by 2+ sources, resting on a
 * single source, or disputed), the conflicts on figures, dates, weekdays and speakers with each
 * source's value, and a word-level diff between differently worded versions of a quote.
 */
import { diffWordsWithSpace } from 'diff';
import type { Appearance, Conflict, Selector, Variant } from '../../src/schema.ts';
import { firstNamesDiffer, isPersonSpeaker, personKey, samePerson } from './people.ts';
import { findQuotes } from './quotes.ts';
import { compatible, isEventDay, sameQuantity } from './values.ts';
import { independentCount, sharedCopy } from './compare/copies.ts';
import { claimTitle } from './compare/title.ts';
import { stem } from './text.ts';
import type { Cluster, DraftClaim, Mention, SegmentedArticle, Value } from './types.ts';

/** Code points of context kept on each side of a TextQuoteSelector's `exact`. */
const SELECTOR_CONTEXT = 32;

/** Turns matched clusters into draft claims (ids and pillars come later). */
export function compare(clusters: readonly Cluster[], articles: ReadonlyMap<string, SegmentedArticle>): DraftClaim[] {
  const spellings = nameSources(clusters);
  const copies = copiesOf(articles);
  // A sentence that backs one fact of a claim is no one's words of it: its speaker is not compared.
  const found = clusters.map((cluster) => [
    ...valueConflicts(cluster.mentions, cluster.compared),
    ...speakerConflicts(cluster.mentions.filter((m) => cluster.compared?.[m.key] === undefined), spellings),
  ]);
  const kept = reportOnce(found, clusters);
  return clusters.map((cluster, index) => {
    const rep = cluster.representative;
    const sources = [...new Set(cluster.mentions.map((m) => m.source))].sort();
    const independence = independentCount(sources, copies);
    const conflicts = kept[index] ?? [];
    const wordings = variants(cluster.mentions, rep);
    // A claim that links one person's differently worded quotes is about that person's words.
    const quoted = new Set(wordings.map((v) => v.speaker));
    const quotedSpeaker = quoted.size === 1 ? ([...quoted][0] ?? null) : null;
    return {
      id: '',
      text: claimTitle(rep),
      kind: rep.kind,
      speaker: rep.kind === 'quote' ? (rep.speaker ?? commonSpeaker(cluster.mentions)) : (rep.speaker ?? quotedSpeaker),
      autoPillar: null,
      // Outlets that run one wire story are one report: corroboration needs two independent ones.
      status: conflicts.length > 0 ? 'disputed' : independence.independent >= 2 ? 'corroborated' : 'single-source',
      sources,
      appearances: cluster.mentions.map((m) => appearance(m, articles.get(m.source)?.text ?? '')),
      conflicts,
      variants: wordings,
      independent: independence.independent,
      sharedCopy: independence.shared,
      fact: factOf(cluster),
    };
  });
}

/** The most words a fact's phrase spans ("attack on Sunday", "at least 15 civilians were killed"); past it, the value alone. */
const FACT_WORDS = 8;

/**
 * For a claim of one fact that longer sentences tell (facts.ts: every mention backs it with one
 * value), that fact in the words of the claim's sentence: from the act or fate to the value
 * ("attack on Sunday", "released Friday", "15 civilians were killed"), else the value as written.
 * Null for a claim its sentences state as wholes.
 */
function factOf(cluster: Cluster): string | null {
  const compared = cluster.compared ?? {};
  if (!cluster.mentions.every((m) => compared[m.key] !== undefined)) return null;
  const rep = cluster.representative;
  const value = compared[rep.key]?.[0] ?? cluster.mentions.flatMap((m) => compared[m.key] ?? [])[0];
  if (!value) return null;
  const text = rep.sentence.text;
  const at = text.indexOf(value.raw);
  const verb = value.act ?? value.event;
  if (at < 0 || verb === undefined) return value.raw;
  // The word of the act nearest the value, by its stem ("seiz" in "seized").
  const root = stem(verb);
  const after = at + value.raw.length;
  const gap = (w: { start: number; end: number }): number => (w.start < at ? at - w.end : w.start - after);
  let best: { start: number; end: number } | null = null;
  for (const w of text.matchAll(/[\p{L}\p{N}’'-]+/gu)) {
    const word = w[0].toLowerCase();
    if (!word.startsWith(root) && !stem(word).startsWith(root)) continue;
    const here = { start: w.index, end: w.index + w[0].length };
    if (!best || gap(here) < gap(best)) best = here;
  }
  if (!best) return value.raw;
  const [from, to] = [Math.min(best.start, at), Math.max(best.end, after)];
  const phrase = text.slice(from, to);
  // "On Sunday, fighters seized": a phrase across a comma is two of the sentence's parts.
  return phrase.split(/\s+/).length <= FACT_WORDS && !/[,;:]/.test(phrase) ? phrase : value.raw;
}

/**
 * One disagreement is reported once: when the sources and values of a conflict are all part of a
 * conflict of the same field on a claim with more sources, the smaller claim drops it (a compound
 * sentence that lends itself to a second claim brings its weekday along, but not the dispute).
 */
function reportOnce(found: readonly Conflict[][], clusters: readonly Cluster[]): Conflict[][] {
  const pairs = new Map<Conflict, Set<string>>(found.flat().map((c) => [c, new Set(c.values.map((v) => `${v.source}\u0000${v.value}`))]));
  const sources = clusters.map((c) => new Set(c.mentions.map((m) => m.source)).size);
  const weight = (i: number): number => sources[i] ?? 0;
  return found.map((conflicts, i) =>
    conflicts.filter((conflict) => {
      const mine = [...(pairs.get(conflict) ?? [])];
      return !found.some((others, j) => {
        if (j === i) return false;
        const better = weight(j) > weight(i) || (weight(j) === weight(i) && j < i);
        return better && others.some((o) => o.field === conflict.field && mine.every((p) => pairs.get(o)?.has(p)));
      });
    }),
  );
}

/** Where a mention sits in its source, as W3C Web Annotation selectors. */
export function appearance(m: Mention, text: string): Appearance {
  const start = m.quote?.start ?? m.sentence.start;
  const end = m.quote?.end ?? m.sentence.end;
  return {
    source: m.source,
    sentence: m.sentence.text,
    speaker: m.speaker,
    index: m.sentence.index,
    selector: selectorAt(text, start, end),
  };
}

/**
 * TextQuoteSelector and TextPositionSelector of `text.slice(start, end)` (string offsets). As the
 * W3C Web Annotation model says, `start`/`end` count code points (`[...text]`), not UTF-16 units,
 * and no part is cut inside a surrogate pair: the context is SELECTOR_CONTEXT whole code points.
 */
export function selectorAt(text: string, start: number, end: number): Selector {
  // A low surrogate after a high one continues the code point before it.
  const continues = (i: number): boolean => {
    const c = text.charCodeAt(i);
    const b = text.charCodeAt(i - 1);
    return c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff;
  };
  if (start > 0 && continues(start)) start--;
  if (end > start && end < text.length && continues(end)) end++;
  let from = start;
  for (let n = 0; n < SELECTOR_CONTEXT && from > 0; n++) from -= from > 1 && continues(from - 1) ? 2 : 1;
  let to = end;
  for (let n = 0; n < SELECTOR_CONTEXT && to < text.length; n++) to += continues(to + 1) ? 2 : 1;
  let points = 0;
  let atStart = 0;
  for (let i = 0; i < end; i++) {
    if (i === start) atStart = points;
    if (!continues(i)) points++;
  }
  if (start === end) atStart = points;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(from, start),
    suffix: text.slice(end, to),
    start: atStart,
    end: points,
  };
}

/**
 * Sources that give incompatible values of one quantity ("Tuesday" against "Monday", "12 people
 * wounded" against "15 wounded"). Values are grouped by `sameQuantity`, so figures that count
 * different things, or different things happening to them, are never compared.
 */
function valueConflicts(mentions: readonly Mention[], compared: Readonly<Record<string, readonly Value[]>> = {}): Conflict[] {
  // One group per quantity, in the order values are first met (mentions are in key order).
  const groups: Array<{ first: Value; bySource: Map<string, Value[]> }> = [];
  for (const m of mentions) {
    // A sentence that backs one fact of the claim is compared on that fact alone.
    for (const v of compared[m.key] ?? m.values) {
      let group = groups.find((g) => sameQuantity(g.first, v));
      if (!group) groups.push((group = { first: v, bySource: new Map() }));
      const list = group.bySource.get(m.source);
      if (list) list.push(v);
      else group.bySource.set(m.source, [v]);
    }
  }
  const conflicts: Conflict[] = [];
  for (const { first, bySource } of groups) {
    const entries = [...bySource]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([source, values]) => ({ source, values }))
      // A source that gives two days that cannot both be the claim's tells of several acts: which one
      // is the claim's cannot be told, so it takes no side in a dispute about the day.
      .filter((e) => !severalDays(e.values));
    if (entries.length < 2) continue;
    // Sources that give the same values agree with each other: compare each distinct set once.
    const distinct = [...new Map(entries.map((e) => [JSON.stringify(e.values), e.values])).values()];
    const clash = distinct.some((a, i) => distinct.slice(i + 1).some((b) => !a.some((va) => b.some((vb) => compatible(va, vb)))));
    if (!clash) continue;
    conflicts.push({
      field: first.field,
      values: entries.map((e) => ({ source: e.source, value: [...new Set(e.values.map((v) => v.raw))].join(', ') })),
    });
  }
  return conflicts;
}

/** True when `values` hold two event days that cannot both be right ("Monday" and "Friday"). */
function severalDays(values: readonly Value[]): boolean {
  const days = values.filter(isEventDay);
  return days.some((a, i) => days.slice(i + 1).some((b) => !compatible(a, b)));
}

const copyGroups = new WeakMap<ReadonlyMap<string, SegmentedArticle>, string[][]>();

/** Which sources share copy, found once per set of articles (folding maintainers' merges compares again). */
function copiesOf(articles: ReadonlyMap<string, SegmentedArticle>): string[][] {
  let groups = copyGroups.get(articles);
  if (!groups) copyGroups.set(articles, (groups = sharedCopy([...articles.values()])));
  return groups;
}

/** The sources that write each full name. */
function nameSources(clusters: readonly Cluster[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of clusters) for (const m of c.mentions) for (const n of m.named) (out.get(n) ?? out.set(n, new Set()).get(n))?.add(m.source);
  return out;
}

/** How a mention writes its speaker's name, when the sentence names them ("Teodor Lind"), else the speaker as known. */
function speakerAsWritten(m: Mention): string {
  const key = personKey(m.speaker ?? '');
  return m.named.filter((n) => personKey(n) === key).sort((x, y) => y.length - x.length)[0] ?? m.speaker ?? '';
}

/**
 * Sources that put the same words in different people's mouths, or that name the claim's speaker
 * two ways that cannot be one spelling ("Tomas Lind" against "Teodor Lind"). One person
 * written two ways by a slip ("Castell"/"Castel", "Van Dalen"/"VanDalen") is no conflict.
 */
function speakerConflicts(mentions: readonly Mention[], spellings: ReadonlyMap<string, ReadonlySet<string>>): Conflict[] {
  const attributed = mentions.filter((m) => m.speaker && (m.kind === 'quote' || m.named.length > 0));
  const bySource = new Map<string, string>();
  for (const m of attributed) if (!bySource.has(m.source)) bySource.set(m.source, speakerAsWritten(m));
  const names = [...new Set(bySource.values())];
  // A report or a statement that carries someone's words is where they are written, not a second speaker.
  const quotes = mentions.filter((m) => m.kind === 'quote' && isPersonSpeaker(m.speaker));
  const people = new Set(quotes.map((m) => personKey(m.speaker ?? '')));
  const differentPeople = people.size >= 2 && quotes.some((a) => quotes.some((b) => !samePerson(speakerAsWritten(a), speakerAsWritten(b))));
  // Two people who share a surname ("Anna" and "Erik Holm") are both named across sources,
  // often in one article; a misnaming is one source's spelling, never beside the other one.
  const misnamed = (a: string, b: string): boolean => {
    const sa = spellings.get(a) ?? new Set<string>();
    const sb = spellings.get(b) ?? new Set<string>();
    return (sa.size === 1 || sb.size === 1) && ![...sa].some((x) => sb.has(x));
  };
  const twoSpellings = names.some((a, i) => names.slice(i + 1).some((b) => personKey(a) === personKey(b) && firstNamesDiffer(a, b) && misnamed(a, b)));
  if (!differentPeople && !twoSpellings) return [];
  return [{ field: 'actor', values: [...bySource].map(([source, value]) => ({ source, value })) }];
}

function commonSpeaker(mentions: readonly Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.speaker) counts.set(m.speaker, (counts.get(m.speaker) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** The quoted words of a mention: its quote, or every quoted span of its sentence. */
function quotedWords(m: Mention): string {
  if (m.quote) return m.quote.text;
  return findQuotes(m.sentence.text)
    .map((q) => m.sentence.text.slice(q.start, q.end))
    .join(' … ');
}

/**
 * Differently worded versions of the claim's quote, one per wording (wire copy repeats a wording in
 * many sources), each with the sources that use it and diffed word by word against the claim's.
 */
function variants(mentions: readonly Mention[], rep: Mention): Variant[] {
  // Only quotes have wordings to compare: a quote, and other sources' attributed quoted words.
  if (!mentions.some((m) => m.kind === 'quote')) return [];
  const quoting = mentions.filter((m) => (m.kind === 'quote' || m.speaker !== null) && quotedWords(m) !== '');
  if (quoting.length < 2) return [];
  const base = quotedWords(rep) !== '' ? rep : (quoting[0] as Mention);
  const baseText = quotedWords(base);
  const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const baseNorm = norm(baseText);
  const baseKey = `${baseNorm}\u0000${base.speaker ?? ''}`;
  const wordings = new Map<string, { text: string; speaker: string | null; sources: Set<string> }>();
  for (const m of [base, ...quoting]) {
    const text = quotedWords(m);
    const normed = norm(text);
    // A source that repeats the claim's own words (or only reattributes them) shares its wording.
    const key = normed === baseNorm ? baseKey : `${normed}\u0000${m.speaker ?? ''}`;
    const wording = wordings.get(key) ?? { text, speaker: m.speaker, sources: new Set<string>() };
    wording.sources.add(m.source);
    wordings.set(key, wording);
  }
  if (wordings.size < 2) return [];
  // The version the others are diffed against leads the list, so every wording is shown.
  return [...wordings].map(([key, w]) => ({
    sources: [...w.sources].sort(),
    text: w.text,
    speaker: w.speaker,
    diff:
      key === baseKey
        ? [{ op: 'same' as const, text: baseText }]
        : diffWordsWithSpace(baseText, w.text).map((part) => ({
            op: part.added ? ('added' as const) : part.removed ? ('removed' as const) : ('same' as const),
            text: part.value,
          })),
  }));
}
