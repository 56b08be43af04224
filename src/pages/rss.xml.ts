/**
 * RSS feed of the editors' reviews: one item per claim with a verdict, dated by its latest review
 * or update, with a guid that changes with that date, so a reader shows a new verdict or a
 * correction as new. `lastBuildDate` is the latest of those dates (never the clock, so rebuilds are
 * byte-identical) and the channel links to itself.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { lastReviewed, loadSiteData } from '../lib/data.ts';
import { sourcesPhrase, STATUS_INFO } from '../lib/status.ts';
import { absolute, claimHref, href } from '../lib/urls.ts';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async (context) => {
  const data = await loadSiteData();
  const reviews = data.listed
    .filter((claim) => claim.reviewed)
    .map((claim) => ({ claim, date: lastReviewed(claim) }))
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0) || (a.claim.id < b.claim.id ? -1 : 1));
  const latest = reviews.reduce<string | null>((max, r) => (r.date !== null && (max === null || r.date > max) ? r.date : max), null);
  const self = absolute(href('rss.xml'), context.site);
  const channel = `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>${latest ? `<lastBuildDate>${new Date(latest.slice(0, 10)).toUTCString()}</lastBuildDate>` : ''}`;
  return rss({
    title: data.site.title,
    description: data.site.description,
    site: new URL(href(''), context.site ?? 'http://localhost:4321'),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: channel,
    items: reviews.map(({ claim, date }) => {
      const c = claim.data;
      const updates = c.review?.updates ?? [];
      const last = updates.at(-1);
      const link = absolute(claimHref(claim.id), context.site);
      return {
        title: `${claim.verdict!.label}: ${c.kind === 'quote' ? `“${c.text}”${c.speaker ? ` (${c.speaker})` : ''}` : c.text}`,
        link: claimHref(claim.id),
        description:
          `Verdict: ${claim.verdict!.label}.${last && last.date === date ? ` Updated: ${last.change}` : ''}` +
          ` What the sources say: ${STATUS_INFO[c.status].label.toLowerCase()}, ${sourcesPhrase(claim.independent, data.sources.length)}${c.fact ? `, on one fact: “${c.fact}”` : ''}.` +
          `${c.changedSinceReview ? ' The sources changed after this review.' : ''}`,
        ...(date ? { pubDate: new Date(date.slice(0, 10)), customData: `<guid isPermaLink="false">${escapeXml(`${link}#review-${date.slice(0, 10)}`)}</guid>` } : {}),
        ...(claim.pillar ? { categories: [data.pillarById.get(claim.pillar)!.title] } : {}),
      };
    }),
  });
};
