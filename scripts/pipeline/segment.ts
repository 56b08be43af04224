/**
 * Splits a cleaned article into sentences with character offsets into its cleaned text. Headings
 * stay one sentence each and are marked so later stages never treat them as claims.
 */
import { splitSentences } from './sentences.ts';
import type { CleanArticle, SegmentedArticle, Sentence } from './types.ts';

/** Adds the article's sentences, numbered in reading order. */
export function segment(article: CleanArticle): SegmentedArticle {
  const sentences: Sentence[] = [];
  for (const block of article.blocks) {
    const spans = block.kind === 'heading' ? [{ start: 0, end: block.text.length }] : splitSentences(block.text);
    for (const span of spans) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      sentences.push({ index: sentences.length, text: article.text.slice(start, end), start, end, kind: block.kind === 'heading' ? 'heading' : 'body' });
    }
  }
  return { ...article, sentences };
}
