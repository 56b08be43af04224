/**
 * Scores the claims the pipeline made for one event against a fact-checker's gold judgement
 * (`gold.json`, see ../shared/eval/events/README.md). Pure: the gold and the claims in, counts out;
 * `claims.ts` builds the events and prints the table.
 *
 * A gold item is `[file stem, substring of one sentence]`. A claim "holds" an item when one of its
 * appearances of that source has a sentence containing the substring, both normalised (whitespace
 * collapsed, every quote mark and apostrophe folded to one, dashes folded, case folded).
 */

/** `[file stem, substring of one sentence of that file]`. */
export type GoldItem = [string, string];

/** A claim two or more files state (or one quote worded differently, with its speaker). */
export interface GoldGroup {
  id: string;
  items: GoldItem[];
  /** Clusters: the pillar's `order`, or null for no pillar. Quote variants have none. */
  pillar?: number | null;
  speaker?: string;
}

/** Incompatible values between two files. */
export interface GoldConflict {
  id: string;
  field: string;
  hard: boolean;
  a: GoldItem;
  b: GoldItem;
}

/** The parts of `gold.json` the claim eval reads. */
export interface Gold {
  event: string;
  stories: { main: string[]; other: string[][] };
  clusters: GoldGroup[];
  quoteVariants: GoldGroup[];
  quotesWithSpeaker: Array<{ item: GoldItem; speaker: string }>;
  conflicts: GoldConflict[];
  compatible: Array<{ a: GoldItem; b: GoldItem }>;
  mustNotLink: Array<[GoldItem, GoldItem]>;
  singleSource: GoldItem[];
  /** Other item lists (boilerplate, body_kept): only used to tell which sentences the gold covers. */
  otherItems: GoldItem[];
}

/** One place a claim is stated, as the eval needs it (a `ClaimOut` appearance fits). */
export interface EvalAppearance {
  source: string;
  sentence: string;
  speaker: string | null;
}

/** A claim as the eval needs it (a `ClaimOut` fits). */
export interface EvalClaim {
  id: string;
  kind: 'statement' | 'quote';
  speaker: string | null;
  /** The maintainer's pillar id; wins over `autoPillar`. */
  pillar: string | null;
  autoPillar: string | null;
  sources: string[];
  appearances: EvalAppearance[];
  conflicts: Array<{ field: string; values: Array<{ source: string; value: string }> }>;
}

/** A correct/total count; `missed` are the gold items no claim holds. */
export interface Accuracy {
  correct: number;
  total: number;
  missed: number;
}

/** Every count of one event in one mode (or a sum of them). Ratios are computed from these. */
export interface ClaimCounts {
  /** Distinct pairs of sentences from different sources that some claim links. */
  linked: number;
  /** Linked pairs whose two sentences both hold a gold item. */
  judged: number;
  /** Judged pairs that some gold claim (cluster, quote variant, conflict or compatible pair) supports. */
  correct: number;
  /** Judged-wrong pairs that a `must_not_link` entry names. */
  mustNotLink: number;
  /** Gold pairs: two items of one cluster or quote variant from different files. */
  goldPairs: number;
  /** Gold pairs one claim holds both items of. */
  recalled: number;
  /** Linked pairs whose sources belong to different story groups. */
  crossStory: number;
  /** Cross-story pairs a gold cluster supports (a background fact several stories share). */
  crossStorySupported: number;
  conflicts: number;
  conflictsFound: number;
  hardConflicts: number;
  hardFound: number;
  /** Output conflicts that no gold conflict backs. */
  falseConflicts: number;
  /** Output conflicts between the two items of a `compatible_not_conflict` pair. */
  compatibleConflicts: number;
  /** Output conflicts in all. */
  outputConflicts: number;
  singleSource: Accuracy;
  speaker: Accuracy;
  pillar: Accuracy;
  /** Distinct gold items (every list) that no claim holds. */
  itemsNotFound: number;
  items: number;
}

