/**
 * Every threshold the pipeline uses, in one place, so the methodology page can print exactly what
 * the build ran with and maintainers can see why a claim was matched or labelled as it was.
 */
export const SETTINGS = {
  extract: {
    /** A sentence needs at least this many content words to be a claim. */
    minContentWords: 5,
    /** A sentence needs at least this check-worthiness score (facts: figures, dates, names, attributions, commitments). */
    minCheckWorthiness: 1,
    /** A day is tied to the act at most this many words from it, in its clause ("released it late on Friday"). */
    dayActDistance: 4,
    /** …and to the verb of its clause before it at most this many words back ("seized several positions on the outskirts of the city on Tuesday"). */
    dayVerbDistance: 12,
    /** A quoted span with fewer words is a scare quote inside a statement, not a quote claim. */
    minQuoteWords: 4,
  },
  match: {
    /** Mentions sharing no term rarer than this share of all mentions are never compared (blocking). */
    maxBlockingShare: 0.2,
    /** …and never more than this many mentions, so the candidate pairs grow linearly with the corpus. */
    maxPostings: 200,
    /** Two different words count as one when their GloVe vectors' cosine reaches this ("bought" and "purchased" 0.89, "purchase" and "buy" 0.83). */
    sameMeaning: 0.7,
    /** Every two mentions of one claim from different sources must be at least this similar (complete linkage at a floor). */
    minPairSimilarity: 0.1,
    /** …and count as a shared word, for which pairs are compared at all, from this cosine up (near-synonyms only). */
    sameShared: 0.85,
    /** Groups merge while the average similarity of their mentions (0..1) is at least this. */
    sameClaim: 0.32,
    /** Sentence vectors (SIF, meaning.ts) add this much of their cosine above `sentenceFloor` to the word overlap… */
    sentenceWeight: 0.3,
    /** …from this cosine up (two sentences of one event, common component removed, mostly score under it). */
    sentenceFloor: 0.4,
    /** Weight of a term found in one mention only, relative to its IDF: it can only dilute a match. */
    uniqueTermWeight: 0.3,
    /** Added to the similarity of two mentions that are each other's best match between their sources. */
    mutualBestBonus: 0.05,
    /** Added to the similarity of two mentions for each counted figure or percentage they agree on. */
    sharedFigureBonus: 0.2,
    /** Added to the similarity of two mentions that attribute their words to the same person. */
    sameSpeakerBonus: 0.1,
    /** A clause is compared on its own when it has at least this many content stems. */
    minClauseTerms: 4,
    /** A clause-to-sentence similarity counts this much of a whole-sentence one. */
    clauseFactor: 0.8,
    /** Two mentions must share at least this many content stems to be compared. */
    minSharedTerms: 3,
    /** Two articles are about the same story when their topic words overlap at least this much (0..1; unrelated articles mostly score under 0.15, articles about one event over 0.3)… */
    sameStory: 0.2,
    /** …and below this overlap (the middle of the band between the two) they are one story only when two or more of their sentences match. */
    looseStory: 0.25,
    /** …otherwise a match between their sentences counts only from this similarity up (the same sentence, near enough word for word). */
    otherStory: 0.5,
    /** An article none of whose sentences matched joins the main story for the event's date from this overlap (two reports in other words). */
    relatedStory: 0.15,
    /** Two leads that give different days dispute the event's day only when they are at least this similar (else they tell of different events). */
    sameEventLead: 0.1,
    /** Two counts of people with one fate are one count when their sentences share at least this many other words ("the shelling of the port"). */
    countShared: 1,
    /** Two like figures of one counted thing (not people) are one figure when their sentences share at least this many other words. */
    thingShared: 2,
    /** …and two exact figures of it that differ by at most this share of the larger are one figure in dispute ("130" and "131" pages). */
    slipShare: 0.05,
    /** How many of a source's first mentions count as its lead, for the event's date. */
    leadSentences: 3,
    /** Two mentions whose verbs say different things happened are one claim only from this similarity up. */
    differentPredicates: 0.4,
    /** Two mentions that name different people, places or organisations (and none in common) are one claim only from this similarity up. */
    differentActors: 0.6,
    /** Two quotes by different speakers join only above this similarity (then the speaker is a conflict). */
    differentSpeakers: 0.72,
    /** Two mentions with different figures of one unit join only above this similarity (then the figure is disputed). */
    differentValues: 0.12,
    /** A mention that counts people with a fate and one that gives no count of them are one claim only from this similarity up. */
    uncountedToll: 0.72,
    /** Two mentions that give different days join only from this similarity up (a story runs over several days). */
    differentDays: 0.25,
    /** A mention also backs another claim when its average similarity to that claim's mentions reaches this (about a merge's bar). */
    secondaryClaim: 0.25,
    /** …but backs at most this many claims besides its own. */
    maxSecondary: 2,
  },
  compare: {
    /** Two articles carry the same copy when this share of the shorter one's word 8-grams is in the other (wire copy, lightly edited). */
    sameCopy: 0.5,
    /** …counting only 8-grams found in at most this many articles (more is boilerplate). */
    maxShingleSources: 50,
  },
  classify: {
    /** A pillar is assigned when its keyword score reaches this. */
    minScore: 1,
  },
} as const;

export type Settings = typeof SETTINGS;
