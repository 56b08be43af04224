/**
 * When two verbs say the same thing happened, and when opposite things: lemmas, stems, WordNet
 * synonyms and antonyms, and the verbs' vectors. Shared by the vetoes, the dated acts and the
 * days values are compared on.
 */
import { SETTINGS } from '../../settings.ts';
import { stem } from '../../text.ts';
import { wordNearness } from '../vectors.ts';
import { antonyms, synonymous } from './wordnet.ts';

/**
 * Two verbs say the same happened when they are one lemma or stem, WordNet synonyms, or near in
 * meaning (their lemmas' vectors) without being WordNet opposites ("rise" and "fall" are near).
 */
export function sameEvent(p: string, q: string): boolean {
  if (sameVerb(p, q) || synonymous(p, q, 'verb')) return true;
  return wordNearness(p, q) >= SETTINGS.match.sameMeaning && !antonyms(p, 'verb').has(q) && !antonyms(q, 'verb').has(p);
}

/**
 * Two verbs that are one verb: one lemma or stem. Stricter than `sameEvent`: common verbs are near
 * in meaning ("take" and "know") or share a rare sense ("take" and "read" a meter), so denying one
 * is no denial of the other.
 */
export function sameVerb(p: string, q: string): boolean {
  return p === q || stem(p) === stem(q);
}

/** Two verbs that say opposite things: WordNet antonyms ("rise" and "fall", "win" and "lose"). */
export function oppositeEvents(p: string, q: string): boolean {
  return antonyms(p, 'verb').has(q) || antonyms(q, 'verb').has(p);
}