/** A linked pair the gold judges wrong, for `--explain`. */
export interface WrongLink {
  claim: string;
  a: EvalAppearance;
  b: EvalAppearance;
  mustNotLink: boolean;
  crossStory: boolean;
}

/** A gold cluster or quote variant with pairs no claim holds, for `--explain`. */
export interface MissedGroup {
  id: string;
  /** Each item with the ids of the claims holding it (empty: not found in the output). */
  items: Array<{ item: GoldItem; claims: string[] }>;
  /** Indexes into `items` of the pairs not recalled. */
  missed: Array<[number, number]>;
}

/** What went wrong, item by item, for `--explain`. */
export interface ClaimDetails {
  wrongLinks: WrongLink[];
  /** Every link between story groups, judged or not; `supported` when a gold cluster backs it. */
  crossLinks: Array<{ claim: string; a: EvalAppearance; b: EvalAppearance; supported: boolean }>;
  missedGroups: MissedGroup[];
  missedConflicts: Array<{ conflict: GoldConflict; claimsA: string[]; claimsB: string[] }>;
  falseConflicts: Array<{ claim: string; field: string; values: Array<{ source: string; value: string }>; compatible: boolean }>;
  wrongSingle: Array<{ item: GoldItem; claims: Array<{ id: string; sources: number }> }>;
  wrongSpeakers: Array<{ item: GoldItem; gold: string; found: string[]; claims: string[] }>;
  wrongPillars: Array<{ id: string; gold: number | null; found: number | null; claim: string | null }>;
  notFound: GoldItem[];
}

/** Scores of one event in one mode. */
export interface ClaimScore {
  counts: ClaimCounts;
  details: ClaimDetails;
}

const QUOTES = /[\u0022\u0027\u0060\u00ab\u00bb\u00b4\u2018-\u201f\u2032\u2033\u2039\u203a\u275b-\u275e\uff02\uff07]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;

/** Text as items are compared: quote marks and apostrophes folded to `'`, dashes to `-`, whitespace collapsed, case folded. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/\u2026/g, '...')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

function nameTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * Whether a speaker the pipeline found is the gold speaker: accents and case folded, the same when
 * one contains the other, the surname (last word) of either is a word of the other, or one ends
 * with the other written without spaces, so "Ana Roe", "Roe", "Roe report" all match, and "Van
 * Dalen" matches "Piet VanDalen".
 */
export function speakerMatches(gold: string, found: string): boolean {
  const g = nameTokens(gold);
  const f = nameTokens(found);
  if (g.length === 0 || f.length === 0) return false;
  const gj = g.join(' ');
  const fj = f.join(' ');
  if (` ${gj} `.includes(` ${fj} `) || ` ${fj} `.includes(` ${gj} `)) return true;
  // A surname written with or without its space ("Van Dalen", "Piet VanDalen") is one surname.
  const [gs, fs] = [g.join(''), f.join('')];
  if ((g.length >= 2 && fs.endsWith(gs)) || (f.length >= 2 && gs.endsWith(fs))) return true;
  return g.includes(f[f.length - 1] as string) || f.includes(g[g.length - 1] as string);
}

function isItem(x: unknown): x is [string, string, ...unknown[]] {
  return Array.isArray(x) && x.length >= 2 && typeof x[0] === 'string' && typeof x[1] === 'string';
}

function item(x: unknown, where: string): GoldItem {
  if (!isItem(x)) throw new Error(`${where}: expected [stem, substring], got ${JSON.stringify(x)}`);
  return [x[0], x[1]];
}

function list(data: Record<string, unknown>, key: string): unknown[] {
  const value = data[key] ?? [];
  if (!Array.isArray(value)) throw new Error(`gold.json: "${key}" should be a list`);
  return value;
}

function record(x: unknown, where: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new Error(`${where}: expected an object`);
  return x as Record<string, unknown>;
}

