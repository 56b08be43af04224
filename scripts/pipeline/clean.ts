/**
 * Removes page clutter from an article's blocks with generic rules (share widgets, related lists,
 * promos, tag lines, captions and credits, image alt text, repeated section labels, bylines) and
 * joins what is left into the cleaned text that every selector points into.
 */
import { classifyBlock, isCaption } from './blocks.ts';
import { splitSentences } from './sentences.ts';
import type { Block, CleanArticle, RawArticle, Removal } from './types.ts';

/** Each rule names one kind of clutter; `test` sees the block and its neighbours. */
interface Rule {
  id: string;
  test(block: string, context: { index: number; blocks: readonly string[]; counts: ReadonlyMap<string, number> }): boolean;
}

const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;
const isShortLabel = (text: string, maxWords = 8): boolean => !SENTENCE_END.test(text) && text.split(/\s+/).length <= maxWords;

const SHARE = /^(share|share (and|&) follow|share this( article| story| page)?|share on \w+|follow( us)?( on \w+)?|print( this)?|e-?mail|copy (the )?link|tweet|comments?( \(\d+\))?|save|listen( to (this )?article)?|\d+ ?(comments?|shares?))$/i;
const RELATED = /^(you (may|might) also like|related( (stories|articles|coverage|news|content|posts|reading|links|topics))?|read (more|next|also)|more (from|on|stories|news|in)\b.*|recommended( for you| stories)?|most (read|popular|viewed|shared)|trending( now| stories)?|also read|see also|what to read next|editor['’]?s picks|top stories|latest (news|stories)|further reading|more like this)\s*:?$/i;
const PROMO = /^(don['’]t miss|do not miss|read (more|also|next)\b|subscribe\b|sign up\b|click here|download (our|the) app|follow us\b|join (us|our)\b|get (our|the) .*newsletter|advertisement$|sponsored\b|support (our|us)\b|watch:|listen:|related:|see more:)/i;
const TAGS = /^(tags?|topics?|filed under|categories|keywords)\s*:/i;
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Rr]eporting by|[Aa]dditional reporting by|[Ww]ords by)\s+\p{Lu}/u;
const CREDIT_LINE = /^(?:\(?\s*)(?:additional reporting|reporting|editing|writing|compiled|produced|graphics|research) by\s+\p{Lu}/iu;
const DATELINE = /^(updated|published|posted|last updated)\b[^.]{0,60}\d{4}/i;

const RULES: Rule[] = [
  { id: 'share-widget', test: (b) => b.length <= 40 && SHARE.test(b) },
  { id: 'tag-line', test: (b) => TAGS.test(b) || (b.match(/#\w+/g)?.length ?? 0) >= 3 },
  { id: 'promo', test: (b) => b.length <= 400 && PROMO.test(b) },
  { id: 'byline', test: (b, c) => c.index <= 2 && b.length <= 120 && (BYLINE.test(b) || DATELINE.test(b)) },
  { id: 'credit-line', test: (b) => b.length <= 160 && CREDIT_LINE.test(b) },
  { id: 'caption', test: (b) => isCaption(b) },
  {
    // A short line with no sentence ending just before a caption is the image's alt text.
    id: 'alt-text',
    test: (b, c) => isShortLabel(b, 12) && isCaption(c.blocks[c.index + 1] ?? ''),
  },
  { id: 'repeated-label', test: (b, c) => isShortLabel(b) && (c.counts.get(b) ?? 0) >= 2 },
  { id: 'teaser', test: (b) => b.length <= 300 && /(…|\.\.\.)$/.test(b) && !/[.!?]["'”’»]?\s*(…|\.\.\.)$/.test(b) },
];

/** Cleans an article; a related-content heading drops itself and everything after it. */
export function clean(article: RawArticle): CleanArticle {
  const removed: Removal[] = [];
  const counts = new Map<string, number>();
  for (const b of article.blocks) counts.set(b, (counts.get(b) ?? 0) + 1);
  const kept: string[] = [];
  for (let index = 0; index < article.blocks.length; index++) {
    const text = article.blocks[index] ?? '';
    if (RELATED.test(text) && isShortLabel(text)) {
      removed.push({ rule: 'related-list', text });
      for (const rest of article.blocks.slice(index + 1)) removed.push({ rule: 'related-list', text: rest });
      break;
    }
    const rule = RULES.find((r) => r.test(text, { index, blocks: article.blocks, counts }));
    if (rule) removed.push({ rule: rule.id, text });
    else kept.push(text);
  }
  // A trailing run of short labels (section names, "Advertisement") is clutter too.
  while (kept.length > 0 && isShortLabel(kept.at(-1) ?? '', 4)) removed.push({ rule: 'trailing-label', text: kept.pop() ?? '' });
  const blocks: Block[] = [];
  let offset = 0;
  for (const text of kept) {
    if (blocks.length > 0) offset += 2;
    blocks.push({ text, start: offset, end: offset + text.length, kind: classifyBlock(text) === 'heading' ? 'heading' : 'paragraph' });
    offset += text.length;
  }
  const text = kept.join('\n\n');
  return { ...article, title: article.meta.title ?? titleFrom(blocks), text, blocks, removed };
}

/** A title for an article without a headline: its first sentence, shortened at a word. */
function titleFrom(blocks: readonly Block[]): string {
  const first = blocks.find((b) => b.kind === 'paragraph') ?? blocks[0];
  if (!first) return 'Untitled article';
  const span = splitSentences(first.text)[0];
  const sentence = span ? first.text.slice(span.start, span.end) : first.text;
  if (sentence.length <= 140) return sentence;
  return `${sentence.slice(0, 140).replace(/\s+\S*$/, '')}…`;
}
