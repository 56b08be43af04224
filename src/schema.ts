/**
 * The one definition of Triangulate's content: used by the generator (scripts/pipeline/render.ts,
 * validate.ts) to validate what it writes and what maintainers edit, and by
 * src/content.config.ts to type the Astro collections.
 */
import { z } from 'astro/zod';

/**
 * The longest text a maintainer's field may hold, in characters: anything longer is a paste gone
 * wrong (a 5 MB title made a 188 MB site). Articles' metadata is cut to the same limits.
 */
export const LIMITS = { title: 300, text: 2000, name: 200, id: 200, url: 2048, keywords: 1000 } as const;
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

/** How many sources back a claim, computed by the generator. */
export const STATUSES = ['corroborated', 'single-source', 'disputed'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** A rung of the verdict scale a maintainer can give a claim. */
export const verdictSchema = z.object({
  id: text(LIMITS.id).regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase slug such as "accurate"'),
  label: text(LIMITS.name).min(1),
  description: text(LIMITS.text).default(''),
});
export type Verdict = z.infer<typeof verdictSchema>;

/** Used when site.md declares no scale of its own. */
export const DEFAULT_VERDICTS: Verdict[] = [
  { id: 'accurate', label: 'Accurate', description: 'The claim matches the record and the sources agree.' },
  { id: 'mostly-accurate', label: 'Mostly accurate', description: 'Right in substance; a detail is missing or imprecise.' },
  { id: 'mixed', label: 'Mixed', description: 'Parts are right and parts are wrong or unsupported.' },
  { id: 'misleading', label: 'Misleading', description: 'Literally true but framed to leave a false impression.' },
  { id: 'inaccurate', label: 'Inaccurate', description: 'The claim is contradicted by the record.' },
  { id: 'unverified', label: 'Unverified', description: 'Not enough independent evidence to rate it yet.' },
];

/**
 * A calendar date kept as `YYYY-MM-DD` text. Astro's YAML reads an unquoted `2026-01-07` as a Date
 * while the generator's keeps it as text; both arrive here as the same string.
 */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date such as 2026-01-07'),
);

/** `site.md`: the microsite's name and the maintainer's choices that apply to every page. */
export const siteSchema = z.object({
  title: text(LIMITS.title).min(1),
  description: text(LIMITS.text).min(1),
  /** Who publishes the reviews (ClaimReview `author`); without it no ClaimReview is published. */
  publisher: text(LIMITS.name).min(1).nullable().default(null),
  /** Date the reviews were published (YYYY-MM-DD), for ClaimReview and the feed; never invented. */
  published: isoDate.nullable().default(null),
  /** Where readers send corrections (an email address or a URL), named by the corrections policy. */
  corrections: text(LIMITS.url).min(1).nullable().default(null),
  verdicts: z.array(verdictSchema).min(1).default(DEFAULT_VERDICTS),
});
export type Site = z.infer<typeof siteSchema>;

/** `pillars/<id>.md`: one part of the framework the event is about. */
export const pillarSchema = z.object({
  title: text(LIMITS.title).min(1),
  order: z.number().int().min(1),
  keywords: z.array(text(LIMITS.name).min(1)).min(1).max(LIMITS.keywords, `at most ${LIMITS.keywords} keywords`),
  summary: text(LIMITS.text).optional(),
});
export type Pillar = z.infer<typeof pillarSchema>;

/** W3C Web Annotation TextQuoteSelector and TextPositionSelector into a source's cleaned text. */
export const selectorSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Selector = z.infer<typeof selectorSchema>;

/**
 * One place a source states a claim: the sentence, who says it, and where it sits. Files store
 * `selector.exact` only when it is not the whole sentence (a quote inside it): a claim stated by
 * hundreds of sources would otherwise carry every sentence twice. Reading fills it back.
 */
