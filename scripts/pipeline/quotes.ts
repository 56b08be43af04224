/**
 * Finds direct quotes in a block of text: «guillemets», “curly” and "straight" double quotes, even
 * when a quote runs over several sentences. Single quotes are left alone: they are apostrophes too
 * often to be told apart reliably.
 */

/** A quoted span: offsets of the words inside the marks. */
export interface QuoteSpan {
  start: number;
  end: number;
}

const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“' };

/** Quoted spans of a text, in order, not nested. */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  // Where each closing mark last occurs: an opening mark after it can have no partner, so a text
  // full of unclosed marks costs one pass, not one search per mark.
  const last = new Map<string, number>([['»', text.lastIndexOf('»')], ['”', text.lastIndexOf('”')], ['“', text.lastIndexOf('“')], ['"', text.lastIndexOf('"')], ['«', text.lastIndexOf('«')]]);
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    let close: string | undefined = PAIRS[ch];
    if (ch === '"') close = '"';
    if (close === undefined) {
      i++;
      continue;
    }
    // „…“ is German-style; a “ that closes a „ is handled by the pair table.
    let j = (last.get(close) ?? -1) > i ? within(text, close, i + 1) : -1;
    if (ch === '“' && j === -1 && (last.get('"') ?? -1) > i) j = within(text, '"', i + 1);
    // A quote that opens its paragraph, or follows "said:", may run to the paragraph's end
    // without a closing mark (the style of papers whose quotes go on in the next paragraph).
    if (j === -1 && opensQuote(text, i) && Math.max(...last.values()) <= i && text.length - i <= MAX_QUOTE) j = text.length;
    // An opening mark with no partner within the block, or a runaway span, is not a quote.
    if (j === -1) {
      i++;
      continue;
    }
    const inner = trimSpan(text, i + 1, j);
    if (inner.end > inner.start) spans.push(inner);
    i = j + 1;
  }
  return spans;
}

/** True when the mark at `at` opens its block, or comes right after a colon ("She said: “…"). */
function opensQuote(text: string, at: number): boolean {
  return (at < 8 && text.slice(0, at).trim() === '') || /:\s*$/.test(text.slice(Math.max(0, at - 4), at));
}

/** Longest quote, in characters: a mark with no partner within it is not a quote. */
const MAX_QUOTE = 1500;

/** Index of `mark` in the MAX_QUOTE characters from `from`, or -1: bounded, so the scan stays linear. */
function within(text: string, mark: string, from: number): number {
  const j = text.slice(from, from + MAX_QUOTE).indexOf(mark);
  return j === -1 ? -1 : from + j;
}

/** Number of words in a span of text. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function trimSpan(text: string, start: number, end: number): QuoteSpan {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:—–-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}
