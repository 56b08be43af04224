/**
 * schema.org ClaimReview for a claim page, following Google's fact-check markup guidelines:
 * facts only from the content (no invented dates, outlets or URLs).
 */
import type { Claim, Source, Verdict } from '../schema.ts';
import { articleHref } from './safe-url.ts';
import { corroborationLabel } from './status.ts';

export interface ClaimReviewInput {
  claim: Claim;
  /** Absolute URL of the claim page. */
  pageUrl: string;
  /** Absolute URL of the site's home page. */
  siteUrl: string;
  publisher: string;
  /** site.published; omitted when null. */
  published: string | null;
  verdict: Verdict | null;
  /** The sources stating the claim (or the first of them), with the absolute URL of the exact sentence on our source page. */
  appearances: Array<{ source: Source; sentenceUrl: string }>;
  /** How many sources state the claim, when `appearances` lists only some; default its length. */
  statingSources?: number;
  totalSources: number;
}

/** The JSON-LD object; serialise it with `jsonLdScript`. */
export function buildClaimReview(input: ClaimReviewInput): Record<string, unknown> {
  const { claim } = input;
  const ratingText = input.verdict?.label ?? corroborationLabel(claim.status, input.statingSources ?? input.appearances.length, input.totalSources);
  const review: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: input.pageUrl,
    claimReviewed: claim.text,
    author: { '@type': 'Organization', name: input.publisher, url: input.siteUrl },
    reviewRating: { '@type': 'Rating', alternateName: ratingText },
    itemReviewed: {
      '@type': 'Claim',
      ...(claim.kind === 'quote' && claim.speaker ? { author: { '@type': 'Person', name: claim.speaker } } : {}),
      appearance: input.appearances.map(({ source, sentenceUrl }) => creativeWork(source, sentenceUrl)),
    },
  };
  if (input.published) review['datePublished'] = input.published.slice(0, 10);
  return review;
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
