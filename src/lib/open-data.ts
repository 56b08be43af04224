/** The shape of `data/claims.json`: the published claims and what they rest on. */
import type { SiteData } from './data.ts';

/** Published claims (not hidden, not merged) with sources, verdict scale and pillars. */
export function buildOpenData(data: SiteData, siteUrl: string) {
  const { site } = data;
  return {
    site: { title: site.title, description: site.description, publisher: site.publisher, published: site.published, url: siteUrl },
    pillars: data.pillars.map((p) => ({ id: p.id, title: p.title, order: p.order })),
    sources: data.sources.map(({ id, data: s }) => ({
      id, title: s.title, headline: s.headline, outlet: s.outlet, author: s.author, url: s.url, published: s.published, file: s.file,
    })),
    verdicts: site.verdicts,
    claims: data.listed.map(({ id, data: c, pillar, sourceIds, independent }) => ({
      id,
      text: c.text,
      kind: c.kind,
      speaker: c.speaker,
      pillar,
      status: c.status,
      verdict: c.verdict,
      review: c.review && c.verdict ? { date: c.review.date, reviewer: c.reviewer, updates: c.review.updates, changedSinceReview: c.changedSinceReview } : null,
      orphaned: c.orphaned,
      sources: sourceIds,
      independent,
      sharedCopy: c.sharedCopy,
      fact: c.fact,
      appearances: c.appearances.map((a) => ({ source: a.source, sentence: a.sentence, index: a.index, speaker: a.speaker, selector: a.selector })),
      conflicts: c.conflicts,
      variants: c.variants,
    })),
    merged: data.claims.filter((c) => !c.data.hidden && c.mergedInto).map((c) => ({ id: c.id, into: c.mergedInto })),
  };
}
