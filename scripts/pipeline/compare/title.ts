/**
 * A claim's title is the statement itself, as a reader can take it in: no dateline ("KESWAN —"),
 * no trailing attribution (", officials said."), which the claim's speaker and sources already
 * show. A sentence that cannot stand on its own ("This pledge …", "He added …") is the last
 * choice to stand for a claim (see `standsAlone`).
 */
import { SPEECH_VERBS } from '../lang/en/lexicon.ts';
import { withoutDateline } from '../extract/structure.ts';
import { contentStems } from '../text.ts';
import { SETTINGS } from '../settings.ts';
import type { Mention } from '../types.ts';

/** Trailing attributions: ", Smith said.", ", the ministry said on Monday.", ", according to state media." */
const TRAILING = new RegExp(String.raw`,\s*(?:(?:[^,.;:"“”«»]{1,60}?)\s+(?:${SPEECH_VERBS.source.replace(/^\\b\(|\)\\b$/g, '')})(?:\s+[^,.;:"“”«»]{0,40})?|according to [^,.;:"“”«»]{1,60})[.!]?$`, 'iu');

/** The title of a claim that a mention stands for. */
export function claimTitle(m: Mention): string {
  if (m.kind === 'quote') return m.text;
  let text = withoutDateline(m.sentence.text);
  const cut = text.replace(TRAILING, '.');
  // Keep the attribution when what is left would not be a statement on its own.
  if (cut !== text && contentStems(cut).length >= SETTINGS.extract.minContentWords && !/["“”«»]/.test(cut.slice(-3))) text = cut;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words that open a sentence that leans on the one before it ("This pledge", "He added", "Such a force"). */
const LEANS_ON = /^(this|these|that|those|it|its|they|their|he|she|his|her|such|both|also|but|and|however|meanwhile|instead)\b/i;

/** True when a sentence can stand on its own as a claim's title. */
export function standsAlone(m: Mention): boolean {
  return m.kind === 'quote' || !leansOn(m.sentence.text);
}

/** True when a sentence leans on the one before it ("This pledge …"), past any dateline. */
export function leansOn(sentence: string): boolean {
  return LEANS_ON.test(withoutDateline(sentence).trimStart());
}
