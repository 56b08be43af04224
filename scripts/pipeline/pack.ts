/**
 * The cache file's compact form of an article's results: a segmented article repeats its text in
 * every block and sentence, and a mention repeats its sentence, so the packed form keeps the text
 * once (as UTF-8) with offsets, and mentions point at their sentence. Unpacking gives back equal
 * objects; a text that is not the slice its offsets name is kept as it is.
 */
import type { Block, Mention, SegmentedArticle, Sentence } from './types.ts';

/** A segmented article with its text once and its blocks and sentences as offsets. */
export interface PackedArticle {
  /** The article without text, blocks and sentences (kept in place, as null, for key order). */
  rest: Record<string, unknown>;
  text: Uint8Array;
  /** start, end, kind (1 = heading) of each block, or the blocks themselves. */
  blocks: Int32Array | Block[];
  /** start, end, kind (1 = heading) of each sentence, numbered in order, or the sentences themselves. */
  sentences: Int32Array | Sentence[];
}

/** A mention whose sentence is an index into its article's sentences and whose words are not repeated. */
export type PackedMention = Omit<Mention, 'sentence' | 'text' | 'quote' | 'terms' | 'clauses'> & {
  /** The terms joined by U+0001 (many short strings are the slowest part to read back), or as they are. */
  terms: string | string[];
  clauses: Array<string | string[]>;
  sentence: number | (Omit<Sentence, 'text'> & { text: string | null });
  /** Null when the words are the sentence's. */
  text: string | null;
  quote: { start: number; end: number } | null;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs a segmented article. */
export function packArticle(article: SegmentedArticle): PackedArticle {
  const { text } = article;
  const flat = <T extends { text: string; start: number; end: number; kind: string }>(items: readonly T[], indexed: boolean): Int32Array | T[] => {
    const out = new Int32Array(items.length * 3);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as T;
      if (item.text !== text.slice(item.start, item.end) || (indexed && (item as unknown as Sentence).index !== i)) return [...items];
      out.set([item.start, item.end, item.kind === 'heading' ? 1 : 0], i * 3);
    }
    return out;
  };
  return {
    rest: { ...article, text: null, blocks: null, sentences: null },
    text: encoder.encode(text),
    blocks: flat(article.blocks, false),
    sentences: flat(article.sentences, true),
  };
}

/** Unpacks a segmented article. */
export function unpackArticle(packed: PackedArticle): SegmentedArticle {
  const text = decoder.decode(packed.text);
  const blocks: Block[] = Array.isArray(packed.blocks) ? packed.blocks : [];
  if (packed.blocks instanceof Int32Array) {
    const b = packed.blocks;
    for (let i = 0; i < b.length; i += 3) blocks.push({ text: text.slice(b[i], b[i + 1]), start: b[i] ?? 0, end: b[i + 1] ?? 0, kind: b[i + 2] === 1 ? 'heading' : 'paragraph' });
  }
  const sentences: Sentence[] = Array.isArray(packed.sentences) ? packed.sentences : [];
  if (packed.sentences instanceof Int32Array) {
    const s = packed.sentences;
    for (let i = 0; i < s.length; i += 3) sentences.push({ index: i / 3, text: text.slice(s[i], s[i + 1]), start: s[i] ?? 0, end: s[i + 1] ?? 0, kind: s[i + 2] === 1 ? 'heading' : 'body' });
  }
  return Object.assign({ ...packed.rest }, { text, blocks, sentences }) as unknown as SegmentedArticle;
}

/** Packs an article's mentions. */
export function packMentions(article: SegmentedArticle, mentions: readonly Mention[]): PackedMention[] {
  return mentions.map((m) => {
    const own = article.sentences[m.sentence.index] === m.sentence;
    const slice = article.text.slice(m.sentence.start, m.sentence.end) === m.sentence.text;
    return {
      ...m,
      sentence: own ? m.sentence.index : { ...m.sentence, text: slice ? null : m.sentence.text },
      text: m.text === m.sentence.text ? null : m.text,
      quote: m.quote && m.quote.text === m.text ? { start: m.quote.start, end: m.quote.end } : (m.quote as never),
      terms: joinTerms(m.terms),
      clauses: m.clauses.map(joinTerms),
    };
  });
}

/** Unpacks an article's mentions, pointing at the unpacked article's sentences. */
export function unpackMentions(article: SegmentedArticle, packed: readonly PackedMention[]): Mention[] {
  return packed.map((p) => {
    const s = p.sentence;
    const sentence = typeof s === 'number' ? (article.sentences[s] as Sentence) : { ...s, text: s.text ?? article.text.slice(s.start, s.end) };
    const text = p.text ?? sentence.text;
    const quote = p.quote && !('text' in p.quote) ? { text, start: p.quote.start, end: p.quote.end } : (p.quote as Mention['quote']);
    return { ...p, sentence, text, quote, terms: splitTerms(p.terms), clauses: p.clauses.map(splitTerms) };
  });
}

const SEPARATOR = '\u0001';

function joinTerms(terms: readonly string[]): string | string[] {
  return terms.length > 0 && !terms.some((t) => t.includes(SEPARATOR)) ? terms.join(SEPARATOR) : [...terms];
}

function splitTerms(terms: string | string[]): string[] {
  return typeof terms === 'string' ? terms.split(SEPARATOR) : terms;
}