/** Reads the parsed JSON of a `gold.json`; throws with the place of the first malformed entry. */
export function parseGold(json: unknown): Gold {
  const data = record(json, 'gold.json');
  const stories = record(data['stories'] ?? { main: [], other: [] }, 'gold.json stories');
  const strings = (x: unknown, where: string): string[] => {
    if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) throw new Error(`${where}: expected a list of stems`);
    return x as string[];
  };
  const group = (x: unknown, where: string): GoldGroup => {
    const g = record(x, where);
    const items = list(g, 'items').map((i, n) => item(i, `${where} items[${n}]`));
    const out: GoldGroup = { id: typeof g['id'] === 'string' ? g['id'] : where, items };
    if ('pillar' in g) out.pillar = typeof g['pillar'] === 'number' ? g['pillar'] : null;
    if (typeof g['speaker'] === 'string') out.speaker = g['speaker'];
    return out;
  };
  const pair = (x: unknown, where: string): { a: GoldItem; b: GoldItem } => {
    const p = record(x, where);
    return { a: item(p['a'], `${where}.a`), b: item(p['b'], `${where}.b`) };
  };
  return {
    event: typeof data['event'] === 'string' ? data['event'] : '',
    stories: {
      main: strings(stories['main'] ?? [], 'stories.main'),
      other: list(stories, 'other').map((g, n) => strings(g, `stories.other[${n}]`)),
    },
    clusters: list(data, 'clusters').map((c, n) => group(c, `clusters[${n}]`)),
    quoteVariants: list(data, 'quote_variants').map((c, n) => group(c, `quote_variants[${n}]`)),
    quotesWithSpeaker: list(data, 'quotes_with_speaker').map((q, n) => {
      if (!isItem(q) || typeof q[2] !== 'string') throw new Error(`quotes_with_speaker[${n}]: expected [stem, substring, speaker]`);
      return { item: [q[0], q[1]] as GoldItem, speaker: q[2] };
    }),
    conflicts: list(data, 'conflicts').map((c, n) => {
      const r = record(c, `conflicts[${n}]`);
      return {
        id: typeof r['id'] === 'string' ? r['id'] : `conflicts[${n}]`,
        field: typeof r['field'] === 'string' ? r['field'] : '',
        hard: r['hard'] === true,
        ...pair(c, `conflicts[${n}]`),
      };
    }),
    compatible: list(data, 'compatible_not_conflict').map((c, n) => pair(c, `compatible_not_conflict[${n}]`)),
    mustNotLink: list(data, 'must_not_link').map((p, n) => {
      if (!Array.isArray(p) || p.length !== 2) throw new Error(`must_not_link[${n}]: expected [[stem, substring], [stem, substring]]`);
      return [item(p[0], `must_not_link[${n}][0]`), item(p[1], `must_not_link[${n}][1]`)];
    }),
    singleSource: list(data, 'single_source').map((i, n) => item(i, `single_source[${n}]`)),
    otherItems: [...list(data, 'boilerplate'), ...list(data, 'body_kept')].filter(isItem).map((i) => [i[0], i[1]]),
  };
}

const key = (i: GoldItem): string => `${i[0]}\u0000${normalise(i[1])}`;
const sentenceKey = (a: EvalAppearance): string => `${a.source}\u0000${a.sentence}`;
const pairKey = (x: string, y: string): string => (x < y ? `${x}\u0001${y}` : `${y}\u0001${x}`);

/** Every count is zero: the start of a sum. */
function emptyCounts(): ClaimCounts {
  return {
    linked: 0, judged: 0, correct: 0, mustNotLink: 0, goldPairs: 0, recalled: 0, crossStory: 0, crossStorySupported: 0,
    conflicts: 0, conflictsFound: 0, hardConflicts: 0, hardFound: 0, falseConflicts: 0, compatibleConflicts: 0, outputConflicts: 0,
    singleSource: { correct: 0, total: 0, missed: 0 },
    speaker: { correct: 0, total: 0, missed: 0 },
    pillar: { correct: 0, total: 0, missed: 0 },
    itemsNotFound: 0, items: 0,
  };
}

