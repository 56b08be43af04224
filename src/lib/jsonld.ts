/**
 * schema.org ClaimReview for a claim page, following Google's fact-check markup guidelines:
 * facts only from the content (no invented dates, outlets or URLs).
 */
import type { Claim, Source, Verdict } from '../schema.ts';
import { articleHref } from './safe-url.ts';

export interface ClaimReviewInput {
  claim: Claim;
  /** Absolute URL of the claim page. */
  pageUrl: string;
  /** Absolute URL of the site's home page. */
  siteUrl: string;
  /** site.publisher: who publishes the review; without it there is no ClaimReview. */
  publisher: string | null;
  /** The editor's verdict: without it the claim is not a review and gets no ClaimReview. */
  verdict: Verdict | null;
  /** The sources stating the claim (or the first of them), with the absolute URL of the exact sentence on our source page. */
  appearances: Array<{ source: Source; sentenceUrl: string }>;
}

/** Why a claim with a verdict gets no ClaimReview, or null when it gets one. */
export function claimReviewGap(input: Pick<ClaimReviewInput, 'claim' | 'publisher' | 'verdict'>): string | null {
  if (!input.verdict) return null;
  if (!input.publisher) return 'site.md has no `publisher`';
  if (!input.claim.review) return 'the review has no date yet (run npm run content)';
  return null;
}

/**
 * The JSON-LD object, or null when the claim is not a review: only an editor's verdict is a
 * rating, never a count of sources; a review also needs its date and its publisher.
 */
export function buildClaimReview(input: ClaimReviewInput): Record<string, unknown> | null {
  const { claim, verdict } = input;
  const review = claim.review;
  if (!verdict || !input.publisher || !review) return null;
  const modified = review.updates.reduce((latest, u) => (u.date > latest ? u.date : latest), review.date);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.pageUrl,
    claimReviewed: claim.text,
    datePublished: review.date.slice(0, 10),
    ...(modified !== review.date ? { dateModified: modified.slice(0, 10) } : {}),
    author: { '@type': 'Organization', name: input.publisher, url: input.siteUrl },
    ...(claim.reviewer ? { creator: { '@type': 'Person', name: claim.reviewer } } : {}),
    reviewRating: { '@type': 'Rating', alternateName: verdict.label },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.kind === 'quote' && claim.speaker ? { author: { '@type': 'Person', name: claim.speaker } } : {}),
      appearance: input.appearances.map(({ source, sentenceUrl }) => creativeWork(source, sentenceUrl)),
    },
  };
}

function creativeWork(source: Source, sentenceUrl: string): Record<string, unknown> {
  const url = articleHref(source.url);
  const work: Record<string, unknown> = { '@type': 'CreativeWork', url: url ?? sentenceUrl };
  if (source.headline) work['headline'] = source.title;
  else work['name'] = source.title;
  if (source.published) work['datePublished'] = source.published;
  if (source.author) work['author'] = { '@type': 'Person', name: source.author };
  if (source.outlet) work['publisher'] = { '@type': 'Organization', name: source.outlet };
  if (url) work['sameAs'] = sentenceUrl;
  return work;
}

/** JSON for a `<script type="application/ld+json">`, safe against `</script>` in claim text. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
