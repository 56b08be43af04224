/**
 * English-language knowledge the stages share: speech verbs, titles that introduce people, words
 * that make a capitalised phrase an organisation or place rather than a person, and demonyms.
 * Nothing here is about a particular event: event knowledge (pillars, keywords, verdicts) lives in
 * the content root, and what words mean comes from resources npm installs (word vectors, WordNet,
 * a tagger), not from lists.
 */
import { createRequire } from 'node:module';
import { stem } from '../../text.ts';

/**
 * Stems of everyday English words ("like", "way", "possible", "year"): the stopwords-iso list,
 * which says little about what an article is about, so they are left out of story similarity.
 */
export const GENERAL_STEMS: ReadonlySet<string> = new Set(
  (createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>)['en']?.map((word) => stem(word)) ?? [],
);

/** Verbs that attribute words to a speaker. */
export const SPEECH_VERBS =
  /\b(said|says|say|told|tells|added|adds|stated|states|noted|notes|remarked|argued|argues|emphasi[sz]ed|stressed|warned|cautioned|explained|declared|insisted|wrote|writes|writing|insisting|saying|adding|warning|noting|arguing|claiming|stating|explaining|tweeted|posted|announced|acknowledged|highlighted|mentioned|indicated|described|calling|called|praising|praised|pointed out|expressed|asserted|claimed|replied|responded|asked(?!\s+(?:[\w.’'-]+\s+){0,3}?to\s)|asks(?!\s+(?:[\w.’'-]+\s+){0,3}?to\s)|explains|recalls|insists|warns|urges|joked|jokes|urged|vowed|promised|pledged|admitted|conceded|suggested|thanked|welcomed|echoed|recalled|predicted|according to)\b/i;

/** Titles and roles that come right before a person's name. */
export const TITLES =
  /\b(President|Vice President|Prime Minister|Chancellor|Minister|Foreign Minister|Defen[cs]e Minister|Secretary|Secretary-General|Envoy|envoy|Ambassador|ambassador|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Senator|Sen\.|Representative|Rep\.|Governor|Gov\.|Mayor|King|Queen|Prince|Princess|Pope|Dr\.|Mr\.|Mrs\.|Ms\.|Judge|Justice|spokesperson|spokesman|spokeswoman|adviser|advisor|chief|leader|CEO|Chairman|Chairwoman|Chair|Director|Commissioner|Speaker)\s+$/;

/** Capitalised words that mark a phrase as an organisation, place, event or date, not a person. */
export const NOT_PERSON = new Set(
  (
    'The A An In On At For From With By Of And Or But This That These Those It Its Their Our His Her We They He She I ' +
    'Inside Outside Across Near Into Onto Upon Under Over Through Throughout During Despite Since Until After Before Among Amid Between Against Without Within Beyond Behind Around Toward Towards ' +
    'Although Though While When Where If As Because Some Many Most All Both Each Every Several Few No Any ' +
    'United States Kingdom Union European Council Coalition Force Forces Ministry Department Office House Republic Nations ' +
    'Charter Court Party Army Navy Air Bank Fund Agency Commission Committee Organization Organisation Senate Congress ' +
    'Parliament Government Palace Kremlin Street Avenue Road Boulevard Highway Motorway Plaza Square World War Day News Times Post Press Group Inc Ltd Corp Company ' +
    'University Institute Police Region Sea Ocean North South East West Northern Southern Eastern Western Central ' +
    'Memorandum Article Treaty Agreement Declaration Summit Conference Plan Pact Accord Initiative Program Programme ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Minister President Prime Chancellor Secretary General Special Envoy Chief ' +
    'Federal National International Global Security Defense Defence Peace Summit Alliance Airport Station Bridge ' +
    'Church Hospital School College Museum Stadium Tower Hall Center Centre Island Islands River Mountain Valley ' +
    'Tags Share Follow Related Photo Image Getty Reuters AFP AP Pool Images Via Sputnik Associated Press ' +
    'Governor Mayor Senator Judge Justice Director Commissioner Sheriff Captain Officer Inspector Professor Sir Lord Lady ' +
    'King Queen Prince Princess Pope Colonel Admiral Ambassador Spokesperson Spokesman Spokeswoman Chairman Chairwoman ' +
    'Councillor Councilor Deputy Superintendent Detective Sergeant Lieutenant Major Bishop Rabbi Imam Mr Mrs Ms Dr'
  ).split(/\s+/),
);

