/**
 * A cheap guess at what a block of article text is, from generic typographic cues only, so that
 * headlines, photo captions and pull quotes are not mistaken for reported claims.
 */

/** What a block of article text looks like it is. */
export type BlockKind = 'heading' | 'caption' | 'quote' | 'paragraph';

/** Photo/video credits and agency tags that mark a caption. */
const CREDIT = /\b(?:Image|Photo|Photograph|Picture|Video|Audio|Illustration|Graphic|Credit)s?\s?:|\b(?:Photo|Image|Picture)s? (?:by|courtesy|credit)\b|\((?:AP|AFP|Reuters|Getty(?: Images)?|EPA|PA)\b[^)]{0,40}\)\s*$|©/i;
/** A date line such as "Friday, July 21, 2017": body furniture, not a headline. */
const DATE_ONLY = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}$/;
const OPEN_QUOTE = /^["“«„‘']/;
const CLOSE_QUOTE = /["”»“’'][.,!?…]?$|[.,!?…]["”»’']$/;
const TERMINAL = /[.!?…:;,]["”’'»)\]]*$/;
const MAX_HEADING_WORDS = 20;
const DOUBLE_QUOTES = /["“”«»„]/g;
/** A reference or dateline ends with a full date; a headline does not. */
const ENDS_WITH_DATE = /(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}$/;

const CAPTION_PREFIX = /^(photo|image|picture|file photo|credit|caption)s?\s*[:\-–—|]/i;
const TRAILING_PAREN = /\(([^()]{3,160})\)\s*$/;
const CREDIT_WORDS = /\b(photo|photos|image|images|picture|credit|getty|reuters|afp|ap|epa|pool|shutterstock|alamy|via|file)\b/i;
/** Longer than this, a block is prose even if it names a photo. */
const MAX_CAPTION_CHARS = 500;

/**
 * A photo caption or credit: a credit tag ("Photo:", "(AP)", "©"), or a parenthesised credit at the
 * end ("(Name/Agency)", "(… via Agency)").
 */
export function isCaption(text: string): boolean {
  const t = text.trim();
  if (t.length > MAX_CAPTION_CHARS) return false;
  if (CREDIT.test(t) || CAPTION_PREFIX.test(t)) return true;
  const paren = TRAILING_PAREN.exec(t)?.[1];
  return paren !== undefined && (paren.includes('/') || CREDIT_WORDS.test(paren)) && !/\d{4}\)$/.test(t);
}

/**
 * Quoted speech standing alone: one quotation from the first character to the last (no attribution
 * between two quoted parts), or the closing part of a quotation opened in an earlier block.
 */
function isQuote(t: string): boolean {
  if (t.length < 3 || !CLOSE_QUOTE.test(t)) return false;
  const marks = t.match(DOUBLE_QUOTES)?.length ?? 0;
  if (OPEN_QUOTE.test(t)) return marks <= 2;
  return marks === 1;
}

/** Classify one block of text as a heading, a caption, a quote, or an ordinary paragraph. */
export function classifyBlock(text: string): BlockKind {
  if (typeof text !== 'string') return 'paragraph';
  const t = text.trim();
  if (t === '') return 'paragraph';
  if (isCaption(t)) return 'caption';
  if (isQuote(t)) return 'quote';
  if (DATE_ONLY.test(t) || ENDS_WITH_DATE.test(t)) return 'paragraph';
  const words = t.split(/\s+/).length;
  if (words <= MAX_HEADING_WORDS && !TERMINAL.test(t) && /\p{L}/u.test(t)) return 'heading';
  return 'paragraph';
}
