/** RSS feed of the published claims, each linking to its claim page. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/data.ts';
import { sourcesPhrase, STATUS_INFO } from '../lib/status.ts';
import { claimHref, href } from '../lib/urls.ts';

export const GET: APIRoute = async (context) => {
  const data = await loadSiteData();
  const pubDate = data.site.published ? new Date(data.site.published.slice(0, 10)) : undefined;
  return rss({
    title: data.site.title,
    description: data.site.description,
    site: new URL(href(''), context.site ?? 'http://localhost:4321'),
    trailingSlash: true,
    items: data.listed.map((claim) => ({
      title: claim.data.kind === 'quote' ? `“${claim.data.text}”${claim.data.speaker ? ` (${claim.data.speaker})` : ''}` : claim.data.text,
      link: claimHref(claim.id),
      description: `${STATUS_INFO[claim.data.status].label}: ${sourcesPhrase(claim.sourceIds.length, data.sources.length)}.${claim.verdict ? ` Verdict: ${claim.verdict.label}.` : ''}`,
      ...(pubDate ? { pubDate } : {}),
      ...(claim.pillar ? { categories: [data.pillarById.get(claim.pillar)!.title] } : {}),
    })),
  });
};