export const appearanceSchema = z
  .object({
    source: z.string(),
    /** The exact sentence of the cleaned text. */
    sentence: z.string(),
    speaker: z.string().nullable(),
    /** Index of the sentence in the cleaned source, the anchor `#s<index>` on its page. */
    index: z.number().int().min(0),
    selector: selectorSchema.extend({ exact: z.string().min(1).optional() }),
  })
  .transform(({ selector, ...a }) => ({
    ...a,
    selector: { exact: selector.exact ?? a.sentence, prefix: selector.prefix, suffix: selector.suffix, start: selector.start, end: selector.end },
  }));
export type Appearance = z.infer<typeof appearanceSchema>;

/** An appearance as a file stores it: without `selector.exact` when that is the whole sentence. */
export function storedAppearance(a: Appearance): z.input<typeof appearanceSchema> {
  if (a.selector.exact !== a.sentence) return a;
  const { exact: _whole, ...selector } = a.selector;
  return { ...a, selector };
}

/** What kind of value sources disagree on. */
export const CONFLICT_FIELDS = ['figure', 'percent', 'date', 'weekday', 'actor'] as const;
/** Sources that give one claim incompatible values of the same field. */
export const conflictSchema = z.object({
  field: z.enum(CONFLICT_FIELDS),
  values: z.array(z.object({ source: z.string(), value: z.string() })).min(2),
});
export type Conflict = z.infer<typeof conflictSchema>;

/** A word of a word-level diff between two wordings of a quote. */
export const diffPartSchema = z.object({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});

/** One wording of the same quote, with the sources that use it, diffed against the claim's text. */
export const variantSchema = z.object({
  sources: z.array(z.string()).min(1),
  text: z.string(),
  speaker: z.string().nullable(),
  diff: z.array(diffPartSchema),
});
export type Variant = z.infer<typeof variantSchema>;

/** Frontmatter fields of a claim that belong to the maintainer; the generator never changes them. */
export const claimEditsSchema = z.object({
  verdict: text(LIMITS.id).nullable().default(null),
  pillar: text(LIMITS.id).nullable().default(null),
  hidden: z.boolean().default(false),
  mergeInto: text(LIMITS.id).nullable().default(null),
  /** Who reviewed the claim, shown with the verdict. */
  reviewer: text(LIMITS.name).min(1).nullable().default(null),
  /**
   * The evidence fingerprint an editor has checked after the claim changed since review: copying
   * the fingerprint the warning names here clears `changedSinceReview`.
   */
  confirmed: text(LIMITS.id).nullable().default(null),
});
export type ClaimEdits = z.infer<typeof claimEditsSchema>;
export const MAINTAINER_FIELDS = ['verdict', 'pillar', 'hidden', 'mergeInto', 'reviewer', 'confirmed'] as const;

/** A dated entry of a review's corrections trail: the verdict or the note changed, or changed evidence was confirmed. */
export const reviewUpdateSchema = z.object({
  date: isoDate,
  change: z.string().min(1),
});
export type ReviewUpdate = z.infer<typeof reviewUpdateSchema>;

/**
 * What an editor reviewed, recorded by the generator on the first run after a verdict or a note
 * appears: the statement, a fingerprint of its evidence (sources, their sentences, conflicts), the
 * verdict and note as last seen, and the date (kept, so rebuilds are byte-identical).
 */
export const reviewSchema = z.object({
  /** When the review was first seen (YYYY-MM-DD). */
  date: isoDate,
  /** The statement as reviewed: a regenerated claim keeps it as its text. */
  text: z.string().min(1),
  /** Fingerprint of the evidence as reviewed, or as last confirmed. */
  evidence: z.string().min(1),
  /** The sources that stated it then, to say which were added or removed since. */
  sources: z.array(z.string()).default([]),
  /** The verdict as last recorded, to notice when it changes. */
  verdict: z.string().nullable(),
  /** Fingerprint of the note as last recorded. */
  note: z.string(),
  /** Dated corrections and updates, oldest first. */
  updates: z.array(reviewUpdateSchema).default([]),
});
export type Review = z.infer<typeof reviewSchema>;

