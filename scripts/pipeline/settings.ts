/**
 * Every threshold the pipeline uses, in one place, so the methodology page can print exactly what
 * the build ran with and maintainers can see why a claim was matched or labelled as it was.
 */
export const SETTINGS = {
  extract: {
    /** A sentence needs at least this many content words to be a claim. */
    minContentWords: 5,
    /** A sentence needs at least this check-worthiness score (facts: figures, dates, names, attributions, commitments). */
    minCheckWorthiness: 2,
    /** A quoted span with fewer words is a scare quote inside a statement, not a quote claim. */
    minQuoteWords: 4,
  },
  match: {
    /** Mentions sharing no term rarer than this share of all mentions are never compared (blocking). */
    maxBlockingShare: 0.2,
    /** Weighted term similarity (0..1) above which two mentions from different sources state the same claim. */
    sameClaim: 0.35,
    /** Two mentions that are each other's best match in their sources join above this similarity. */
    mutualBest: 0.12,
    /** Two mentions must share at least this many content stems to be compared. */
    minSharedTerms: 3,
    /** Two groups merge when their mentions are on average this similar. */
    groupMerge: 0.08,
    /** How many of a source's first mentions count as its lead, for the event's date. */
    leadSentences: 3,
    /** Every pair inside a claim must be at least this similar (prevents chains of loosely related mentions). */
    clusterFloor: 0.07,
    /** Two quotes by different speakers join only above this similarity (then the speaker is a conflict). */
    differentSpeakers: 0.72,
    /** Two mentions with different figures of one unit join only above this similarity (then the figure is disputed). */
    differentValues: 0.5,
    /** A sentence may back a second claim when it is at least this similar to that claim's best mention. */
    secondaryClaim: 0.14,
    /** …and contains at least this share of the weight of the terms the claim's mentions share. */
    secondaryContainment: 0.45,
  },
  classify: {
    /** A pillar is assigned when its keyword score reaches this. */
    minScore: 1,
  },
} as const;

export type Settings = typeof SETTINGS;