/**
 * Light verbs of English: they carry tense, aspect or intent, not what happened ("make", "get",
 * "try", "begin"). Stative verbs ("be", "have", "include") come from WordNet (`verbKind`).
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set(['do', 'get', 'make', 'go', 'come', 'become', 'seem', 'appear', 'want', 'try', 'begin', 'start']);

/**
 * Words that tell of an act that happened before ("a second attack", "struck again", "the latest
 * raid", "renewed fighting"): English grammar for repetition, as ordinals and adverbs.
 */
export const REPEATED = /\b(second|third|fourth|fifth|\d+(?:nd|rd|th)|again|another|latest|renewed|renews?|fresh)\b/i;

/** Pronouns that refer back to the last person named. */
export const PRONOUN = /\b(he|she)\b/i;

/** Countries and regions with the words that name their people and things (Denmark: Danish). */
const DEMONYMS: Array<[string, string[]]> = [
  ['us', ['U.S', 'US', 'USA', 'American', 'Americans', 'America']],
  ['uk', ['U.K', 'UK', 'Britain', 'British', 'Briton', 'Britons']],
  ['europe', ['Europe', 'European', 'Europeans', 'EU']],
  ['france', ['France', 'French']],
  ['germany', ['Germany', 'German', 'Germans']],
  ['ukraine', ['Ukraine', 'Ukrainian', 'Ukrainians']],
  ['russia', ['Russia', 'Russian', 'Russians']],
  ['italy', ['Italy', 'Italian', 'Italians']],
  ['poland', ['Poland', 'Polish', 'Poles']],
  ['spain', ['Spain', 'Spanish']],
  ['china', ['China', 'Chinese']],
  ['japan', ['Japan', 'Japanese']],
  ['india', ['India', 'Indian', 'Indians']],
  ['canada', ['Canada', 'Canadian', 'Canadians']],
  ['australia', ['Australia', 'Australian', 'Australians']],
  ['brazil', ['Brazil', 'Brazilian', 'Brazilians']],
  ['mexico', ['Mexico', 'Mexican', 'Mexicans']],
  ['israel', ['Israel', 'Israeli', 'Israelis']],
  ['iran', ['Iran', 'Iranian', 'Iranians']],
  ['turkey', ['Turkey', 'Turkish']],
  ['netherlands', ['Netherlands', 'Dutch']],
  ['sweden', ['Sweden', 'Swedish']],
  ['norway', ['Norway', 'Norwegian']],
  ['denmark', ['Denmark', 'Danish']],
  ['finland', ['Finland', 'Finnish']],
  ['greece', ['Greece', 'Greek']],
  ['egypt', ['Egypt', 'Egyptian']],
  ['korea', ['Korea', 'Korean', 'Koreans']],
];

/** A map from each form of each demonym, keyed as `key` writes it, to its place's key. */
function demonyms(key: (form: string) => string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [place, forms] of DEMONYMS) for (const form of forms) map.set(key(form), place);
  return map;
}

/**
 * Stem → the place's key for demonyms ("Danish" → "denmark"), for term matching. Words said in
 * other words ("purchased" for "bought") are found by word vectors (match/meaning.ts), not listed.
 */
export const DEMONYM_STEMS: ReadonlyMap<string, string> = demonyms((form) => stem(form));

const PHRASES: Array<[RegExp, string]> = [
  [/\bUnited States\b/g, 'US'],
  [/\bUnited Kingdom\b/g, 'UK'],
  [/\bEuropean Union\b/g, 'EU'],
];

/** Rewrites multi-word names to one token, so "United States" and "U.S." match. */
export function canonicalPhrases(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PHRASES) out = out.replace(pattern, replacement);
  return out;
}

/** A place's key for a word that names it or its people ("Danish" → "denmark"), as written in lower case without dots. */
export const PLACE_OF: ReadonlyMap<string, string> = demonyms((form) => form.toLowerCase().replace(/\./g, ''));