/**
 * The claims a claim's `mergeInto` leads to, in order, and the id met a second time when the
 * merges go round in a circle (else null). `mergeIntoOf` gives a claim's `mergeInto`. The one walk
 * the generator (checking, folding) and the site (where a merged claim points) share.
 */
export function mergeChain(id: string, mergeIntoOf: (id: string) => string | null | undefined): { chain: string[]; cycle: string | null } {
  const seen = new Set([id]);
  const chain: string[] = [];
  for (let next = mergeIntoOf(id) ?? null; next !== null; next = mergeIntoOf(next) ?? null) {
    if (seen.has(next)) return { chain, cycle: next };
    seen.add(next);
    chain.push(next);
  }
  return { chain, cycle: null };
}

/** Frontmatter fields of a claim that the generator refreshes on every run. */
export const claimFactsSchema = z.object({
  text: z.string().min(1),
  kind: z.enum(['statement', 'quote']),
  speaker: z.string().nullable(),
  /** The pillar the classifier chose; the maintainer's `pillar` wins over it. */
  autoPillar: z.string().nullable(),
  status: statusSchema,
  sources: z.array(z.string()),
  appearances: z.array(appearanceSchema),
  conflicts: z.array(conflictSchema),
  variants: z.array(variantSchema),
  /** True when no source states the claim any more; the file stays so its URL and edits live on. */
  orphaned: z.boolean().default(false),
  /** For an orphaned claim: the claim that now holds its evidence, so its page can point there. */
  supersededBy: z.string().nullable().default(null),
  /** For an orphaned claim: where it was last found, kept so it can be re-anchored if the words return. */
  lastSeen: z.array(appearanceSchema).default([]),
  /** How many of the sources are independent: outlets that carry the same wire copy count once. Absent: every source. */
  independent: z.number().int().min(1).optional(),
  /** Groups (two or more source ids each) of sources that share copy; empty when none. */
  sharedCopy: z.array(z.array(z.string()).min(2)).default([]),
  /** For a claim of one fact that its sources tell inside longer sentences (a day, a count): that fact in the words of the claim's sentence; the sources are compared on it alone. */
  fact: z.string().min(1).nullable().default(null),
  /** What was reviewed and when; null until the claim has a verdict or a note. */
  review: reviewSchema.nullable().default(null),
  /** True when the evidence changed after the review and no editor has confirmed it yet. */
  changedSinceReview: z.boolean().default(false),
});

/** Every field of a claim file, as an object schema (its `shape` lists the known fields). */
export const claimObjectSchema = claimEditsSchema.extend(claimFactsSchema.shape);
/** A claim's fields as the generator writes them (`independent` may be absent). */
export type ClaimData = z.infer<typeof claimObjectSchema>;

/**
 * `claims/<id>.md`: one claim, its evidence, and the maintainer's verdict and note (the body).
 * `independent` falls back to the number of sources when the generator did not count it.
 */
export const claimSchema = claimObjectSchema.transform((claim) => ({ ...claim, independent: claim.independent ?? claim.sources.length }));
export type Claim = z.infer<typeof claimSchema>;

/** `sources/<id>.md`: one article as cleaned, with its metadata; the body is the annotated text. */
export const sourceSchema = z.object({
  title: z.string().min(1),
  /** False when the article had no headline and the title is its first sentence. */
  headline: z.boolean(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  published: z.union([isoDate, z.string()]).nullable(),
  /** The article's path relative to the content root. */
  file: z.string(),
  sentences: z.number().int().min(0),
  claims: z.array(z.string()),
  /** Page clutter the cleaner removed, with the rule that removed it. */
  removed: z.array(z.object({ rule: z.string(), text: z.string() })),
});
export type Source = z.infer<typeof sourceSchema>;
