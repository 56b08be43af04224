/**
 * The data that flows between pipeline stages. Stages are pure functions over these shapes; only
 * ingest.ts reads the disk and only write.ts writes it.
 */
import type { Appearance, Conflict, Variant, Status } from '../../src/schema.ts';

/** A problem found in one input file, reported as `file:line:column  rule  message`. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** A fatal problem skips the file; a warning only reports. */
  fatal: boolean;
}

/** Metadata an article declares about itself (frontmatter, or meta tags of an HTML page). */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  url: string | null;
  published: string | null;
}

/** An article as read from `articles/`, before cleaning: its raw text split into blocks. */
export interface RawArticle {
  /** The file's stem: the source id. */
  id: string;
  /** Path relative to the content root, with forward slashes. */
  file: string;
  meta: ArticleMeta;
  /** True when `meta.title` came from the file itself (a headline line, frontmatter, or HTML). */
  hasHeadline: boolean;
  /** Paragraph-level blocks of text in reading order (a line of a .txt file, a paragraph of HTML). */
  blocks: string[];
  problems: Problem[];
}

/** A block of cleaned text, with its offsets in the cleaned text. */
export interface Block {
  text: string;
  start: number;
  end: number;
  kind: 'paragraph' | 'heading';
}

/** Why the cleaner dropped a block. */
export interface Removal {
  rule: string;
  text: string;
}

/** An article after clutter removal: `text` is the cleaned text every selector points into. */
export interface CleanArticle extends Omit<RawArticle, 'blocks'> {
  title: string;
  text: string;
  blocks: Block[];
  removed: Removal[];
}

/** A sentence of a cleaned article; offsets are into `CleanArticle.text`. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
  /** Sentences of headings are never claims. */
  kind: 'body' | 'heading';
}

export interface SegmentedArticle extends CleanArticle {
  sentences: Sentence[];
}

/** A typed value found in a sentence, normalised so sources can be compared. */
export interface Value {
  field: 'figure' | 'percent' | 'date' | 'weekday';
  /** As written, e.g. "more than 30". */
  raw: string;
  /** Normalised for display and comparison, e.g. "Tuesday", "20%", ">30". */
  norm: string;
  /** For figures, the thing counted, folded ("country" for "nations" and "countries"). */
  unit?: string;
  /** For days and dates, true when it is the day someone spoke ("said Wednesday"), not when anything happened. */
  spoken?: boolean;
  /** For other days and dates, the act they are the day of, a verb's lemma ("release" in "released on Friday"), when one is near. */
  act?: string;
  /** For figures in a unit of measurement: `unit` is its dimension ("length") and the interval is in its base unit. */
  measured?: boolean;
  /** For figures, what happened to what is counted: the verb's lemma ("kill" in "four people were killed"). */
  event?: string;
  /** The numeric interval the value allows, for figures and percents. */
  min?: number;
  max?: number;
}

/** A direct quote inside a sentence. */
export interface Quote {
  text: string;
  /** Offsets into the cleaned text. */
  start: number;
  end: number;
}

/** One check-worthy statement or quote as one source states it. */
export interface Mention {
  /** `${source}#${sentence index}`, plus `q` for a quote (`q2`, `q3` for more quotes that start in one sentence), plus `.n` for the nth sentence of a quote's or clause of a statement's (see partOf). */
  key: string;
  /**
   * For one sentence of a quote of several, the key of the whole quote's mention: it backs a claim
   * only where the whole does not. For one clause of a statement that joins several, the
   * statement's key: it backs a claim its sentence may not be in.
   */
  partOf?: string;
  source: string;
  sentence: Sentence;
  kind: 'statement' | 'quote';
  /** The words that carry the claim: the sentence, or the quoted words for a quote. */
  text: string;
  quote: Quote | null;
  speaker: string | null;
  /** People named in the sentence, normalised. */
  actors: string[];
  /** The people the sentence names, as it writes them ("Teodor Lind"), for spellings that disagree. */
  named: string[];
  /** Who and where the words name: proper-noun words, folded ("holm", "keswan"). */
  who: string[];
  /** What happens: the lemmas of its content verbs, "!" before one that is negated ("!engage"). */
  did: string[];
  /** The lemmas of its stative verbs that are not auxiliaries ("attended", "remains"): what is, not what happens; "!" before one that is negated. */
  held?: string[];
  values: Value[];
  /** Normalised content-word stems used for matching. */
  terms: string[];
  /** Terms of each clause, when the sentence joins several statements; else empty. */
  clauses: string[][];
}

/** Mentions from different sources that state the same claim. */
export interface Cluster {
  mentions: Mention[];
  /** Keys of mentions whose main claim is another one (a sentence that states two claims). */
  borrowed: string[];
  /** True for the claim that compares when each source's lead says the event happened. */
  timing?: boolean;
  /** For a mention that backs the claim with one fact of its sentence (by key): that fact's values, the only ones compared. */
  compared?: Record<string, Value[]>;
  /** The mention whose wording stands for the claim. */
  representative: Mention;
}

/** A claim ready to be written: matched, compared and classified. */
export interface DraftClaim {
  /** Stable id (filled in by identify). */
  id: string;
  text: string;
  kind: 'statement' | 'quote';
  speaker: string | null;
  autoPillar: string | null;
  status: Status;
  sources: string[];
  appearances: Appearance[];
  conflicts: Conflict[];
  variants: Variant[];
  /** How many of `sources` are independent reports (sources that share copy count once). */
  independent: number;
  /** Groups of this claim's sources that carry the same copy. */
  sharedCopy: string[][];
  /** For a claim of one fact that longer sentences tell, that fact in its sentence's words ("attack on Sunday"); else null. */
  fact: string | null;
}

/**
 * A file's text, or how to render it when the cache knows it is the text the last run wrote: then
 * write renders it only if the file on disk changed since.
 */
export type FileText = string | { render: () => string };