/** The sum of several events' counts (ratios of the sum are the overall ratios). */
export function sumCounts(all: readonly ClaimCounts[]): ClaimCounts {
  const sum = emptyCounts();
  for (const c of all) {
    for (const k of Object.keys(sum) as Array<keyof ClaimCounts>) {
      const s = sum[k];
      const v = c[k];
      if (typeof s === 'number' && typeof v === 'number') (sum[k] as number) = s + v;
      else if (typeof s === 'object' && typeof v === 'object') {
        s.correct += v.correct;
        s.total += v.total;
        s.missed += v.missed;
      }
    }
  }
  return sum;
}

/** A ratio, or null when there is nothing to divide by. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

/**
 * Scores one event's claims against its gold. `pillarOrder` maps a pillar id (its file stem) to
 * its `order`, so the claims' pillars compare with the gold's.
 */
export function scoreClaims(gold: Gold, claims: readonly EvalClaim[], pillarOrder: ReadonlyMap<string, number>): ClaimScore {
  const counts = emptyCounts();
  const details: ClaimDetails = { wrongLinks: [], crossLinks: [], missedGroups: [], missedConflicts: [], falseConflicts: [], wrongSingle: [], wrongSpeakers: [], wrongPillars: [], notFound: [] };

  // Each sentence's normalised text, once.
  const normal = new Map<string, string>();
  const normOf = (a: EvalAppearance): string => {
    const k = sentenceKey(a);
    let n = normal.get(k);
    if (n === undefined) normal.set(k, (n = normalise(a.sentence)));
    return n;
  };
  const holdingAppearances = (c: EvalClaim, i: GoldItem): EvalAppearance[] => {
    const sub = normalise(i[1]);
    return c.appearances.filter((a) => a.source === i[0] && normOf(a).includes(sub));
  };
  const heldBy = new Map<string, EvalClaim[]>();
  const holders = (i: GoldItem): EvalClaim[] => {
    const k = key(i);
    let h = heldBy.get(k);
    if (h === undefined) heldBy.set(k, (h = claims.filter((c) => holdingAppearances(c, i).length > 0)));
    return h;
  };
  const holds = (c: EvalClaim, i: GoldItem): boolean => holders(i).includes(c);

  // Which claim each gold item belongs to: groups are clusters and quote variants, plus every
  // conflict and compatible pair (two statements of one claim, whose values differ or seem to).
  const groups: GoldItem[][] = [
    ...gold.clusters.map((g) => g.items),
    ...gold.quoteVariants.map((g) => g.items),
    ...gold.conflicts.map((c) => [c.a, c.b]),
    ...gold.compatible.map((c) => [c.a, c.b]),
  ];
  const groupsOf = new Map<string, Set<number>>();
  groups.forEach((items, g) => {
    for (const i of items) {
      const set = groupsOf.get(key(i)) ?? new Set<number>();
      set.add(g);
      groupsOf.set(key(i), set);
    }
  });
  const allItems = new Map<string, GoldItem>();
  const addItem = (i: GoldItem): void => {
    if (!allItems.has(key(i))) allItems.set(key(i), i);
  };
  for (const items of groups) items.forEach(addItem);
  gold.quotesWithSpeaker.forEach((q) => addItem(q.item));
  gold.mustNotLink.forEach(([a, b]) => (addItem(a), addItem(b)));
  gold.singleSource.forEach(addItem);
  const coverable = new Map(allItems);
  for (const i of gold.otherItems) if (!coverable.has(key(i))) coverable.set(key(i), i);
  const byStem = new Map<string, Array<{ k: string; sub: string }>>();
  for (const [k, i] of coverable) {
    const l = byStem.get(i[0]) ?? [];
    l.push({ k, sub: normalise(i[1]) });
    byStem.set(i[0], l);
  }
  const covered = new Map<string, string[]>();
  const covers = (a: EvalAppearance): string[] => {
    const k = sentenceKey(a);
    let c = covered.get(k);
    if (c === undefined) covered.set(k, (c = (byStem.get(a.source) ?? []).filter((x) => normOf(a).includes(x.sub)).map((x) => x.k)));
    return c;
  };
  const mnl = new Set(gold.mustNotLink.map(([a, b]) => pairKey(key(a), key(b))));

  const storyOf = new Map<string, number>();
  gold.stories.main.forEach((s) => storyOf.set(s, 0));
  gold.stories.other.forEach((g, n) => g.forEach((s) => storyOf.set(s, n + 1)));

  // Precision and links across stories: every distinct pair of sentences of different sources one claim links.
  const seen = new Set<string>();
  for (const c of claims) {
    if (c.sources.length < 2) continue;
    for (let x = 0; x < c.appearances.length; x++) {
      for (let y = x + 1; y < c.appearances.length; y++) {
        const a = c.appearances[x] as EvalAppearance;
        const b = c.appearances[y] as EvalAppearance;
        if (a.source === b.source) continue;
        const pk = pairKey(sentenceKey(a), sentenceKey(b));
        if (seen.has(pk)) continue;
        seen.add(pk);
        counts.linked++;
        const ca = covers(a);
        const cb = covers(b);
        const supported = ca.some((ka) => cb.some((kb) => [...(groupsOf.get(ka) ?? [])].some((g) => groupsOf.get(kb)?.has(g))));
        const sa = storyOf.get(a.source);
        const sb = storyOf.get(b.source);
        const cross = sa !== undefined && sb !== undefined && sa !== sb;
        if (cross) {
          counts.crossStory++;
          if (supported) counts.crossStorySupported++;
          details.crossLinks.push({ claim: c.id, a, b, supported });
        }
        if (ca.length === 0 || cb.length === 0) continue;
        counts.judged++;
        if (supported) {
          counts.correct++;
          continue;
        }
        const named = ca.some((ka) => cb.some((kb) => mnl.has(pairKey(ka, kb))));
        if (named) counts.mustNotLink++;
        details.wrongLinks.push({ claim: c.id, a, b, mustNotLink: named, crossStory: cross });
      }
    }
  }

  // Recall: pairs of items of one cluster or quote variant, from different files.
  const goldPairs = new Set<string>();
  for (const g of [...gold.clusters, ...gold.quoteVariants]) {
    const missed: Array<[number, number]> = [];
    for (let x = 0; x < g.items.length; x++) {
      for (let y = x + 1; y < g.items.length; y++) {
        const a = g.items[x] as GoldItem;
        const b = g.items[y] as GoldItem;
        if (a[0] === b[0]) continue;
        const pk = pairKey(key(a), key(b));
        if (goldPairs.has(pk)) continue;
        goldPairs.add(pk);
        counts.goldPairs++;
        if (holders(a).some((c) => holds(c, b))) counts.recalled++;
        else missed.push([x, y]);
      }
    }
    if (missed.length > 0) details.missedGroups.push({ id: g.id, items: g.items.map((i) => ({ item: i, claims: holders(i).map((c) => c.id) })), missed });
  }

  // Conflicts: the claim holding both statements reports a conflict naming both sources.
  const names = (c: EvalClaim['conflicts'][number], a: GoldItem, b: GoldItem): boolean =>
    c.values.some((v) => v.source === a[0]) && c.values.some((v) => v.source === b[0]);
  for (const g of gold.conflicts) {
    const found = holders(g.a).some((c) => holds(c, g.b) && c.conflicts.some((k) => names(k, g.a, g.b)));
    if (g.hard) {
      counts.hardConflicts++;
      if (found) counts.hardFound++;
    } else {
      counts.conflicts++;
      if (found) counts.conflictsFound++;
    }
    if (!found) details.missedConflicts.push({ conflict: g, claimsA: holders(g.a).map((c) => c.id), claimsB: holders(g.b).map((c) => c.id) });
  }
  for (const c of claims) {
    for (const k of c.conflicts) {
      counts.outputConflicts++;
      const backed = gold.conflicts.some((g) => holds(c, g.a) && holds(c, g.b) && names(k, g.a, g.b));
      if (backed) continue;
      counts.falseConflicts++;
      const compatible = gold.compatible.some((g) => holds(c, g.a) && holds(c, g.b) && names(k, g.a, g.b));
      if (compatible) counts.compatibleConflicts++;
      details.falseConflicts.push({ claim: c.id, field: k.field, values: k.values, compatible });
    }
  }

  // Single-source: every claim holding the statement has one source.
  for (const i of gold.singleSource) {
    counts.singleSource.total++;
    const h = holders(i);
    if (h.length === 0) counts.singleSource.missed++;
    else if (h.every((c) => c.sources.length === 1)) counts.singleSource.correct++;
    if (h.length === 0 || !h.every((c) => c.sources.length === 1)) details.wrongSingle.push({ item: i, claims: h.map((c) => ({ id: c.id, sources: c.sources.length })) });
  }

  // Speakers: quotes with a speaker, and each quote variant's items with the variant's speaker.
  const quoted = new Map<string, { item: GoldItem; speaker: string }>();
  for (const q of gold.quotesWithSpeaker) if (!quoted.has(key(q.item))) quoted.set(key(q.item), q);
  for (const g of gold.quoteVariants) {
    if (g.speaker === undefined) continue;
    for (const i of g.items) {
      // The same quote as a quotes_with_speaker item, when one substring contains the other.
      const n = normalise(i[1]);
      const same = gold.quotesWithSpeaker.some((q) => q.item[0] === i[0] && (normalise(q.item[1]).includes(n) || n.includes(normalise(q.item[1]))));
      if (!same && !quoted.has(key(i))) quoted.set(key(i), { item: i, speaker: g.speaker });
    }
  }
  for (const q of quoted.values()) {
    counts.speaker.total++;
    const h = holders(q.item);
    if (h.length === 0) {
      counts.speaker.missed++;
      details.wrongSpeakers.push({ item: q.item, gold: q.speaker, found: [], claims: [] });
      continue;
    }
    const found = new Set<string>();
    for (const c of h) {
      for (const a of holdingAppearances(c, q.item)) if (a.speaker !== null) found.add(a.speaker);
      if (c.kind === 'quote' && c.speaker !== null) found.add(c.speaker);
    }
    if ([...found].some((s) => speakerMatches(q.speaker, s))) counts.speaker.correct++;
    else details.wrongSpeakers.push({ item: q.item, gold: q.speaker, found: [...found], claims: h.map((c) => c.id) });
  }

  // Pillars: the claim holding most of a cluster's items, its pillar's order.
  for (const g of gold.clusters) {
    if (g.pillar === undefined) continue;
    counts.pillar.total++;
    let best: EvalClaim | null = null;
    let most = 0;
    for (const c of claims) {
      const n = g.items.filter((i) => holds(c, i)).length;
      if (n > most || (n === most && n > 0 && best !== null && c.sources.length > best.sources.length)) {
        best = c;
        most = n;
      }
    }
    if (best === null) {
      counts.pillar.missed++;
      details.wrongPillars.push({ id: g.id, gold: g.pillar, found: null, claim: null });
      continue;
    }
    const id = best.pillar ?? best.autoPillar;
    const order = id === null ? null : (pillarOrder.get(id) ?? null);
    if (order === g.pillar) counts.pillar.correct++;
    else details.wrongPillars.push({ id: g.id, gold: g.pillar, found: order, claim: best.id });
  }

  // Coverage: gold items no claim holds.
  counts.items = allItems.size;
  for (const i of allItems.values()) {
    if (holders(i).length > 0) continue;
    counts.itemsNotFound++;
    details.notFound.push(i);
  }
  return { counts, details };
}
